"""Tap to ticket, and a ticket's render + encode against the time the printer takes to print it.

Taps (P2): the kiosk runs on a fresh SQLite file with an in-memory printer, driven as the
tests drive it, tapped on a choose screen already painted. Three moments are timed from the
tap: the ticket committed (the issue call returned), the ticket screen painted with the number,
and the print job handed to the PrinterWorker; P2 is the last of the three. Two floors are
interleaved with the taps (a commit, a plain tap, a kiosk tap, ...; an fsync on a shared disk
varies several-fold between minutes): one raw sqlite3 INSERT + COMMIT with the same pragmas
(WAL, synchronous=FULL) on the same disk, and the honest floor, the same tap in plain PySide6
around that raw commit (bench/tap_floor.py). Goal: at most 2x the honest floor and under
100 ms; the ratio to the raw commit is printed beside it.

Render + encode (P3): the CPU time to lay out a ticket and turn it into ESC/POS bytes
(``print_slip`` on an ``escpos`` Dummy, what the printer thread does), for tickets that differ
as a day's do (number, people ahead, wait, time, procedure, priority group), against the time
a 250 mm/s printer takes to print that slip (its length at 8 dots per mm, without the feed
before the cut). Both the steady state and the first ticket after start are shown: the
printer thread then has only the sample ticket it lays out as it starts (``warm_up``) in its
caches, the bench clears them and does the same. Goal: at most 5 % of the print time. Also
printed: the bytes of one ticket.
Run: .venv/bin/python bench/ticket.py [--taps N] [--tickets N]   (offscreen unless DISPLAY is set)
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue` (the printer
# worker needs it): put the repository first and bench/ last.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.append(str(Path(__file__).resolve().parent))

import os

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # else on the real window system

import argparse
import dataclasses
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import harness
from escpos.printer import Dummy

from kiosk.domain.views import SiteHeader, TicketView
from printing import layout, raster
from printing.layout import layout_slip
from printing.settings import PrinterSettings
from printing.slip import print_slip
from printing.ticket import (
    DEFAULT_LABELS,
    VIETNAM_TZ,
    render_ticket_bytes,
    sample_ticket,
    ticket_blocks,
    warm_up,
)

BENCH = "ticket"
DOTS_PER_MM = 8  # 203 dpi
PRINT_SPEED_MM_S = 250
RENDER_GOAL = 0.05
HANDOFF_GOAL_RATIO = 2.0
HANDOFF_GOAL_S = 0.1
ALL_DONE = "committed + painted + handed to the printer"
HEADER = SiteHeader("Trung tâm Phục vụ hành chính công", "Xã Đức Phong", "Tỉnh Quảng Ngãi")


class FloorCommit:
    """One raw sqlite3 INSERT + COMMIT per call, on a file beside the kiosk's database."""

    def __init__(self, folder: Path) -> None:
        self.con = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        self.con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, issued_at TEXT)")
        self.count = 0

    def __call__(self) -> float:
        self.count += 1
        start = time.perf_counter()
        self.con.execute("BEGIN IMMEDIATE")
        self.con.execute("INSERT INTO t (number, issued_at) VALUES (?, ?)", (self.count, "now"))
        self.con.execute("COMMIT")
        return time.perf_counter() - start


def bench_taps(taps: int) -> None:
    """The kiosk's tap against its honest floor and the raw commit, interleaved."""
    import asyncio

    from tap import TapDriver, settle  # Qt and the kiosk load only here
    from tap_floor import PlainTap

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = FloorCommit(folder)
        driver = TapDriver(folder)
        plain = PlainTap(folder, loop=asyncio.get_event_loop())
        moments: dict[str, list[float]] = {}
        plains: dict[str, list[float]] = {}
        floors: list[float] = []
        for _ in range(max(taps, harness.MIN_PAIRS)):
            floors.append(floor())
            for name, seconds in plain.tap(settle=settle).items():
                plains.setdefault(name, []).append(seconds)
            for name, seconds in driver.tap().items():
                moments.setdefault(name, []).append(seconds)
        plain.close()
        driver.close()
        floor.con.close()
    for both in (plains, moments):  # P2 is the tap until all three are done
        both[ALL_DONE] = [max(times) for times in zip(*both.values(), strict=True)]
    floor_spread = harness.Spread.of(floors)
    print(f"  raw sqlite3 INSERT + COMMIT: {harness.spread_text(floor_spread)}")
    for name, times in plains.items():
        spread = harness.Spread.of(times)
        ratio = spread.ratio(floor_spread)
        print(
            f"  honest floor, plain PySide6 tap -> {name}: {harness.spread_text(spread)}; "
            f"{ratio.low:.1f}x / {ratio.median:.1f}x the raw commit"
        )
    for name, times in moments.items():
        spread = harness.Spread.of(times)
        honest = spread.ratio(harness.Spread.of(plains[name]))
        raw = spread.ratio(floor_spread)
        value = (
            f"{harness.spread_text(spread)}; {honest.low:.1f}x / {honest.median:.1f}x the honest "
            f"floor ({raw.low:.0f}x / {raw.median:.0f}x the raw commit)"
        )
        if name == ALL_DONE:
            goal = f"<= {HANDOFF_GOAL_RATIO:g}x honest floor and < {HANDOFF_GOAL_S * 1000:.0f} ms"
            passed = honest.median <= HANDOFF_GOAL_RATIO and spread.median < HANDOFF_GOAL_S
            harness.report(BENCH, f"tap -> {name} (P2)", value, goal=goal, passed=passed)
        else:
            harness.report(BENCH, f"tap -> {name}", value)


def tickets(count: int) -> list[TicketView]:
    """Tickets as a day's differ: number, people ahead, wait, time, procedure, priority."""
    base = sample_ticket(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    return [
        dataclasses.replace(
            base,
            id=n + 1,
            number=f"{'ABCDE'[n % 5]}{n + 1:03d}",
            people_ahead=(n * 7) % 23,
            estimated_wait_min=(n * 11) % 61,
            issued_at=base.issued_at + timedelta(minutes=3 * n),
            procedure=None if n % 4 == 0 else base.procedure,
            priority_group=base.priority_group if n % 5 == 0 else None,
        )
        for n in range(count)
    ]


def forget_drawn_text() -> None:
    """Back to a freshly started printer thread: fonts loaded, no text drawn or measured yet."""
    for cached in (layout._drawn_text, raster.text_width, raster.blank_feed):
        cached.cache_clear()


def render_share(ticket: TicketView, width_dots: int) -> Callable[[], float]:
    """A measurement: CPU to lay out and encode ``ticket`` (as the printer thread does), as a
    share of the time a 250 mm/s printer takes to print it (without the feed before the cut).
    """
    blocks = ticket_blocks(ticket, HEADER, DEFAULT_LABELS, VIETNAM_TZ)
    length_mm = sum(piece.height_dots for piece in layout_slip(blocks, width_dots)) / DOTS_PER_MM
    print_s = length_mm / PRINT_SPEED_MM_S

    def measure() -> float:
        start = time.thread_time()
        blocks = ticket_blocks(ticket, HEADER, DEFAULT_LABELS, VIETNAM_TZ)
        print_slip(Dummy(), blocks, width_dots=width_dots, job_name=ticket.number)
        return (time.thread_time() - start) / print_s

    return measure


def bench_render(count: int) -> None:
    """Render + encode CPU per ticket against its print time, steady and first after start."""
    for paper_mm in (80, 58):
        width = PrinterSettings(kind="dummy", paper_width_mm=paper_mm).width_dots
        batch = [render_share(t, width) for t in tickets(max(count, harness.MIN_PAIRS) * 2)]
        batch[0]()  # fonts load once per printer thread, at its start
        first = []
        for measure in batch[: harness.MIN_PAIRS]:
            forget_drawn_text()
            warm_up(HEADER, width_dots=width)  # what the kiosk's printer does as it starts
            first.append(measure())
        half = len(batch) // 2
        for measure in batch[:half]:  # the morning's first tickets: the labels get drawn
            measure()
        steady = [measure() for measure in batch[half:]]
        for label, shares in (("steady", steady), ("first after start", first)):
            spread = harness.Spread.of(shares)
            harness.report(
                BENCH,
                f"render + encode / print time at {PRINT_SPEED_MM_S} mm/s, {paper_mm} mm, {label}",
                f"min {spread.low:.1%}, median {spread.median:.1%} (P3)",
                goal=f"<= {RENDER_GOAL:.0%}",
                passed=spread.median <= RENDER_GOAL,
            )


def ticket_bytes() -> None:
    """Bytes of the longest ticket (procedure, priority group, two counters) per paper width."""
    ticket = sample_ticket(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    for width in (58, 80):
        settings = PrinterSettings(kind="dummy", paper_width_mm=width)
        data = render_ticket_bytes(ticket, HEADER, settings)
        print(f"  ticket bytes, {width} mm paper: {len(data):6d} ({len(data) / 1024:.1f} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=20, help="taps, each after a floor commit")
    parser.add_argument("--tickets", type=int, default=40, help="tickets rendered per paper")
    args = parser.parse_args()
    print("ticket bench:")
    bench_render(args.tickets)
    ticket_bytes()
    bench_taps(args.taps)


if __name__ == "__main__":
    main()
