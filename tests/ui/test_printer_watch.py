"""The kiosk tells the desks about printer trouble before a visitor meets it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from kiosk.services.alerts import AlertKind, open_alerts
from kiosk.services.context import AppContext
from printing.worker import PrinterWorker
from tests.printing.test_worker import ReportingPrinter
from ui.kiosk.printer_watch import PrinterWatch
from ui.shell import Runtime
from ui.ticket_printing import TicketPrinter

LOOP = asyncio.new_event_loop()
PAPER_OK, PAPER_NEAR_END = b"\x12", b"\x1e"


def make_worker(paper: bytes) -> PrinterWorker:
    return PrinterWorker(lambda: ReportingPrinter(paper=paper), width_dots=576, timeout_s=5.0)


@pytest.fixture
def workers() -> Iterator[list[PrinterWorker]]:
    made: list[PrinterWorker] = []
    yield made
    for worker in made:
        worker.close()


def watch_for(ctx: AppContext, worker: PrinterWorker) -> PrinterWatch:
    printer = TicketPrinter(config=ctx.config, worker=worker)
    runtime = Runtime.over_context(ctx, loop=LOOP)
    return PrinterWatch(runtime=runtime, printer=printer, source="kiosk")


def printer_alerts(ctx: AppContext) -> list[str]:
    return [a.message for a in open_alerts(ctx) if a.kind is AlertKind.PRINTER_TROUBLE]


def test_paper_near_end_alerts_the_desk_once(
    sqlite_ctx: AppContext, workers: list[PrinterWorker]
) -> None:
    workers.append(make_worker(PAPER_NEAR_END))
    watch = watch_for(sqlite_ctx, workers[0])
    status = LOOP.run_until_complete(watch.check())
    assert status is not None and str(status.state) == "paper_near_end"
    LOOP.run_until_complete(watch.check())
    assert printer_alerts(sqlite_ctx) == ["paper_near_end: paper roll nearly used up"]


def test_a_printer_that_is_fine_raises_no_alert(
    sqlite_ctx: AppContext, workers: list[PrinterWorker]
) -> None:
    workers.append(make_worker(PAPER_OK))
    status = LOOP.run_until_complete(watch_for(sqlite_ctx, workers[0]).check())
    assert status is not None and str(status.state) == "ok"
    assert printer_alerts(sqlite_ctx) == []
