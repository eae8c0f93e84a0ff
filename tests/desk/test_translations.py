"""Every visible text of the desk and the display is Vietnamese with a finished English."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import Desk, Staff
from tests.translations import translate_calls, untranslated
from ui.i18n import read_ts
from ui.staff.i18n import desk_translations_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*ROOT.glob("ui/desk/*.py"), *ROOT.glob("ui/staff/*.py"), *ROOT.glob("ui/display/*.py")]
)


def test_the_desk_translation_file_is_finished_and_current() -> None:
    assert untranslated(desk_translations_path("en"), translate_calls(SOURCES)) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_translated_text_has_its_english(path: Path) -> None:
    finished, _unfinished = read_ts(desk_translations_path("en"))
    missing = [key for key in translate_calls([path]) if key not in finished]
    assert missing == [], f"run pyside6-lupdate for {path.name} and translate: {missing}"


def test_switching_to_english_changes_the_desk_words(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.officer)
    buttons = desk.window.queue.current.buttons
    assert buttons["call_next"].text() == "Gọi số tiếp theo"
    desk.tap(desk.window.header.language_button)
    assert buttons["call_next"].text() == "Call next"
    assert desk.window.queue.sign_out.text() == "Sign out"
    desk.tap(desk.window.header.language_button)
    assert buttons["call_next"].text() == "Gọi số tiếp theo"
