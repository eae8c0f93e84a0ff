"""Tap to ticket: from the tap on a line to the ticket committed, painted and sent to the printer.

The kiosk runs offscreen on a fresh SQLite file with an in-memory printer, driven as the tests
drive it. Three moments are timed from the tap: the ticket committed (the issue call
returned), the ticket screen painted with the number, and the print job handed to the
PrinterWorker. The floor is one raw sqlite3 INSERT + COMMIT with the same pragmas (WAL,
synchronous=FULL) on the same disk, measured in the same run. Also printed: the bytes of one
ticket on 58 mm and 80 mm paper. No assertions.
Run: .venv/bin/python bench/ticket.py [--taps N]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue` (the printer
# worker needs it): put the repository first and drop bench/.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from typing import Any

import qasync
from escpos.printer import Dummy
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.domain.views import SiteHeader, TicketView
from kiosk.services.context import bootstrap
from printing.settings import PrinterSettings
from printing.ticket import render_ticket_bytes, sample_ticket
from printing.worker import PrinterWorker
from ui.kiosk import controller as kiosk_controller
from ui.kiosk.program import build as build_kiosk
from ui.screenshots import quiet_offscreen_warnings, spin_until
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter


class PaintWatch(QObject):
    """Notes when a widget paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.painted_at:
            self.painted_at = time.perf_counter()
        return False


def sqlite_floor(folder: Path, runs: int) -> float:
    """Median seconds of one INSERT + COMMIT, the least any ticket can cost."""
    con = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, issued_at TEXT)")
    times = []
    for i in range(runs):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO t (number, issued_at) VALUES (?, ?)", (f"A{i:03d}", "now"))
        con.execute("COMMIT")
        times.append(time.perf_counter() - start)
    con.close()
    return statistics.median(times)


def tap_to_ticket(folder: Path, taps: int) -> dict[str, list[float]]:
    """Seconds from the tap to each moment, per tap."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    config_file = folder / "config.toml"
    config_file.write_text(
        f'[database]\nurl = "sqlite:///{folder / "kiosk.sqlite3"}"\n[printer]\nkind = "dummy"\n',
        encoding="utf-8",
    )
    config = load_config(str(config_file), env={})
    clock = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    ctx = bootstrap(config, clock=clock)
    device = Dummy()
    worker = PrinterWorker(lambda: device, width_dots=576, timeout_s=5)
    printer = TicketPrinter(config=config, clock=clock, worker=worker)
    env = Env(app=app, config=config, clock=clock, size=QSize(1920, 1080))
    parts = build_kiosk(env, printer=printer)
    runtime = Runtime.over_context(ctx, loop=loop)
    window = parts.window
    marks: dict[str, float] = {}
    submit = printer.submit

    def timed_submit(*args: Any, **kwargs: Any) -> Any:
        future = submit(*args, **kwargs)
        marks["handed to the printer"] = time.perf_counter()
        return future

    printer.submit = timed_submit  # type: ignore[method-assign]
    issue = kiosk_controller.issue_ticket

    def timed_issue(*args: Any, **kwargs: Any) -> TicketView:
        ticket = issue(*args, **kwargs)
        marks["committed"] = time.perf_counter()
        return ticket

    kiosk_controller.issue_ticket = timed_issue  # type: ignore[assignment]
    watch = PaintWatch()
    window.show()
    ready: list[bool] = []
    parts.start(runtime)
    window.ticket.number.installEventFilter(watch)
    assert parts.controller is not None
    parts.controller.ready.connect(lambda: ready.append(True))
    spin_until(lambda: bool(ready))
    results: dict[str, list[float]] = {"committed": [], "painted": [], "handed to the printer": []}
    for _ in range(taps):
        window.show_choose()
        spin_until(runtime.runner.is_idle)
        marks.clear()
        watch.painted_at = 0.0
        waiter = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(
            lambda w=waiter: w.quit() if watch.painted_at and len(marks) == 2 else None
        )
        poll.start(0)
        start = time.perf_counter()
        window.choose.line_buttons["A"].click()
        waiter.exec()
        poll.stop()
        results["committed"].append(marks["committed"] - start)
        results["painted"].append(watch.painted_at - start)
        results["handed to the printer"].append(marks["handed to the printer"] - start)
        spin_until(runtime.runner.is_idle)
    parts.close()
    runtime.close()
    spin_until(runtime.runner.is_idle)
    worker.close()
    ctx.db.dispose()
    asyncio.events._set_running_loop(None)
    return results


def ticket_bytes() -> None:
    """Bytes of the longest ticket (procedure, priority group, two counters) per paper width."""
    ticket = sample_ticket(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    header = SiteHeader("Trung tâm Phục vụ hành chính công", "Xã Đức Phong", "Tỉnh Quảng Ngãi")
    for width in (58, 80):
        settings = PrinterSettings(kind="dummy", paper_width_mm=width)
        data = render_ticket_bytes(ticket, header, settings)
        print(f"ticket bytes, {width} mm paper: {len(data):6d} ({len(data) / 1024:.1f} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=20)
    args = parser.parse_args()
    with quiet_offscreen_warnings(), tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = sqlite_floor(folder, max(args.taps, 50))
        results = tap_to_ticket(folder, args.taps)
    print(f"median of {args.taps} taps; floor: raw sqlite3 INSERT+COMMIT {floor * 1000:.2f} ms")
    for moment, times in results.items():
        median = statistics.median(times)
        print(
            f"tap -> {moment:<22} {median * 1000:7.1f} ms  (max {max(times) * 1000:6.1f} ms)"
            f"  {median / floor:6.1f}x floor"
        )
    ticket_bytes()


if __name__ == "__main__":
    main()
