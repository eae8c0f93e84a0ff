"""Start the manager's summary window (``kiosk manager``) on a desk PC, in a normal window."""

from __future__ import annotations

import asyncio
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from ui.fonts import register_fonts, use_app_font
from ui.manager.backend import ManagerBackend
from ui.manager.window import ManagerWindow
from ui.tasks import TaskRunner
from ui.theme import Theme

logger = logging.getLogger(__name__)
DESK_PC_DIAGONAL_INCH = 21.5


def build_manager(
    *,
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    backend: ManagerBackend,
    width_px: int,
    height_px: int,
) -> tuple[ManagerWindow, TaskRunner]:
    """The manager window and its runner; ``window.start()`` is left to the caller."""
    theme = Theme(width_px=width_px, height_px=height_px, diagonal_inch=DESK_PC_DIAGONAL_INCH)
    use_app_font(app, register_fonts(), theme.font_px(theme.sizes.text_body))
    runner = TaskRunner(loop=loop)
    window = ManagerWindow(runner=runner, backend=backend, theme=theme)
    window.resize(width_px, height_px)
    return window, runner


def run_manager(config: Config, *, clock: Clock = system_clock) -> int:
    """Run the manager window until it is closed; returns the process exit code."""
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("commune-kiosk-manager")
    backend = ManagerBackend(config, clock=clock)
    started: list[tuple[ManagerWindow, TaskRunner]] = []

    def start() -> None:
        # qasync's already_running mode joins the Qt loop once app.exec() runs (as ui.app).
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        size = app.primaryScreen().availableGeometry().size()
        window, runner = build_manager(
            app=app, loop=loop, backend=backend, width_px=size.width(), height_px=size.height()
        )
        started.append((window, runner))
        window.showMaximized()
        window.start()

    QTimer.singleShot(0, start)
    try:
        return int(app.exec())
    finally:
        for _window, runner in started:
            runner.close()
        backend.close()
