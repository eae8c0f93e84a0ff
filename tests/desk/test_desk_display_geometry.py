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


def problems_by_state(width: int, height: int, language: str, tmp_path: Path) -> dict[str, list]:
    """What the geometry check finds in each state of the desk and display walk."""
    found: dict[str, list[str]] = {}

    def check(window: QWidget, name: str) -> None:
        # A busy machine may still have layout work posted: a state is judged once it settled.
        for _ in range(5):
            found[name] = geometry_problems(window, width=width, height=height)
            if not found[name]:
                break
            QApplication.processEvents()

    render_desk_and_display_screens(tmp_path, [(width, height)], language, on_shot=check)
    return found


def listed(found: dict[str, list[str]], prefix: str) -> list[str]:
    return [
        f"{name}: {p}"
        for name, problems in found.items()
        if name.startswith(prefix)
        for p in problems
    ]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_desk_and_display_screen_fits_uncut(
    tmp_path: Path, qapp: QApplication, width: int, height: int, language: str
) -> None:
    found = problems_by_state(width, height, language, tmp_path)
    assert len([name for name in found if name.startswith("display")]) == 3, list(found)
    assert len([name for name in found if name.startswith("desk")]) >= 14, list(found)
    assert not listed(found, "display"), "\n".join(listed(found, "display"))
    assert not listed(found, "desk"), "\n".join(listed(found, "desk"))
