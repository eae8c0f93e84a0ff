"""The guides shipped in data/guides: all load, cover the default procedures, follow the style."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest

from kiosk import defaults
from kiosk.content import (
    ASK_AT_DESK,
    PROVINCE_FEE,
    ChannelKind,
    FeeBasis,
    Guide,
    load_guides,
    run_check,
    tips,
)
from kiosk.resources import data_path

GUIDES = data_path("guides")
LINES = ("A", "B", "C", "D", "E")
# The procedure codes of the default configuration, with their default line.
EXPECTED_LINES = {
    proc["code"]: line["code"] for line in defaults.LINES for proc in line["procedures"]
}
# Words an elderly reader may not know (issue 12): a guide using one explains it in [[terms]].
JARGON = ("liên thông", "trích lục", "trung gian thanh toán", "đối tượng bảo trợ xã hội", "OTP")
JARGON += ("passcode",)
# The day the shipped facts were last compared with their sources.
LAST_CHECK = date(2026, 11, 29)
PALETTE = {"#0B2545", "#13315C", "#F4A300", "#FFFFFF", "none"}
SVG_FILES = sorted(GUIDES.rglob("*.svg"))


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    load = load_guides(GUIDES, line_codes=LINES)
    assert [str(problem) for problem in load.problems] == []
    return {guide.id: guide for guide in load.guides}


def test_every_default_procedure_has_a_guide_on_its_line(guides: dict[str, Guide]) -> None:
    assert {guide_id: guide.line for guide_id, guide in guides.items()} == EXPECTED_LINES


def test_every_default_line_has_guides_including_land() -> None:
    assert {line["code"]: len(line["procedures"]) > 0 for line in defaults.LINES} == dict.fromkeys(
        LINES, True
    )
    assert {code for code, line in EXPECTED_LINES.items() if line == "C"} == {
        "dang-ky-dat-dai-lan-dau",
        "dang-ky-bien-dong-dat-dai",
        "hoa-giai-tranh-chap-dat-dai",
    }


def test_the_check_command_passes_on_the_shipped_guides() -> None:
    code, lines = run_check(GUIDES, LINES)

    assert (code, lines) == (0, [f"{len(EXPECTED_LINES)} guides OK in {GUIDES}"])


def test_each_guide_has_three_to_seven_steps_with_illustrations(
    guides: dict[str, Guide],
) -> None:
    for guide in guides.values():
        assert 3 <= len(guide.steps) <= 7, guide.id
        assert all(step.image.is_file() for step in guide.steps), guide.id
        assert all(len(step.text.vi) <= 160 >= len(step.text.en) for step in guide.steps)


def test_guides_come_commonest_first_starting_with_birth_registration() -> None:
    loaded = load_guides(GUIDES, line_codes=LINES).guides

    assert loaded[0].id == "khai-sinh"
    assert [guide.order for guide in loaded] == sorted(guide.order for guide in loaded)


def test_province_fees_ask_at_the_desk_until_the_commune_configures_them(
    guides: dict[str, Guide],
) -> None:
    province = {guide.id for guide in guides.values() if guide.fee.basis is FeeBasis.PROVINCE}

    assert province == {
        "xac-nhan-tinh-trang-hon-nhan",
        "thay-doi-cai-chinh-ho-tich",
        "dang-ky-lai-khai-sinh",
        "dang-ky-dat-dai-lan-dau",
        "dang-ky-bien-dong-dat-dai",
    }
    assert all(guides[guide_id].fee.text == PROVINCE_FEE for guide_id in province)


def test_facts_corrected_in_issue_12_say_what_the_primary_sources_say(
    guides: dict[str, Guide],
) -> None:
    social = guides["tro-cap-xa-hoi"]
    assert "10 ngày làm việc" in social.time.text.vi  # Nghị định 147/2025, Điều 5.2.b
    assert "7 ngày" not in social.time.text.vi  # the pre-July-2025 flow is gone
    signature = guides["chung-thuc-chu-ky"]
    assert "15 giờ" in signature.time.text.vi and "3 ngày" not in signature.time.text.vi
    assert signature.fee.text.vi.startswith("10.000 đồng")
    assert guides["ket-hon"].tip is not None and "xác minh" in guides["ket-hon"].tip.text.vi
    assert "không áp dụng cho bản sao" in guides["trich-luc-ho-tich"].notes[0].text.vi
    residence = guides["cu-tru"]
    assert "20.000" in residence.fee.text.vi and "10.000" in residence.fee.text.vi
    assert residence.tip is not None and "passcode" not in residence.tip.text.vi
    vneid = " ".join(step.text.vi for step in guides["kich-hoat-vneid"].steps)
    assert "đã có tài khoản" in vneid and "Không có điện thoại thông minh" in vneid


def test_facts_no_primary_source_was_found_for_are_not_stated(
    guides: dict[str, Guide],
) -> None:
    assert guides["tro-cap-xa-hoi"].fee.text == ASK_AT_DESK  # "free" is only an inference
    assert guides["hoa-giai-tranh-chap-dat-dai"].fee.text == ASK_AT_DESK
    assert guides["dang-ky-lai-khai-sinh"].time.text == ASK_AT_DESK
    assert guides["ket-hon"].channel(ChannelKind.PORTAL).text == ASK_AT_DESK
    assert guides["chung-thuc-ban-sao"].national_code is None  # code from an unknown fixture
    assert guides["ket-hon"].national_code == "1.000894"  # Nghị quyết 66.7/2025/NQ-CP


def test_no_verified_fact_rests_on_the_domain_notes_alone() -> None:
    for path in GUIDES.glob("*/guide.toml"):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n(?=\[)", text):
            if not block.startswith("[") or "verified = false" in block:
                continue
            if "source =" not in block:
                continue
            source = re.search(r'^source = "(.*)"$', block, re.MULTILINE)
            assert source is not None, (path, block)
            assert not source.group(1).startswith("FACTS.md"), (path, source.group(1))


def test_jargon_is_explained_where_a_guide_uses_it(guides: dict[str, Guide]) -> None:
    for guide in guides.values():
        shown = " ".join(
            [guide.title.vi, guide.summary.vi, guide.fee.text.vi, guide.time.text.vi]
            + [step.text.vi for step in guide.steps]
            + [paper.name.vi for paper in guide.papers]
        ).casefold()
        explained = {term.word.vi.casefold() for term in guide.terms}
        for word in JARGON:
            if word.casefold() in shown:
                assert word.casefold() in explained, (guide.id, word)


def test_every_fact_names_a_source_and_a_check_date(guides: dict[str, Guide]) -> None:
    for guide in guides.values():
        facts = [guide.who, guide.time, *guide.notes, *guide.papers, *guide.steps]
        facts += [*guide.channels, *guide.links]
        assert all(fact.source.strip() for fact in facts), guide.id
        assert all(fact.checked == LAST_CHECK for fact in facts), guide.id


def test_tips_give_one_short_text_per_guide(guides: dict[str, Guide]) -> None:
    shown = tips(list(guides.values()))

    assert len(shown) == len(guides)
    assert all(0 < len(tip.vi) <= 200 and tip.en for tip in shown)


def test_every_shipped_illustration_is_used_by_a_guide(guides: dict[str, Guide]) -> None:
    used = {step.image for guide in guides.values() for step in guide.steps}

    assert {path.resolve() for path in SVG_FILES} == used


def test_shipped_text_files_are_utf8_nfc() -> None:
    for path in [*GUIDES.rglob("*.toml"), *GUIDES.rglob("*.md"), *SVG_FILES]:
        text = path.read_bytes().decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text, path


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_illustrations_keep_one_style(path: Path) -> None:
    root = ElementTree.parse(path).getroot()
    assert root.get("viewBox") == "0 0 800 600"
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            colour = element.get(attribute)
            assert colour is None or colour.upper() in {c.upper() for c in PALETTE}, colour
        if element.get("stroke") not in (None, "none"):
            assert float(element.get("stroke-width", "1")) >= 6, element.attrib
        if element.tag.endswith("}text"):
            assert element.get("font-family") == "Noto Sans"
            assert len(element.text or "") <= 24, element.text
    assert not re.search(r"<(filter|style|image|script)\b", path.read_text(encoding="utf-8"))
