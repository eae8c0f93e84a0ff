"""The desk and display screenshots render, and every text colour pair holds 7:1 contrast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.desk.screenshots import render_desk_and_display_screens
from ui.staff.look import desk_stylesheet, desk_theme, display_stylesheet, display_theme
from ui.theme import MIN_CONTRAST, contrast_ratio

PAIR = re.compile(r"color: (#[0-9A-Fa-f]{6}); background-color: (#[0-9A-Fa-f]{6});")


@pytest.mark.parametrize(
    "sheet",
    [desk_stylesheet(desk_theme(1920, 1080)), display_stylesheet(display_theme(1920, 1080))],
    ids=["desk", "display"],
)
def test_every_text_on_its_own_background_has_at_least_7_to_1_contrast(sheet: str) -> None:
    pairs = PAIR.findall(sheet)
    assert len(pairs) > 10
    weak = [(ink, bg) for ink, bg in pairs if contrast_ratio(ink, bg) < MIN_CONTRAST]
    assert weak == []


def test_the_screenshots_cover_every_desk_screen_and_the_display(
    tmp_path: Path, qapp: QApplication
) -> None:
    written = render_desk_and_display_screens(tmp_path, [(1366, 768)], "en")
    names = {path.name.removeprefix("1366x768-en-").removesuffix(".png") for path in written}
    for screen in ("sign-in", "pin", "counter", "queue", "finish", "walk-in", "roster"):
        assert any(screen in name for name in names), screen
    assert {"display-01-calling", "display-02-new-call"} <= names
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name
