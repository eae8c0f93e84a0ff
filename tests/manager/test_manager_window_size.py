"""The manager's window fits a desk PC's screen on every page, tabs row included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.config import load_config
from kiosk.domain.clock import system_clock
from tests.conftest import write_config
from ui.manager.program import build
from ui.shell import Env


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("page", ["summary", "team", "export"])
def test_no_page_makes_the_window_taller_than_the_screen(
    qapp: QApplication, tmp_path: Path, size: tuple[int, int], page: str
) -> None:
    # The export form is the tallest page; a stack sized for its largest page grew the
    # window past a 768-pixel screen once the tabs row was added above it.
    config = load_config(str(write_config(tmp_path)), env={})
    program = build(Env(app=qapp, config=config, clock=system_clock, size=QSize(*size)))
    window = program.window
    try:
        window.show()
        window.show_summary()
        if page == "team":
            window.show_team()
        elif page == "export":
            window.show_export()
        qapp.processEvents()
        assert window.minimumSizeHint().height() <= size[1]
        assert window.height() <= size[1]
    finally:
        program.close()
