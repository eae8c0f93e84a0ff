"""A commune's own guides folder: its guides add to and replace the shipped ones by id."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import load_guides
from kiosk.domain.views import LocalText

SAMPLE = Path(__file__).parent / "good" / "mau"
LINES = ("A", "B", "C", "D", "E")


def guide_copy(root: Path, guide_id: str, *, title: str = "Thủ tục mẫu") -> Path:
    folder = root / guide_id
    shutil.copytree(SAMPLE, folder)
    path = folder / "guide.toml"
    text = path.read_text(encoding="utf-8").replace('id = "mau"', f'id = "{guide_id}"')
    path.write_text(text.replace('vi = "Thủ tục mẫu"', f'vi = "{title}"'), encoding="utf-8")
    return folder


def test_a_communes_guide_with_a_new_id_is_added(tmp_path: Path) -> None:
    shipped, commune = tmp_path / "shipped", tmp_path / "commune"
    guide_copy(shipped, "khai-sinh")
    guide_copy(commune, "giay-phep-xay-dung")

    load = load_guides(shipped, line_codes=LINES, commune=commune)

    assert load.problems == ()
    assert sorted(guide.id for guide in load.guides) == ["giay-phep-xay-dung", "khai-sinh"]


def test_a_communes_guide_with_a_shipped_id_replaces_the_shipped_one(tmp_path: Path) -> None:
    shipped, commune = tmp_path / "shipped", tmp_path / "commune"
    guide_copy(shipped, "khai-sinh", title="Bản của phần mềm")
    guide_copy(commune, "khai-sinh", title="Bản của xã")

    (guide,) = load_guides(shipped, line_codes=LINES, commune=commune).guides

    assert guide.title.vi == "Bản của xã"
    assert guide.folder == commune / "khai-sinh"


def test_a_broken_replacement_leaves_the_shipped_guide_and_says_so(tmp_path: Path) -> None:
    shipped, commune = tmp_path / "shipped", tmp_path / "commune"
    guide_copy(shipped, "khai-sinh", title="Bản của phần mềm")
    broken = guide_copy(commune, "khai-sinh")
    (broken / "guide.toml").write_text('id = "khai-sinh"\nline = 7\n', encoding="utf-8")

    load = load_guides(shipped, line_codes=LINES, commune=commune)

    assert [guide.title.vi for guide in load.guides] == ["Bản của phần mềm"]
    assert str(load.problems[-1]) == (
        f"{broken}: has problems, so the shipped guide of the same name is shown instead"
    )


def test_a_communes_guide_may_use_the_shipped_shared_drawings_and_its_own(tmp_path: Path) -> None:
    shipped, commune = tmp_path / "shipped", tmp_path / "commune"
    (shipped / "_shared").mkdir(parents=True)
    shutil.copy(SAMPLE / "buoc.svg", shipped / "_shared" / "quay.svg")
    shutil.copy(SAMPLE / "buoc.svg", shipped / "_shared" / "lich.svg")
    (commune / "_shared").mkdir(parents=True)
    shutil.copy(SAMPLE / "buoc.svg", commune / "_shared" / "lich.svg")
    folder = guide_copy(commune, "rieng")
    path = folder / "guide.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('image = "buoc.svg"', 'image = "../_shared/quay.svg"', 1)
    text = text.replace('image = "buoc.svg"', 'image = "../_shared/lich.svg"', 1)
    path.write_text(text, encoding="utf-8")

    (guide,) = load_guides(shipped, line_codes=LINES, commune=commune).guides

    assert guide.steps[0].image == (shipped / "_shared" / "quay.svg").resolve()
    assert guide.steps[1].image == (commune / "_shared" / "lich.svg").resolve()


def test_a_missing_commune_folder_adds_nothing_and_is_no_problem(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    guide_copy(shipped, "khai-sinh")

    load = load_guides(shipped, line_codes=LINES, commune=tmp_path / "chua-co")

    assert (len(load.guides), load.problems) == (1, ())


def test_a_commune_folder_that_is_a_file_is_a_problem(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    guide_copy(shipped, "khai-sinh")
    (tmp_path / "guides.txt").write_text("x", encoding="utf-8")

    load = load_guides(shipped, line_codes=LINES, commune=tmp_path / "guides.txt")

    assert len(load.guides) == 1
    assert [str(problem) for problem in load.problems] == [
        f"{tmp_path / 'guides.txt'}: is not a folder"
    ]


def test_the_shipped_folder_given_as_the_communes_is_read_once(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    guide_copy(shipped, "khai-sinh")

    load = load_guides(shipped, line_codes=LINES, commune=shipped)

    assert (len(load.guides), load.problems) == (1, ())


def test_a_fee_configured_for_a_communes_own_guide_applies_to_it(tmp_path: Path) -> None:
    shipped, commune = tmp_path / "shipped", tmp_path / "commune"
    guide_copy(shipped, "khai-sinh")
    guide_copy(commune, "giay-phep-xay-dung")
    fee = LocalText("50.000 đồng", "50,000 VND")

    load = load_guides(
        shipped, line_codes=LINES, commune=commune, fee_overrides={"giay-phep-xay-dung": fee}
    )

    assert load.problems == ()
    assert {guide.id: guide.fee.text for guide in load.guides}["giay-phep-xay-dung"] == fee
