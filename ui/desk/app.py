"""Start the desk console: QApplication, the qasync loop, the window, the controller."""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from ui.desk.backend import DeskBackend
from ui.desk.controller import POLL_INTERVAL_MS, DeskController
from ui.desk.window import DeskWindow
from ui.fonts import register_fonts, use_app_font
from ui.staff.i18n import DeskI18n
from ui.staff.look import desk_theme
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter

logger = logging.getLogger(__name__)

# A desk PC's window when the screen size is unknown (offscreen, tests).
DEFAULT_SIZE = QSize(1920, 1080)


@dataclass(frozen=True)
class DeskParts:
    """Everything ``build_desk`` made; ``close`` undoes it."""

    app: QApplication
    window: DeskWindow
    controller: DeskController
    runner: TaskRunner
    i18n: DeskI18n
    backend: DeskBackend
    printer: TicketPrinter

    def close(self) -> None:
        """Stop tasks and timers and close the window."""
        self.controller.stop()
        self.runner.close()
        self.window.minutes.stop()
        self.i18n.set_language("vi")
        self.window.close()
        self.window.deleteLater()


def build_desk(
    *,
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    config: Config,
    backend: DeskBackend,
    printer: TicketPrinter,
    clock: Clock,
    size: QSize,
    fixed_counter: int | None = None,
    poll_interval_ms: int = POLL_INTERVAL_MS,
) -> DeskParts:
    """Build the desk console for a monitor size; nothing touches the database until ``start``."""
    theme = desk_theme(size.width(), size.height())
    family = register_fonts()
    use_app_font(app, family, theme.font_px(theme.sizes.text_body))
    i18n = DeskI18n(default_language=config.kiosk.language)
    runner = TaskRunner(loop=loop)
    window = DeskWindow(config=config, i18n=i18n, clock=clock, theme=theme)
    window.resize(size)
    controller = DeskController(
        window=window,
        runner=runner,
        backend=backend,
        printer=printer,
        i18n=i18n,
        fixed_counter=fixed_counter,
        poll_interval_ms=poll_interval_ms,
    )
    return DeskParts(app, window, controller, runner, i18n, backend, printer)


def run_desk(config: Config, *, counter: int | None = None, clock: Clock = system_clock) -> int:
    """Run the desk console until its window is closed; returns the exit code."""
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("commune-kiosk-desk")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    backend = DeskBackend(config, clock=clock)
    printer = TicketPrinter(config=config, clock=clock)
    screen = app.primaryScreen()
    size = screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE
    parts = build_desk(
        app=app,
        loop=loop,
        config=config,
        backend=backend,
        printer=printer,
        clock=clock,
        size=size,
        fixed_counter=counter,
    )
    parts.runner.set_error_handler(_log_task_error)
    parts.window.first_painted.connect(parts.controller.start)
    app.aboutToQuit.connect(lambda: _close_counter(parts))
    parts.window.showMaximized()
    try:
        code = loop.run_forever()
    finally:
        parts.close()
        printer.close()
        backend.close()
    return int(code or 0)


def _close_counter(parts: DeskParts) -> None:
    """The window closes while someone is signed in: close their counter on the way out."""
    session = parts.controller.session
    if session.counter is None or session.helper is None:
        return
    try:
        parts.backend.close_counter(session.counter, session.actor)
    except Exception:
        logger.exception("could not close counter %s on exit", session.counter)


def _log_task_error(exc: BaseException) -> None:
    logger.error("desk task failed", exc_info=exc)
