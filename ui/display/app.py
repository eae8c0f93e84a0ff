"""Start the calling display: fullscreen on the TV, live from the shared database."""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from ui.display.backend import DisplayBackend
from ui.display.controller import POLL_INTERVAL_MS, DisplayController
from ui.display.display_screen import DisplayScreen
from ui.display.speech import Announcer, Chime, CommandChime, CommandSpeech, SpeechEngine
from ui.fonts import register_fonts, use_app_font
from ui.runtime import disable_screen_blanking
from ui.staff.i18n import DeskI18n
from ui.staff.look import display_stylesheet, display_theme
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1920, 1080)


@dataclass(frozen=True)
class DisplayParts:
    """Everything ``build_display`` made; ``close`` undoes it."""

    app: QApplication
    screen: DisplayScreen
    controller: DisplayController
    announcer: Announcer
    runner: TaskRunner
    i18n: DeskI18n
    backend: DisplayBackend

    def close(self) -> None:
        """Stop polling, sounds and timers; close the window."""
        self.controller.stop()
        self.runner.close()
        self.i18n.set_language("vi")
        self.screen.close()
        self.screen.deleteLater()


def build_display(
    *,
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    config: Config,
    backend: DisplayBackend,
    clock: Clock,
    size: QSize,
    speech: SpeechEngine | None = None,
    chime: Chime | None = None,
    poll_interval_ms: int = POLL_INTERVAL_MS,
) -> DisplayParts:
    """Build the display for a TV size; nothing touches the database until ``start``."""
    theme = display_theme(size.width(), size.height())
    family = register_fonts()
    use_app_font(app, family, theme.font_px(theme.sizes.text_body))
    app.setStyleSheet(display_stylesheet(theme))
    i18n = DeskI18n(default_language=config.kiosk.language)
    runner = TaskRunner(loop=loop)
    screen = DisplayScreen()
    screen.setWindowTitle(config.site.desk_name)
    screen.apply_theme(theme)
    screen.resize(size)
    announcer = Announcer(
        runner=runner,
        speech=speech if speech is not None else CommandSpeech(),
        chime=chime if chime is not None else CommandChime(),
        parent=screen,
    )
    controller = DisplayController(
        screen=screen,
        config=config,
        runner=runner,
        backend=backend,
        announcer=announcer,
        i18n=i18n,
        clock=clock,
        poll_interval_ms=poll_interval_ms,
    )
    return DisplayParts(app, screen, controller, announcer, runner, i18n, backend)


def run_display(config: Config, *, clock: Clock = system_clock) -> int:
    """Run the calling display fullscreen until the app quits; returns the exit code."""
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("commune-kiosk-display")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    backend = DisplayBackend(config, clock=clock)
    screen = app.primaryScreen()
    size = screen.geometry().size() if screen is not None else DEFAULT_SIZE
    parts = build_display(
        app=app, loop=loop, config=config, backend=backend, clock=clock, size=size
    )
    parts.runner.set_error_handler(_log_task_error)
    # A TV: fullscreen, no cursor, no blanking. Unlike the kiosk nobody touches it, so Ctrl+Q
    # on a keyboard plugged in for maintenance may close it (systemd restarts it otherwise).
    quit_shortcut = QShortcut(QKeySequence("Ctrl+Q"), parts.screen)
    quit_shortcut.activated.connect(app.quit)
    app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    disable_screen_blanking()
    parts.screen.showFullScreen()
    parts.controller.start()
    try:
        code = loop.run_forever()
    finally:
        parts.close()
        backend.close()
    return int(code or 0)


def _log_task_error(exc: BaseException) -> None:
    logger.error("display task failed", exc_info=exc)
