from pathlib import Path

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import TicketStatus
from kiosk.services.closing import close_if_due
from kiosk.services.context import AppContext
from kiosk.services.tickets import find_ticket, issue_ticket


def test_closing_waits_for_the_end_of_the_last_opening_range(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    clock.advance(hours=7, minutes=59)  # Monday 16:59 local; closing is 17:00
    assert close_if_due(sqlite_ctx) is None
    assert find_ticket(sqlite_ctx, "A001").status is TicketStatus.WAITING


def test_closing_runs_once_and_writes_the_day_reports(
    sqlite_ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    issue_ticket(sqlite_ctx, line_code="E")
    clock.advance(hours=8, minutes=1)  # 17:01
    result = close_if_due(sqlite_ctx)
    assert result is not None
    assert result.closed_tickets == 2
    assert result.pdf.read_bytes().startswith(b"%PDF")
    assert result.csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert result.pdf.parent == tmp_path / "reports"
    assert find_ticket(sqlite_ctx, "E001").status is TicketStatus.NOT_SERVED_AT_CLOSING
    clock.advance(minutes=5)
    assert close_if_due(sqlite_ctx) is None  # already done today


def test_no_closing_on_a_day_the_desk_does_not_open(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    clock.advance(days=6, hours=9)  # Sunday 18:00
    assert close_if_due(sqlite_ctx) is None
