"""Loading guides: what a good guide becomes, fees, unverified facts, paths, links, the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import pytest

from kiosk.content import (
    ASK_AT_DESK,
    PROVINCE_FEE,
    Availability,
    ChannelKind,
    FeeBasis,
    Guide,
    GuideProblem,
    PaperForm,
    load_guides,
    run_check,
    tips,
)
from kiosk.content.locate import decode_error_line, field_line, key_lines
from kiosk.content.safety import link_problem
from kiosk.domain.views import LocalText

LINES = ("A", "B", "C", "D", "E")
Edit = Callable[[str, str], None]
FEE_TABLE = '[fee]\ntext.vi = "Miễn lệ phí."\ntext.en = "Free."\nsource = "Luật Mẫu 2014, Điều 1"\n'
FEE_TABLE += 'kind = "law"\nchecked = 2026-11-28\n\n'


def load_one(root: Path, fee_overrides: Mapping[str, LocalText] | None = None) -> Guide:
    load = load_guides(root, line_codes=LINES, fee_overrides=fee_overrides or {})
    assert load.problems == ()
    (guide,) = load.guides
    return guide


def test_sample_guide_loads_every_field(guides_root: Path) -> None:
    guide = load_one(guides_root)

    assert (guide.id, guide.line, guide.order) == ("mau", "A", 5)
    assert guide.title == LocalText("Thủ tục mẫu", "Sample procedure")
    assert guide.who.text.en == "Residents of the commune."
    assert guide.who.checked == date(2026, 11, 28)
    (paper,) = guide.papers
    assert (paper.form, paper.count) == (PaperForm.ORIGINAL, 1)
    assert paper.details() == LocalText("Bản chính, 1 bản", "Original, 1 copy")
    assert (guide.fee.basis, guide.fee.text.en) == (FeeBasis.STATED, "Free.")
    assert [step.number for step in guide.steps] == [1, 2, 3]
    assert guide.steps[0].image == (guides_root / "mau" / "buoc.svg").resolve()
    assert guide.links[0].url == "https://dichvucong.gov.vn/"
    assert guide.tip is None
    assert guide.national_code is None


def test_channels_show_their_availability_and_unverified_ones_ask_at_the_desk(
    guides_root: Path,
) -> None:
    guide = load_one(guides_root)

    desk = guide.channel(ChannelKind.DESK)
    assert (desk.availability, desk.text) == (Availability.YES, LocalText("Có", "Yes"))
    assert guide.channel(ChannelKind.PORTAL).text.en == "Partly"
    vneid = guide.channel(ChannelKind.VNEID)
    assert (vneid.availability, vneid.text, vneid.verified) == (None, ASK_AT_DESK, False)


def test_province_fee_shows_the_ask_at_the_desk_text_when_not_configured(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample(FEE_TABLE, "")
    edit_sample("order = 5\n", 'order = 5\nfee = "province"\n')

    fee = load_one(guides_root).fee

    assert (fee.basis, fee.text) == (FeeBasis.PROVINCE, PROVINCE_FEE)
    assert fee.text.vi == "Do tỉnh quy định, vui lòng hỏi tại quầy"


def test_province_fee_shows_the_communes_configured_amount(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample(FEE_TABLE, "")
    edit_sample("order = 5\n", 'order = 5\nfee = "province"\n')
    configured = LocalText("8.000 đ một bản", "8,000 VND a copy")

    fee = load_one(guides_root, fee_overrides={"mau": configured}).fee

    assert (fee.basis, fee.text) == (FeeBasis.COMMUNE, configured)


def test_fee_override_for_a_guide_that_does_not_exist_is_reported(guides_root: Path) -> None:
    load = load_guides(
        guides_root, line_codes=LINES, fee_overrides={"khong-co": LocalText("1 đ", "1 VND")}
    )

    assert [guide.id for guide in load.guides] == ["mau"]
    assert [(p.field, p.message) for p in load.problems] == [
        ("fee_overrides.khong-co", "no guide has this id")
    ]


def test_unverified_facts_are_shown_as_please_check_at_the_desk(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample(
        'text.en = "Residents of the commune."\n', 'text.en = "Residents."\nverified = false\n'
    )
    edit_sample("count = 1\n", "count = 1\nverified = false\n")
    edit_sample('text.en = "Free."\n', 'text.en = "Free."\nverified = false\n')
    edit_sample("number = 2\n", "number = 2\nverified = false\n")

    guide = load_one(guides_root)

    assert (guide.who.text, guide.who.verified) == (ASK_AT_DESK, False)
    assert guide.who.text.en == "Please check at the desk"
    assert guide.who.text.vi == "Vui lòng hỏi lại tại quầy để biết chính xác"
    paper = guide.papers[0]
    assert (paper.name, paper.form, paper.count) == (ASK_AT_DESK, None, None)
    assert (guide.fee.text, guide.fee.basis) == (ASK_AT_DESK, FeeBasis.UNVERIFIED)
    assert guide.steps[1].text == ASK_AT_DESK
    assert guide.steps[0].text.en == "Get the papers ready."


def test_unverified_fact_needs_no_text(guides_root: Path, edit_sample: Edit) -> None:
    edit_sample('[who]\ntext.vi = "Người dân trong xã."\ntext.en = "Residents of the commune."\n',
                "[who]\nverified = false\n")  # fmt: skip

    assert load_one(guides_root).who.text == ASK_AT_DESK


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        ("order = 5", "order = true", "order", "expected a whole number, found true or false"),
        ("order = 5", "order = 0", "order", "must be 1 or more, found 0"),
        ("count = 1", "count = 1.5", "papers[0].count", "found a decimal number"),
        ("[where.vneid]\nverified = false", '[where.vneid]\nverified = "false"',
         "where.vneid.verified", "expected true or false, found text"),
        ("[title]", "title = []\n[x]", "title", "expected a table, found a list"),
        ('id = "mau"', 'id = "Mau_1"', "id", "lower-case letters, digits and hyphens"),
    ],
)  # fmt: skip
def test_wrong_types_and_values_are_reported(
    guides_root: Path, edit_sample: Edit, old: str, new: str, field: str, fragment: str
) -> None:
    edit_sample(old, new)

    load = load_guides(guides_root, line_codes=LINES)

    assert load.guides == ()
    assert any(p.field == field and fragment in p.message for p in load.problems), [
        str(problem) for problem in load.problems
    ]


def test_step_text_of_exactly_160_characters_is_accepted(
    guides_root: Path, edit_sample: Edit
) -> None:
    text = "ă" * 160
    edit_sample('text.vi = "Chuẩn bị giấy tờ."', f'text.vi = "{text}"')

    assert load_one(guides_root).steps[0].text.vi == text


def test_steps_come_back_in_number_order_whatever_the_file_order(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample("number = 1\n", "number = 3\n")
    edit_sample("number = 3\n", "number = 1\n")  # the old step 3, now last in file order

    numbers = [step.number for step in load_one(guides_root).steps]

    assert numbers == [1, 2, 3]


def test_guides_are_sorted_by_order_then_id(guides_root: Path) -> None:
    for name, order in (("b-thu", 1), ("a-thu", 9), ("c-thu", 1)):
        shutil.copytree(guides_root / "mau", guides_root / name)
        path = guides_root / name / "guide.toml"
        text = path.read_text(encoding="utf-8").replace('id = "mau"', f'id = "{name}"')
        path.write_text(text.replace("order = 5", f"order = {order}"), encoding="utf-8")

    load = load_guides(guides_root, line_codes=LINES)

    assert [guide.id for guide in load.guides] == ["b-thu", "c-thu", "mau", "a-thu"]


def test_a_byte_order_mark_is_accepted(guides_root: Path) -> None:
    path = guides_root / "mau" / "guide.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    assert load_one(guides_root).id == "mau"


def test_a_shared_illustration_is_allowed(guides_root: Path, edit_sample: Edit) -> None:
    (guides_root / "_shared").mkdir()
    shutil.copy(guides_root / "mau" / "buoc.svg", guides_root / "_shared" / "quay.svg")
    edit_sample('image = "buoc.svg"', 'image = "../_shared/quay.svg"')

    guide = load_one(guides_root)

    assert guide.steps[0].image == (guides_root / "_shared" / "quay.svg").resolve()


@pytest.mark.parametrize(
    "image",
    ["../_shared/../mau/buoc.svg", "../mau/buoc.svg", "./../../guides/mau/buoc.svg"],
)
def test_only_the_guide_folder_and_shared_may_be_referenced(
    guides_root: Path, edit_sample: Edit, image: str
) -> None:
    edit_sample('image = "buoc.svg"', f'image = "{image}"')

    load = load_guides(guides_root, line_codes=LINES)

    assert load.guides == ()
    (problem,) = load.problems
    assert problem.field == "steps[0].image"
    assert "leaves the guide folder" in problem.message


def test_an_illustration_symlinked_to_outside_the_guides_folder_is_rejected(
    guides_root: Path, tmp_path: Path, edit_sample: Edit
) -> None:
    outside = tmp_path / "outside.svg"
    shutil.copy(guides_root / "mau" / "buoc.svg", outside)
    os.symlink(outside, guides_root / "mau" / "lien-ket.svg")
    edit_sample('image = "buoc.svg"', 'image = "lien-ket.svg"')

    load = load_guides(guides_root, line_codes=LINES)

    assert load.guides == ()
    (problem,) = load.problems
    assert (problem.field, problem.line) == ("steps[0].image", 64)
    assert "outside the guides folder" in problem.message


def test_a_shared_drawing_symlinked_into_another_guide_is_rejected(
    guides_root: Path, edit_sample: Edit
) -> None:
    (guides_root / "_shared").mkdir()
    os.symlink(guides_root / "mau" / "buoc.svg", guides_root / "_shared" / "quay.svg")
    edit_sample('image = "buoc.svg"', 'image = "../_shared/quay.svg"')

    (problem,) = load_guides(guides_root, line_codes=LINES).problems

    assert "outside the guide folder and _shared" in problem.message


def test_an_illustration_in_a_symlink_loop_is_a_problem_not_an_exception(
    guides_root: Path, edit_sample: Edit
) -> None:
    os.symlink("vong.svg", guides_root / "mau" / "vong.svg")
    edit_sample('image = "buoc.svg"', 'image = "vong.svg"')

    (problem,) = load_guides(guides_root, line_codes=LINES).problems

    assert problem.field == "steps[0].image"
    assert "vong.svg: cannot be followed" in problem.message


def test_a_guide_folder_symlinked_from_outside_is_rejected(
    guides_root: Path, tmp_path: Path
) -> None:
    shutil.copytree(guides_root / "mau", tmp_path / "elsewhere")
    os.symlink(tmp_path / "elsewhere", guides_root / "elsewhere")

    load = load_guides(guides_root, line_codes=LINES)

    assert [guide.id for guide in load.guides] == ["mau"]
    (problem,) = load.problems
    assert problem.path == guides_root / "elsewhere"
    assert "outside the guides folder" in problem.message


def test_folders_starting_with_underscore_or_dot_and_loose_files_are_not_guides(
    guides_root: Path,
) -> None:
    (guides_root / "_shared").mkdir()
    (guides_root / ".git").mkdir()
    (guides_root / "README.md").write_text("# Guides\n", encoding="utf-8")

    load = load_guides(guides_root, line_codes=LINES)

    assert (len(load.guides), load.problems) == (1, ())


def test_a_missing_guides_folder_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    load = load_guides(tmp_path / "khong-co", line_codes=LINES)

    assert load.guides == ()
    assert [str(problem) for problem in load.problems] == [
        f"{tmp_path / 'khong-co'}: guides folder not found"
    ]


def test_tips_use_the_tip_else_the_summary_and_never_an_unverified_tip(
    guides_root: Path, edit_sample: Edit
) -> None:
    shutil.copytree(guides_root / "mau", guides_root / "mau-2")
    second = guides_root / "mau-2" / "guide.toml"
    text = second.read_text(encoding="utf-8").replace('id = "mau"', 'id = "mau-2"')
    tip = (
        '\n[tip]\ntext.vi = "Mẹo"\ntext.en = "Tip"\nsource = "Luật Mẫu 2014, Điều 2"\n'
        'kind = "law"\nchecked = 2026-11-28\n'
    )
    second.write_text(text + tip, encoding="utf-8")
    unverified = tip.replace("checked =", "verified = false\nchecked =")
    (guides_root / "mau" / "guide.toml").write_text(
        (guides_root / "mau" / "guide.toml").read_text(encoding="utf-8") + unverified,
        encoding="utf-8",
    )

    guides = load_guides(guides_root, line_codes=LINES).guides

    assert tips(guides) == [
        LocalText("Một hướng dẫn mẫu để kiểm thử.", "A sample guide for the tests."),
        LocalText("Mẹo", "Tip"),
    ]


def test_problem_prints_as_path_line_field_message() -> None:
    path = Path("guides/ket-hon/guide.toml")

    assert str(GuideProblem(path, 12, "steps[2].text.vi", "too long")) == (
        "guides/ket-hon/guide.toml:12: steps[2].text.vi: too long"
    )
    assert str(GuideProblem(path, None, "title", "missing")) == (
        "guides/ket-hon/guide.toml: title: missing"
    )
    assert str(GuideProblem(path, 3, "", "not valid TOML")) == (
        "guides/ket-hon/guide.toml:3: not valid TOML"
    )


def test_run_check_passes_a_good_folder(guides_root: Path) -> None:
    assert run_check(guides_root, LINES) == (0, [f"1 guides OK in {guides_root}"])


def test_run_check_prints_each_problem_and_fails(guides_root: Path, edit_sample: Edit) -> None:
    edit_sample('line = "A"', 'line = "Q"')

    code, lines = run_check(guides_root, LINES)

    assert code == 1
    assert lines[0] == (
        f"{guides_root / 'mau' / 'guide.toml'}:4: line: "
        'unknown line code "Q" (lines configured: A, B, C, D, E)'
    )
    assert lines[-1] == (
        f"0 guides OK in {guides_root}; 1 problems in 1 files (the kiosk leaves those guides out)"
    )


def test_run_check_on_a_missing_folder_exits_2(tmp_path: Path) -> None:
    assert run_check(tmp_path / "nope", LINES) == (2, [f"{tmp_path / 'nope'}: not a folder"])


@pytest.mark.parametrize(
    "url",
    [
        "https://dichvucong.gov.vn/",
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=207274",
        "https://dean06.hanam.gov.vn/tailieu/dk_t5.html",
        "HTTPS://DICHVUCONG.GOV.VN/",
    ],
)
def test_official_https_links_are_accepted(url: str) -> None:
    assert link_problem(url) == ""


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://dichvucong.gov.vn/", "must start with https://"),
        ("dichvucong.gov.vn", "must start with https:// (found no scheme)"),
        ("javascript:alert(1)", "must start with https://"),
        ("https://dichvucong.gov.vn.example.com/", "is not allowed"),
        ("https://evilgov.vn/", "is not allowed"),
        ("https://admin:mk@dichvucong.gov.vn/", "user name, password or port"),
        ("https://dichvucong.gov.vn:8443/", "user name, password or port"),
        ("https://dichvucong.gov.vn:port/", "not a valid address"),
        ("https://[dichvucong.gov.vn/", "not a valid address"),
        ("https://dịchvụcông.gov.vn/", "plain ASCII"),
        ("https:///duong-dan", "no host name"),
        ("https://dichvucong.gov.vn/ a", "spaces"),
        ("https://dichvucong.gov.vn/" + "a" * 300, "too long for a QR code"),
    ],
)
def test_bad_links_are_reported(url: str, fragment: str) -> None:
    assert fragment in link_problem(url)


LOCATE_SAMPLE = """\
id = "x"
title = { vi = "a", en = "b" }
note = '''
[[steps]]
not a header: inside a multi-line string
'''

[[steps]]
number = 1
text.vi = "một"

[[steps]]
number = 2
"text".en = "two"

[steps.extra]
flag = true

[where.desk]
value = "yes"
"""


def test_key_lines_number_tables_keys_and_array_entries() -> None:
    lines = key_lines(LOCATE_SAMPLE)

    assert lines[("id",)] == 1
    assert lines[("steps",)] == 8
    assert lines[("steps", 0)] == 8
    assert lines[("steps", 0, "text", "vi")] == 10
    assert lines[("steps", 1, "number")] == 13
    assert lines[("steps", 1, "text")] == 14
    assert lines[("steps", 1, "extra", "flag")] == 17
    assert lines[("where", "desk", "value")] == 20


def test_field_line_falls_back_to_the_nearest_enclosing_entry() -> None:
    assert field_line(LOCATE_SAMPLE, "title.en") == 2
    assert field_line(LOCATE_SAMPLE, "steps[1].text.vi") == 14
    assert field_line(LOCATE_SAMPLE, "steps[0].image") == 8
    assert field_line(LOCATE_SAMPLE, "papers[0].name") is None


def test_decode_error_line_reads_the_position_from_the_message() -> None:
    assert decode_error_line("Invalid value (at line 7, column 3)", "") == 7
    assert decode_error_line("Unterminated string (at end of document)", "a\nb\nc") == 3
    assert decode_error_line("something else", "a") is None
