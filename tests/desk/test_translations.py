"""Every visible text of the desk and the display is Vietnamese with a finished English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.desk.conftest import Desk, Staff
from ui.i18n import read_ts
from ui.staff.i18n import desk_translations_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*ROOT.glob("ui/desk/*.py"), *ROOT.glob("ui/staff/*.py"), *ROOT.glob("ui/display/*.py")]
)


def _translate_calls(path: Path) -> list[tuple[str, str]]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "translate"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            calls.append((node.args[0].value, node.args[1].value))  # type: ignore[attr-defined]
    return calls


def test_the_desk_translation_file_has_no_unfinished_entry() -> None:
    _finished, unfinished = read_ts(desk_translations_path("en"))
    assert unfinished == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_translated_text_has_its_english(path: Path) -> None:
    finished, _unfinished = read_ts(desk_translations_path("en"))
    known = {(context, source) for context, source, _comment in finished}
    missing = [call for call in _translate_calls(path) if call not in known]
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
