"""Fault injection: what visitors and desks get when something fails, and how the screen holds up.

Prints one table, a section per kind of fault, a row per fault, with the goal and PASS/FAIL.

Printer faults run the real kiosk offscreen (real PrinterWorker, real python-escpos drivers) on
a fresh SQLite file against printers faked at the transport: TCP servers on 127.0.0.1 that read
and answer, never read, read but never answer status, or are not there; ptys nobody reads or
that read without a status line. Each fault gets ``--tickets`` taps on "take a number". Per
row: tickets shown to the visitor, tickets that reached the printer, tickets whose failure
raised a desk alert, tickets lost (neither: the visitor holds a number nobody knows was not
printed), and the UI's largest gap between two 10 ms timer ticks during the taps, against the
same gap on the idle kiosk measured just before (the floor).
Goal: every ticket shown, none lost, the largest gap under 100 ms.

The database section (``bench/faults_database.py``) starts the kiosk on a read-only data
folder, a full SQLite database and a refused PostgreSQL, and lifts each fault: the visitor is
told at once to go to a counter, the kiosk recovers by itself, nothing is lost.

The offline section (``bench/faults_offline.py``, PostgreSQL only) cuts or silences the link
to the server, issues ``--offline`` tickets from the kiosk's journal, and uploads them in a
real process killed with ``kill -9`` half-way: every ticket uploaded, none twice, none lost.

Sections are functions in ``SECTIONS``.
Run: .venv/bin/python bench/faults.py [--tickets N] [--offline N] [--section NAME]
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`: repository first.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import asyncio
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import qasync
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.services.context import bootstrap
from kiosk.storage.models import Alert, Ticket
from tests.printing.transports import TcpMode, pty_printer, tcp_printer
from ui.kiosk.program import build as build_kiosk
from ui.screenshots import quiet_offscreen_warnings, spin_until
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter

GOAL_GAP_MS = 100.0
PRINTER_TIMEOUT_S = 2.0
TICK_MS = 10


@dataclass(frozen=True, slots=True)
class Row:
    """One fault and what came of it."""

    fault: str
    cells: dict[str, str]
    passed: bool
    note: str = ""


Section = Callable[[argparse.Namespace], tuple[str, list[Row]]]


class GapProbe:
    """The largest gap between two ticks of a 10 ms timer on the UI thread."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.max_gap_s = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.max_gap_s = max(self.max_gap_s, now - self._last)
        self._last = now

    @contextmanager
    def watching(self) -> Iterator[None]:
        self._last, self.max_gap_s = 0.0, 0.0
        self._timer.start()
        try:
            yield
        finally:
            self._timer.stop()


# -- printer faults -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterFault:
    """A fake printer (a context manager giving the config lines and what it received)."""

    name: str
    fake: Callable[[], AbstractContextManager[tuple[str, bytearray]]]
    note: str = ""  # printed under the table when the row fails


@contextmanager
def _tcp(mode: TcpMode) -> Iterator[tuple[str, bytearray]]:
    with tcp_printer(mode) as fake:
        yield f'kind = "network"\nhost = "127.0.0.1"\nport = {fake.port}\n', fake.received


@contextmanager
def _switched_off() -> Iterator[tuple[str, bytearray]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f'kind = "network"\nhost = "127.0.0.1"\nport = {port}\n', bytearray()


@contextmanager
def _serial(*, drained: bool) -> Iterator[tuple[str, bytearray]]:
    with pty_printer(drained=drained) as fake:
        yield f'kind = "serial"\nserial_device = "{fake.path}"\n', fake.received


PRINTER_FAULTS = (
    PrinterFault("network printer, all well", lambda: _tcp(TcpMode.GOOD)),
    PrinterFault("network printer switched off", _switched_off),
    PrinterFault("network: accepts, never reads", lambda: _tcp(TcpMode.NEVER_READS)),
    PrinterFault("network: reads, never answers status", lambda: _tcp(TcpMode.SILENT_READER)),
    PrinterFault(
        "serial: nobody reads the port",
        lambda: _serial(drained=False),
        "a printer that neither reads nor answers status: its input buffer (the pty's 14 KB)"
        " takes a ticket without any sign, and the next one times out and alerts the desks;"
        " the buffer is then emptied (so the printer never prints half a ticket's commands)"
        " and the ticket after fills it again unseen",
    ),
    PrinterFault("serial: reads, no status line", lambda: _serial(drained=True)),
)


def _run_printer_fault(
    app: QApplication, loop: asyncio.AbstractEventLoop, fault: PrinterFault, tickets: int
) -> Row:
    with tempfile.TemporaryDirectory() as tmp, fault.fake() as (printer_toml, received):
        folder = Path(tmp)
        config_file = folder / "config.toml"
        config_file.write_text(
            f'[database]\nurl = "sqlite:///{folder / "kiosk.sqlite3"}"\n'
            f"[printer]\n{printer_toml}timeout_s = {PRINTER_TIMEOUT_S}\n",
            encoding="utf-8",
        )
        config = load_config(str(config_file), env={})
        clock = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
        ctx = bootstrap(config, clock=clock)
        printer = TicketPrinter(config=config, clock=clock)
        env = Env(app=app, config=config, clock=clock, size=QSize(1920, 1080))
        program = build_kiosk(env, printer=printer)
        runtime = Runtime.over_context(ctx, loop=loop)
        window = program.window
        ready: list[bool] = []
        window.show()
        program.start(runtime)
        assert program.controller is not None
        program.controller.ready.connect(lambda: ready.append(True))
        spin_until(lambda: bool(ready) and runtime.runner.is_idle())
        probe = GapProbe()
        with probe.watching():
            start = time.perf_counter()
            spin_until(lambda: time.perf_counter() - start > 1.0)
        floor_s = probe.max_gap_s
        shown = 0
        with probe.watching():
            for _ in range(tickets):
                window.show_choose()
                window.choose.line_buttons["A"].click()
                spin_until(runtime.runner.is_idle, timeout_s=PRINTER_TIMEOUT_S * 4 + 20)
                shown_ticket = window.ticket.ticket()
                shown += shown_ticket is not None
                clock.advance(minutes=1)
        gap_s = probe.max_gap_s
        with ctx.db.read() as session:
            issued = session.execute(select(Ticket.id, Ticket.number, Ticket.print_status)).all()
            alerted = set(session.scalars(select(Alert.ticket_id)))
        program.close()
        runtime.close()
        spin_until(runtime.runner.is_idle)
        printer.close()
        ctx.db.dispose()
    reached = sum(1 for _id, number, _s in issued if number.encode() in received)
    alerts = sum(
        1 for ticket_id, _n, status in issued if status == "failed" and ticket_id in alerted
    )
    lost = len(issued) - reached - alerts
    passed = shown == tickets and lost == 0 and gap_s * 1000 < GOAL_GAP_MS
    cells = {
        "shown": f"{shown}/{tickets}",
        "printed": str(reached),
        "alert": str(alerts),
        "lost": str(lost),
        "max gap": f"{gap_s * 1000:5.0f} ms",
        "floor": f"{floor_s * 1000:4.0f} ms",
        "gap/floor": f"{gap_s / floor_s:4.1f}x" if floor_s else "-",
    }
    return Row(fault.name, cells, passed, fault.note)


def printer_section(args: argparse.Namespace) -> tuple[str, list[Row]]:
    """Printer faults x what the visitor and the desks got."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    rows = [_run_printer_fault(app, loop, fault, args.tickets) for fault in PRINTER_FAULTS]
    asyncio.events._set_running_loop(None)
    title = (
        f"Printer faults ({args.tickets} tickets each, printer timeout_s {PRINTER_TIMEOUT_S:g};"
        f" goal: all shown, 0 lost, max gap < {GOAL_GAP_MS:.0f} ms)"
    )
    return title, rows


def database_section(args: argparse.Namespace) -> tuple[str, list[Row]]:
    """A database that cannot be reached or written x what the visitor got, and recovery."""
    from bench.faults_database import DATABASE_FAULTS, run_database_fault

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    rows = []
    for name, fault in DATABASE_FAULTS:
        with tempfile.TemporaryDirectory() as tmp:
            cells = run_database_fault(app, loop, Path(tmp), fault)
        if cells is None:
            rows.append(Row(name, {}, True, "skipped: cannot be made on this machine"))
            continue
        passed = cells["tap says"] == "yes" and cells["lost"] == "0"
        rows.append(Row(name, cells, passed, "no message, or a ticket lost"))
    asyncio.events._set_running_loop(None)
    title = (
        "Database faults at the kiosk's start (goal: visitors told to go to a counter,"
        " recovered by itself once lifted, 0 lost)"
    )
    return title, rows


def offline_section(args: argparse.Namespace) -> tuple[str, list[Row]]:
    """The kiosk issuing while PostgreSQL is cut, then uploading through a kill -9."""
    from bench.faults_offline import run_offline
    from bench.harness import postgres_schema

    title = (
        f"Offline kiosk on PostgreSQL ({args.offline} tickets issued offline, upload killed"
        " with kill -9 half-way and started again; goal: all uploaded, 0 twice, 0 lost)"
    )
    url = os.environ.get("KIOSK_TEST_POSTGRES_URL", "")
    if not url:
        return title, [Row("skipped", {}, True, "set KIOSK_TEST_POSTGRES_URL")]
    rows = []
    for fault in ("cut", "drop"):
        with postgres_schema(url, "faults") as schema_url, tempfile.TemporaryDirectory() as tmp:
            clock = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
            counts = run_offline(
                Path(tmp), schema_url, fault=fault, tickets=args.offline, clock=clock
            )
        passed = counts["uploaded"] == counts["offline"] and not counts["twice"]
        passed = passed and not counts["lost"]
        cells = {key: str(counts[key]) for key in ("offline", "uploaded", "twice", "lost")}
        rows.append(Row(f"server {fault}", cells, passed, "offline tickets missing or doubled"))
    return title, rows


SECTIONS: dict[str, Section] = {
    "printer": printer_section,
    "database": database_section,
    "offline": offline_section,
}


def print_table(title: str, rows: list[Row]) -> None:
    columns = next((list(row.cells) for row in rows if row.cells), [])
    width = max([len(row.fault) for row in rows] + [10])
    print(title)
    print(f"  {'fault':<{width}}  " + "  ".join(f"{c:>9}" for c in columns) + "  result")
    for row in rows:
        if not row.cells:  # skipped: the note says why
            print(f"  {row.fault:<{width}}  {row.note}")
            continue
        cells = "  ".join(f"{row.cells[c]:>9}" for c in columns)
        print(f"  {row.fault:<{width}}  {cells}  {'PASS' if row.passed else 'FAIL'}")
    for row in rows:
        if row.note and not row.passed:
            print(f"  {row.fault}: {row.note}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=3)
    parser.add_argument("--offline", type=int, default=30, help="tickets issued offline")
    parser.add_argument("--section", choices=sorted(SECTIONS), action="append")
    args = parser.parse_args()
    with quiet_offscreen_warnings():
        for name in args.section or list(SECTIONS):
            print_table(*SECTIONS[name](args))


if __name__ == "__main__":
    main()
