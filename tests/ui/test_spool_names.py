"""A ticket spooled by the kiosk's printer is named in the commune's time, as printed on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.clock import FixedClock
from kiosk.services.context import bootstrap
from kiosk.services.tickets import issue_ticket
from tests.conftest import make_config
from ui.ticket_printing import TicketPrinter


def test_the_kiosks_spooled_ticket_is_named_in_local_time(tmp_path: Path) -> None:
    # 18:36:31 UTC on 29 November is 01:36:31 on 30 November in Hà Nội (UTC+7).
    clock = FixedClock(datetime(2026, 11, 29, 18, 36, 31, tzinfo=UTC))
    config = make_config(tmp_path, '[site]\ntimezone = "Asia/Ho_Chi_Minh"\n')
    config = replace(config, printer=replace(config.printer, kind="spool"))
    ctx = bootstrap(config, clock=clock)
    try:
        ticket = issue_ticket(ctx, line_code="A")
    finally:
        ctx.db.dispose()
    printer = TicketPrinter(config=config, clock=clock)
    printer.start()
    try:
        printer.submit(ticket, language="vi").result(timeout=30)
    finally:
        printer.close()

    spooled = sorted(p.name for p in config.printer.spool_dir.glob("*.escpos"))
    assert spooled == [f"20261130-013631-{ticket.number}.escpos"]
