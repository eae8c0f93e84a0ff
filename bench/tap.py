"""The kiosk offscreen, tapped as the tests tap it: bench/ticket.py times each tap with this."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import qasync
from escpos.printer import Dummy
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.domain.views import TicketView
from kiosk.services.context import AppContext, bootstrap
from printing.worker import PrinterWorker
from ui.kiosk.backend import KioskBackend
from ui.kiosk.factory import KioskParts, build_kiosk
from ui.screenshots import quiet_offscreen_warnings, spin_until
from ui.ticket_printing import TicketPrinter

MOMENTS = ("committed", "painted", "handed to the printer")


class PaintWatch(QObject):
    """Notes when a widget paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.painted_at:
            self.painted_at = time.perf_counter()
        return False


class TapDriver:
    """A kiosk on a fresh SQLite file in ``folder`` with an in-memory printer."""

    def __init__(self, folder: Path) -> None:
        self._quiet = quiet_offscreen_warnings()
        self._quiet.__enter__()
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
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
        self.parts: KioskParts = build_kiosk(
            app=app,
            loop=loop,
            config=config,
            backend=KioskBackend.from_context(self.ctx),
            printer=TicketPrinter(config=config, clock=clock, worker=self.worker),
            clock=clock,
            size=QSize(1920, 1080),
        )
        self.marks: dict[str, float] = {}
        self._watch_moments()
        ready: list[bool] = []
        self.parts.controller.ready.connect(lambda: ready.append(True))
        self.parts.window.show()
        self.parts.controller.start()
        spin_until(lambda: bool(ready))

    def _watch_moments(self) -> None:
        parts, marks = self.parts, self.marks
        submit, issue = parts.printer.submit, parts.backend.issue_ticket

        def timed_submit(*args: Any, **kwargs: Any) -> Any:
            future = submit(*args, **kwargs)
            marks["handed to the printer"] = time.perf_counter()
            return future

        def timed_issue(*args: Any) -> TicketView:
            ticket = issue(*args)
            marks["committed"] = time.perf_counter()
            return ticket

        parts.printer.submit = timed_submit  # type: ignore[method-assign]
        parts.backend.issue_ticket = timed_issue  # type: ignore[method-assign]
        self.watch = PaintWatch()
        parts.window.ticket.number.installEventFilter(self.watch)

    def tap(self) -> dict[str, float]:
        """Tap line A on the choose screen; seconds from the tap to each moment."""
        window, runner = self.parts.window, self.parts.runner
        window.show_choose()
        spin_until(runner.is_idle)
        self.marks.clear()
        self.watch.painted_at = 0.0
        waiter = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(
            lambda: waiter.quit() if self.watch.painted_at and len(self.marks) == 2 else None
        )
        poll.start(0)
        start = time.perf_counter()
        window.choose.line_buttons["A"].click()
        waiter.exec()
        poll.stop()
        self.marks["painted"] = self.watch.painted_at
        seconds = {name: self.marks[name] - start for name in MOMENTS}
        spin_until(runner.is_idle)
        return seconds

    def close(self) -> None:
        """Close the kiosk, the printer thread and the database."""
        self.parts.close()
        spin_until(self.parts.runner.is_idle)
        self.worker.close()
        self.ctx.db.dispose()
        asyncio.events._set_running_loop(None)
        self._quiet.__exit__(None, None, None)
