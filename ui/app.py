"""Start the visitor kiosk: the home screen first, everything else right after its first frame.

Before the first paint only Qt, the config and the window load. Then, in this order: the
qasync loop (asyncio), the task runner and controller, the key guard, and on the database
thread SQLAlchemy, Alembic and python-escpos (``KioskController.start``). A visitor never waits
for start-up work, and the kiosk is back fast after a power cut. qasync's ``already_running``
mode lets its loop join the Qt event loop that is already running.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from kiosk.systemd import UNEXPECTED_EXIT
from ui.backend_base import DatabaseBackend
from ui.kiosk.backend import KioskBackend
from ui.kiosk.factory import KioskParts, attach_controller, build_window
from ui.kiosk.window import KioskWindow
from ui.runtime import guard_kiosk_window, show_kiosk_window
from ui.ticket_printing import TicketPrinter
from ui.watchdog import start_watchdog

logger = logging.getLogger(__name__)

# bench/startup.py sets this to "paint" (quit after the first frame, nothing else started) or
# "ready" (quit once the database is open and the queue is on screen), and reads the line
# printed then.
BENCH_EXIT_ENV = "KIOSK_BENCH_EXIT"


def run_kiosk(
    config: Config,
    *,
    clock: Clock = system_clock,
    after_open: Callable[[DatabaseBackend], None] | None = None,
) -> int:
    """Run the kiosk until a staff member exits it; returns the process exit code.

    ``STAFF_EXIT`` (0) after a staff exit, which systemd leaves stopped; ``UNEXPECTED_EXIT``
    when the event loop ended any other way, so that systemd starts the kiosk again.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("commune-kiosk")
    window, i18n = build_window(
        app=app,
        config=config,
        clock=clock,
        size=app.primaryScreen().geometry().size(),
        all_screens=False,
    )
    backend = KioskBackend(config, clock=clock, after_open=after_open)
    printer = TicketPrinter(config=config, clock=clock)
    started: list[KioskParts] = []
    granted: list[object] = []  # the staff member who opened the exit
    bench = os.environ.get(BENCH_EXIT_ENV)

    def on_exit_granted(helper: object) -> None:
        granted.append(helper)
        _quit(app, window)

    def after_first_frame() -> None:
        import asyncio

        import qasync

        window.add_other_screens()
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        parts = attach_controller(
            app=app, loop=loop, window=window, i18n=i18n, backend=backend, printer=printer
        )
        started.append(parts)
        parts.runner.set_error_handler(_log_task_error)
        parts.controller.exit_granted.connect(on_exit_granted)
        if bench == "ready":
            parts.controller.ready.connect(lambda: _bench_report(app, window, "ready"))
        guard_kiosk_window(window)
        start_watchdog(window)
        parts.controller.start()

    if bench == "paint":
        window.first_painted.connect(lambda: _bench_report(app, window, "paint"))
    else:
        window.first_painted.connect(after_first_frame)
    show_kiosk_window(app, window, show_cursor=config.kiosk.show_cursor)
    try:
        code = app.exec()
    finally:
        if started:
            started[0].close()
        printer.close()
        backend.close()
    if granted or bench:
        return int(code)
    logger.warning("the kiosk window closed without a staff exit (code %s)", code)
    return int(code) or UNEXPECTED_EXIT


def _quit(app: QApplication, window: KioskWindow, code: int = 0) -> None:
    window.allow_close()
    app.exit(code)


def _log_task_error(exc: BaseException) -> None:
    logger.error("kiosk task failed", exc_info=exc)


def _bench_report(app: QApplication, window: KioskWindow, when: str) -> None:
    print(f"kiosk-bench {when}", flush=True)
    QTimer.singleShot(0, lambda: _quit(app, window))
