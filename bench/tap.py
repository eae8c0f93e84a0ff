"""The kiosk, tapped as the tests tap it: bench/ticket.py times each tap with this."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import qasync
from escpos.printer import Dummy
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.domain.views import TicketView
from kiosk.services.context import AppContext, bootstrap
from printing.worker import PrinterWorker
from ui.kiosk import controller as kiosk_controller
from ui.kiosk.program import KioskProgram
from ui.kiosk.program import build as build_kiosk
from ui.runtime import prefer_ui_thread
from ui.screenshots import quiet_offscreen_warnings, spin_until
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter

MOMENTS = ("committed", "painted", "handed to the printer")


class PaintWatch(QObject):
    """Notes when a widget paints, and says so to ``on_mark``."""

    def __init__(self, on_mark: Callable[[], None]) -> None:
        super().__init__()
        self.painted_at = 0.0
        self._on_mark = on_mark

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.painted_at:
            self.painted_at = time.perf_counter()
            self._on_mark()
        return False


def settle(widget: QWidget, timeout_s: float = 1.0) -> None:
    """Process events until ``widget``, just put on view, has painted: a visitor taps a screen
    that is already on view, so the tap does not pay for the previous screen's frames."""
    app = QApplication.instance()
    assert app is not None
    watch = PaintWatch(lambda: None)
    widget.installEventFilter(watch)
    try:
        deadline = time.perf_counter() + timeout_s
        while not watch.painted_at and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        app.processEvents()
    finally:
        widget.removeEventFilter(watch)


class TapDriver:
    """A kiosk on a fresh SQLite file in ``folder`` with an in-memory printer."""

    def __init__(self, folder: Path) -> None:
        self._quiet = quiet_offscreen_warnings()
        self._quiet.__enter__()
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        prefer_ui_thread()  # as the shell does for every program
        config_file = folder / "config.toml"
        database = folder / "kiosk.sqlite3"
        config_file.write_text(
            f'[database]\nurl = "sqlite:///{database}"\n[printer]\nkind = "dummy"\n', "utf-8"
        )
        config = load_config(str(config_file), env={})
        clock = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
        self.ctx: AppContext = bootstrap(config, clock=clock)
        device = Dummy()
        self.worker = PrinterWorker(lambda: device, width_dots=576, timeout_s=5)
        printer = TicketPrinter(config=config, clock=clock, worker=self.worker)
        env = Env(app=app, config=config, clock=clock, size=QSize(1920, 1080))
        self.program: KioskProgram = build_kiosk(env, printer=printer)
        self.runtime = Runtime.over_context(self.ctx, loop=loop)
        self.marks: dict[str, float] = {}
        self._waiter: QEventLoop | None = None
        self._issue = kiosk_controller.issue_ticket
        ready: list[bool] = []
        self.program.window.show()
        self.program.start(self.runtime)  # adds the other screens, the ticket screen too
        self._watch_moments(printer)
        assert self.program.controller is not None
        self.program.controller.ready.connect(lambda: ready.append(True))
        spin_until(lambda: bool(ready))

    def _watch_moments(self, printer: TicketPrinter) -> None:
        marks, submit, issue = self.marks, printer.submit, self._issue

        def timed_submit(*args: Any, **kwargs: Any) -> Any:
            future = submit(*args, **kwargs)
            marks["handed to the printer"] = time.perf_counter()
            self._marked()
            return future

        def timed_issue(*args: Any, **kwargs: Any) -> TicketView:
            ticket = issue(*args, **kwargs)
            marks["committed"] = time.perf_counter()
            return ticket

        printer.submit = timed_submit  # type: ignore[method-assign]
        # The controller's operation calls the service through its module's name.
        kiosk_controller.issue_ticket = timed_issue  # type: ignore[assignment]
        self.watch = PaintWatch(self._marked)
        self.program.window.ticket.number.installEventFilter(self.watch)

    def _marked(self) -> None:
        # Woken by the moments themselves, not by polling: a timer spinning at 0 ms on the UI
        # thread would take the GIL from the thread that commits the ticket.
        done = self.watch.painted_at and "handed to the printer" in self.marks
        if done and self._waiter is not None:
            self._waiter.quit()

    def tap(self) -> dict[str, float]:
        """Tap line A on the choose screen; seconds from the tap to each moment."""
        window, runner = self.program.window, self.runtime.runner
        window.show_choose()
        spin_until(runner.is_idle)
        settle(window.choose)
        self.marks.clear()
        self.watch.painted_at = 0.0
        self._waiter = QEventLoop()
        start = time.perf_counter()
        window.choose.line_buttons["A"].click()
        if not (self.watch.painted_at and "handed to the printer" in self.marks):
            self._waiter.exec()
        self._waiter = None
        self.marks["painted"] = self.watch.painted_at
        seconds = {name: self.marks[name] - start for name in MOMENTS}
        spin_until(runner.is_idle)
        return seconds

    def close(self) -> None:
        """Close the kiosk, the printer thread and the database."""
        self.program.close()
        self.runtime.close()
        spin_until(self.runtime.runner.is_idle)
        kiosk_controller.issue_ticket = self._issue
        self.worker.close()
        self.ctx.db.dispose()
        asyncio.events._set_running_loop(None)
        self._quiet.__exit__(None, None, None)
