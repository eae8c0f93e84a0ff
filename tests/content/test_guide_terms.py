"""Hard words explained in one plain line where a guide first uses them ([[terms]])."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.content import load_guides
from kiosk.content.model import NO_TEXT
from kiosk.domain.views import LocalText

LINES = ("A", "B", "C", "D", "E")
Edit = Callable[[str, str], None]
TERM = (
    '[[terms]]\nword.vi = "quầy"\nword.en = "desk"\n'
    'meaning.vi = "bàn tiếp nhận hồ sơ của xã."\nmeaning.en = "the commune\'s reception desk."'
)


def test_a_meaning_is_shown_under_the_step_that_first_uses_the_word(guides_root: Path) -> None:
    (guide,) = load_guides(guides_root, line_codes=LINES).guides

    assert [step.explained for step in guide.steps] == [
        NO_TEXT,
        LocalText("Quầy: bàn tiếp nhận hồ sơ của xã.", "Desk: the commune's reception desk."),
        NO_TEXT,
    ]
    assert guide.info_explained == NO_TEXT


def test_a_word_in_the_title_is_explained_on_the_first_step(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample('vi = "Thủ tục mẫu"', 'vi = "Thủ tục tại quầy"')

    (guide,) = load_guides(guides_root, line_codes=LINES).guides

    assert guide.steps[0].explained.vi == "Quầy: bàn tiếp nhận hồ sơ của xã."
    assert guide.steps[1].explained == NO_TEXT


def test_a_word_first_met_on_the_what_to_bring_page_is_explained_there(
    guides_root: Path, edit_sample: Edit
) -> None:
    edit_sample(TERM, TERM.replace('"quầy"', '"lệ phí"').replace('"desk"', '"free"'))

    (guide,) = load_guides(guides_root, line_codes=LINES).guides

    assert all(step.explained == NO_TEXT for step in guide.steps)
    assert guide.info_explained.vi.startswith("Lệ phí: ")


def test_several_terms_on_one_step_are_one_line_each(guides_root: Path, edit_sample: Edit) -> None:
    second = TERM.replace('"quầy"', '"nộp"').replace('"desk"', '"hand them in"')
    edit_sample(TERM, f"{TERM}\n\n{second}")

    (guide,) = load_guides(guides_root, line_codes=LINES).guides

    assert guide.steps[1].explained.vi.splitlines() == [
        "Quầy: bàn tiếp nhận hồ sơ của xã.",
        "Nộp: bàn tiếp nhận hồ sơ của xã.",
    ]


def test_more_than_six_terms_is_a_problem(guides_root: Path, edit_sample: Edit) -> None:
    edit_sample(TERM, "\n\n".join([TERM] * 7))

    load = load_guides(guides_root, line_codes=LINES)

    assert load.guides == ()
    assert [problem.field for problem in load.problems] == ["terms"]
