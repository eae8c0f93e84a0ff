"""Every shipped illustration renders with QtSvg, without warnings, showing the accent colour.

Kept apart from the other content tests: it is the only one that needs Qt.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before PySide6 is imported

from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.resources import data_path, font_path

SVG_FILES = sorted(data_path("guides").rglob("*.svg"))
ACCENT = QColor("#F4A300")


@pytest.fixture(scope="module")
def noto_sans(qapp: object) -> str:
    """Register the shipped font the drawings name, as the kiosk UI does."""
    for bold in (False, True):
        assert QFontDatabase.addApplicationFont(str(font_path(bold=bold))) >= 0
    assert "Noto Sans" in QFontDatabase.families()
    return "Noto Sans"


def _render(path: Path, width: int, height: int) -> QImage:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def test_there_are_illustrations_to_render() -> None:
    assert len(SVG_FILES) >= 20


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_illustration_renders_without_warnings_and_shows_the_accent(
    path: Path, noto_sans: str, qtlog
) -> None:
    image = _render(path, 200, 150)

    pixels = [image.pixelColor(x, y) for x in range(0, 200, 2) for y in range(0, 150, 2)]
    drawn = [pixel for pixel in pixels if pixel != QColor("white")]
    accent = [pixel for pixel in drawn if _close(pixel, ACCENT)]
    assert len(drawn) > len(pixels) // 10, "almost nothing was drawn"
    assert accent, "the accent colour marks what to look at in every drawing"
    warnings = [
        record.message
        for record in qtlog.records
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
    ]
    assert warnings == []


def _close(pixel: QColor, colour: QColor) -> bool:
    return (
        abs(pixel.red() - colour.red()) < 12
        and abs(pixel.green() - colour.green()) < 12
        and abs(pixel.blue() - colour.blue()) < 12
    )
