"""Every desk screen and the calling display fit every screen size, on the real widgets.

The desk and display screenshot walk reaches every state by tapping through the real screens;
``ui.geometry_check`` judges each state just before its picture is taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ui.desk.screenshots import render_desk_and_display_screens
from ui.geometry_check import geometry_problems

SIZES = [(1920, 1080), (1366, 768), (1280, 1024), (1080, 1920)]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_desk_and_display_screen_fits_uncut(
    tmp_path: Path, qapp: QApplication, width: int, height: int, language: str
) -> None:
    found: list[str] = []
    seen: list[str] = []

    def check(window: QWidget, name: str) -> None:
        seen.append(name)
        problems = geometry_problems(window, width=width, height=height)
        found.extend(f"{name}: {problem}" for problem in problems)

    render_desk_and_display_screens(tmp_path, [(width, height)], language, on_shot=check)
    assert any(name.startswith("display") for name in seen) and len(seen) > 8, seen
    assert not found, "\n".join(found)
