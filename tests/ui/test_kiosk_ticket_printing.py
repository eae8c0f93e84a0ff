"""Printing a ticket again by its number (the desk's reprint) and the ticket's words."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from escpos.printer import Dummy
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.services.alerts import open_alerts
from kiosk.services.context import AppContext
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.storage.models import Ticket
from printing.worker import PrinterWorker
from tests.ui.conftest import FailingPrinter
from ui.i18n import I18n
from ui.shell import Runtime
from ui.ticket_printing import PrintOutcome, TicketPrinter, print_ticket, ticket_labels
from ui.widgets.corner_hold import corner_rect


@pytest.fixture
def runtime(
    loop: asyncio.AbstractEventLoop, qtbot: QtBot, sqlite_ctx: AppContext
) -> Iterator[Runtime]:
    runtime = Runtime.over_context(sqlite_ctx, loop=loop)
    yield runtime
    runtime.close()
    qtbot.wait_until(runtime.runner.is_idle)


def reprint(
    ctx: AppContext, runtime: Runtime, qtbot: QtBot, device: Dummy, number: str
) -> PrintOutcome:
    worker = PrinterWorker(lambda: device, width_dots=576, timeout_s=2)
    printer = TicketPrinter(config=ctx.config, clock=ctx.clock, worker=worker)
    outcomes: list[PrintOutcome] = []

    async def job() -> None:
        ticket = await runtime.ops.run(lambda ctx: find_ticket(ctx, number))
        outcomes.append(
            await print_ticket(
                runtime=runtime, printer=printer, ticket=ticket, language="vi", source="desk"
            )
        )

    runtime.runner.start(job())
    qtbot.wait_until(runtime.runner.is_idle, timeout=10_000)
    worker.close()
    return outcomes[0]


def test_a_ticket_is_printed_again_by_its_number(
    sqlite_ctx: AppContext, runtime: Runtime, qtbot: QtBot
) -> None:
    issue_ticket(sqlite_ctx, line_code="B")
    device = Dummy()
    outcome = reprint(sqlite_ctx, runtime, qtbot, device, "B001")
    assert outcome == PrintOutcome(printed=True)
    assert b"B001" in bytes(device.output)  # the big number is printer text
    with sqlite_ctx.db.read() as session:
        assert session.scalars(select(Ticket.print_status)).one() == "printed"


def test_a_failed_reprint_alerts_the_desk(
    sqlite_ctx: AppContext, runtime: Runtime, qtbot: QtBot
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    outcome = reprint(sqlite_ctx, runtime, qtbot, FailingPrinter(), "A001")
    assert not outcome.printed
    assert "out of paper" in outcome.detail
    assert [alert.source for alert in open_alerts(sqlite_ctx)] == ["desk"]


def test_ticket_words_follow_the_visitors_language(
    qapp: QApplication, sqlite_ctx: AppContext
) -> None:
    vi = ticket_labels(sqlite_ctx.config, "vi")
    assert (vi.number, vi.priority_groups["elderly"]) == (
        "Số thứ tự",
        "Người cao tuổi (từ 60 tuổi)",
    )
    i18n = I18n()
    i18n.set_language("en")
    try:
        en = ticket_labels(sqlite_ctx.config, "en")
    finally:
        i18n.reset()
    assert (en.number, en.language) == ("Your number", "en")
    assert en.priority_groups["elderly"] == "Older person (60 or over)"


@pytest.mark.parametrize(
    ("corner", "x", "y"),
    [
        ("top_left", 0, 0),
        ("top_right", 1820, 0),
        ("bottom_left", 0, 980),
        ("bottom_right", 1820, 980),
    ],
)
def test_the_exit_corner_is_a_square_in_the_configured_corner(corner: str, x: int, y: int) -> None:
    from PySide6.QtCore import QRect

    zone = corner_rect(QRect(0, 0, 1920, 1080), corner, 100)
    assert (zone.x(), zone.y(), zone.width(), zone.height()) == (x, y, 100, 100)
