from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.queue_read import list_lines, total_waiting
from kiosk.services.tickets import find_ticket, issue_ticket, mark_print_result
from kiosk.storage.models import AuditEntry, Ticket
from tests.conftest import make_config
from tests.storage.test_live import settle, watching


def test_numbers_run_per_line_without_gaps(ctx: AppContext) -> None:
    numbers = [issue_ticket(ctx, line_code=code).number for code in "AABAB"]
    assert numbers == ["A001", "A002", "B001", "A003", "B002"]


def test_numbers_restart_at_local_midnight(ctx: AppContext, clock: FixedClock) -> None:
    assert issue_ticket(ctx, line_code="A").number == "A001"
    clock.advance(hours=15)  # Monday 09:00 -> Tuesday 00:00 local
    ticket = issue_ticket(ctx, line_code="A")
    assert ticket.number == "A001"
    assert ticket.service_day.isoformat() == "2026-11-24"


def test_an_issued_ticket_is_committed_before_it_is_shown(ctx: AppContext) -> None:
    view = issue_ticket(ctx, line_code="A", procedure_code="khai-sinh", priority_group="elderly")
    with ctx.db.read() as session:
        row = session.get(Ticket, view.id)
        assert row is not None
        assert (row.number, row.status, row.priority_group) == ("A001", "waiting", "elderly")
        assert row.procedure is not None and row.procedure.code == "khai-sinh"
    assert view.procedure is not None and view.procedure.vi == "Đăng ký khai sinh"
    assert view.counters == (1, 2)


def test_issuing_audits_and_tells_the_screens(ctx: AppContext) -> None:
    with watching(ctx.config.database_url) as screens:
        before = settle(screens)
        view = issue_ticket(ctx, line_code="B")
        screens.wait_for("the new ticket", lambda: screens.changes > before)
    with ctx.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == view.id)).one()
    assert (entry.action, entry.actor, entry.entity) == ("issue", "kiosk", "ticket")
    assert '"number": "B001"' in entry.after


def test_people_ahead_and_estimate_for_a_new_ticket(ctx: AppContext) -> None:
    for _ in range(3):
        issue_ticket(ctx, line_code="A")
    view = issue_ticket(ctx, line_code="A")
    # Three ahead, default 8 min each, two desks serve line A.
    assert view.people_ahead == 3
    assert view.estimated_wait_min == 12


def test_a_priority_ticket_is_ahead_of_earlier_regular_ones(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="A")
    view = issue_ticket(ctx, line_code="A", priority_group="pregnant")
    assert view.people_ahead == 0


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"line_code": "Z"}, NotFoundError, "no line Z"),
        ({"line_code": "A", "procedure_code": "nope"}, NotFoundError, "no procedure nope"),
        (
            {"line_code": "B", "procedure_code": "khai-sinh"},
            ValidationError,
            "not served on line B",
        ),
        ({"line_code": "A", "priority_group": "vip"}, ValidationError, "Unknown priority group"),
    ],
)
def test_bad_requests_name_what_is_wrong_and_issue_nothing(
    ctx: AppContext, kwargs: dict[str, str], error: type[Exception], text: str
) -> None:
    with pytest.raises(error, match=text):
        issue_ticket(ctx, **kwargs)  # type: ignore[arg-type]
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
    assert issue_ticket(ctx, line_code="A").number == "A001"  # no number was burnt


def test_find_ticket_by_number_for_reprints(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    second = issue_ticket(ctx, line_code="A")
    found = find_ticket(ctx, "a002")
    assert found.id == second.id and found.people_ahead == 1
    with pytest.raises(NotFoundError, match="No ticket A009"):
        find_ticket(ctx, "A009")
    with pytest.raises(ValidationError, match="not a ticket number"):
        find_ticket(ctx, "hello")


def test_print_failure_is_recorded_and_audited(ctx: AppContext) -> None:
    view = issue_ticket(ctx, line_code="A")
    mark_print_result(ctx, view.id, printed=False, detail="paper out")
    with ctx.db.read() as session:
        assert session.get(Ticket, view.id).print_status == "failed"  # type: ignore[union-attr]
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "print_failed" in actions


def test_waiting_counts_and_line_views(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="E")
    issue_ticket(ctx, line_code="E")
    lines = {line.code: line for line in list_lines(ctx)}
    assert (lines["A"].waiting, lines["E"].waiting, lines["B"].waiting) == (1, 2, 0)
    assert lines["E"].counters == (3,)
    assert lines["E"].estimated_wait_min == 16
    assert [p.code for p in lines["B"].procedures] == [
        "chung-thuc-ban-sao",
        "chung-thuc-chu-ky",
        "chung-thuc-hop-dong",
    ]
    assert total_waiting(ctx) == 3
    assert ctx.config.line("A").name.vi == "Hộ tịch"
    assert isinstance(lines["A"].waiting, int)
    assert all(t.status is TicketStatus.WAITING for t in [find_ticket(ctx, "E002")])


def test_removing_a_line_from_the_config_deactivates_it(tmp_path: Path, clock: FixedClock) -> None:
    first = bootstrap(make_config(tmp_path), clock=clock)
    issue_ticket(first, line_code="C")
    first.db.dispose()
    body = '[[lines]]\ncode = "A"\nvi = "Hộ tịch"\n[[counters]]\nnumber = 1\nlines = ["A"]\n'
    second = bootstrap(make_config(tmp_path, body), clock=clock)
    assert [line.code for line in list_lines(second)] == ["A"]
    with pytest.raises(NotFoundError):
        issue_ticket(second, line_code="C")
    with second.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1
    second.db.dispose()
