"""``kiosk screenshots`` covers the village program's steps, in both languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.village.screenshots import render_village_screens


def test_the_screenshots_cover_every_step_of_a_village_visit(
    tmp_path: Path, qapp: QApplication
) -> None:
    written = render_village_screens(tmp_path, [(1366, 768)], "en")
    names = [
        path.name.removeprefix("1366x768-en-village-").removesuffix(".png") for path in written
    ]
    assert names == ["01-helpers", "02-need", "03-outcomes", "04-age", "05-note", "06-saved"]
    pictures = [QImage(str(path)) for path in written]
    assert all((p.width(), p.height()) == (1366, 768) for p in pictures)
    assert len({path.read_bytes() for path in written}) == len(written)  # six different steps
