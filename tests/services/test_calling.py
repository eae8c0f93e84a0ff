import threading
import time

import pytest
from sqlalchemy import select, text

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import InvalidTransitionError, NotFoundError, ValidationError
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.queue_read import counter_states, waiting_tickets
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.storage.models import AuditEntry, TicketTransfer

DESK = Actor("Nguyễn Văn An", None)


def call(ctx: AppContext, counter: int = 1) -> str | None:
    view = calling.call_next(ctx, counter_number=counter, actor=DESK)
    return view.number if view else None


def finish_current(ctx: AppContext, counter: int) -> None:
    # Clear the desk without needing helpers: mark the called ticket no-show.
    state = next(s for s in counter_states(ctx) if s.number == counter)
    assert state.current is not None
    calling.no_show(ctx, ticket_id=state.current.id, actor=DESK)


def test_call_next_with_nobody_waiting_gives_none(ctx: AppContext) -> None:
    assert call(ctx) is None


def test_call_next_serves_only_the_lines_of_the_counter(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="E")
    issue_ticket(ctx, line_code="A")
    assert call(ctx, 1) == "A001"
    assert call(ctx, 3) == "E001"


def test_call_next_mixes_priority_two_to_one_at_a_desk(ctx: AppContext, clock: FixedClock) -> None:
    for group in (None, None, "elderly", "disability", "pregnant"):
        issue_ticket(ctx, line_code="A", priority_group=group)
        clock.advance(minutes=1)
    order = []
    for _ in range(5):
        order.append(call(ctx, 1))
        finish_current(ctx, 1)
        clock.advance(seconds=30)
    assert order == ["A003", "A004", "A001", "A005", "A002"]


def test_a_desk_still_with_a_visitor_cannot_call_the_next(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="A")
    call(ctx, 1)
    with pytest.raises(InvalidTransitionError, match="still with ticket A001"):
        call(ctx, 1)


def test_call_a_specific_ticket_out_of_order(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    second = issue_ticket(ctx, line_code="A")
    view = calling.call_ticket(ctx, ticket_id=second.id, counter_number=2, actor=DESK)
    assert (view.number, view.status, view.counter_number) == ("A002", TicketStatus.CALLED, 2)
    with pytest.raises(InvalidTransitionError, match="not waiting"):
        calling.call_ticket(ctx, ticket_id=second.id, counter_number=1, actor=DESK)


def test_recalls_are_counted_then_the_ticket_becomes_no_show(ctx: AppContext) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    call(ctx)
    counts = [calling.recall(ctx, ticket_id=ticket.id, actor=DESK).recall_count for _ in range(3)]
    assert counts == [1, 2, 3]
    final = calling.recall(ctx, ticket_id=ticket.id, actor=DESK)
    assert final.status is TicketStatus.NO_SHOW


def test_a_no_show_can_be_reactivated_and_keeps_its_place(
    ctx: AppContext, clock: FixedClock
) -> None:
    first = issue_ticket(ctx, line_code="A")
    clock.advance(minutes=1)
    issue_ticket(ctx, line_code="A")
    call(ctx)
    calling.no_show(ctx, ticket_id=first.id, actor=DESK)
    back = calling.reactivate(ctx, ticket_id=first.id, actor=DESK)
    assert (back.status, back.issued_at, back.counter_number) == (
        TicketStatus.WAITING,
        first.issued_at,
        None,
    )
    assert call(ctx, 2) == "A001"


def test_transfer_keeps_the_number_and_the_issue_time(ctx: AppContext, clock: FixedClock) -> None:
    moved = issue_ticket(ctx, line_code="A", procedure_code="khai-sinh")
    clock.advance(minutes=5)
    issue_ticket(ctx, line_code="E")
    call(ctx, 1)
    view = calling.transfer(ctx, ticket_id=moved.id, to_line="E", actor=DESK)
    assert (view.number, view.line_code, view.status) == ("A001", "E", TicketStatus.WAITING)
    assert view.issued_at == moved.issued_at and view.procedure is None
    assert call(ctx, 3) == "A001"  # earlier issue time goes first on the new line
    assert find_ticket(ctx, "A001").line_code == "E"
    assert issue_ticket(ctx, line_code="A").number == "A002"
    with ctx.db.read() as session:
        transfers = session.scalars(select(TicketTransfer)).all()
    assert len(transfers) == 1


def test_transfer_to_the_same_or_an_unknown_line_is_refused(ctx: AppContext) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    with pytest.raises(ValidationError, match="already on line A"):
        calling.transfer(ctx, ticket_id=ticket.id, to_line="A", actor=DESK)
    with pytest.raises(NotFoundError, match="no line Q"):
        calling.transfer(ctx, ticket_id=ticket.id, to_line="Q", actor=DESK)


def test_cancel_and_start(ctx: AppContext) -> None:
    a = issue_ticket(ctx, line_code="A")
    b = issue_ticket(ctx, line_code="A")
    assert (
        calling.cancel(ctx, ticket_id=a.id, actor=DESK, reason="left").status
        is TicketStatus.CANCELLED
    )
    call(ctx)
    assert calling.start(ctx, ticket_id=b.id, actor=DESK).status is TicketStatus.SERVING
    with pytest.raises(InvalidTransitionError):
        calling.start(ctx, ticket_id=b.id, actor=DESK)


def test_closing_marks_waiting_tickets_and_keeps_the_reason(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="B")
    served = issue_ticket(ctx, line_code="E")
    call(ctx, 3)
    assert calling.close_day(ctx, actor=DESK, reason="Hết giờ làm việc") == 2
    assert waiting_tickets(ctx) == []
    closed = find_ticket(ctx, "A001")
    assert closed.status is TicketStatus.NOT_SERVED_AT_CLOSING
    assert find_ticket(ctx, "E001").id == served.id
    assert find_ticket(ctx, "E001").status is TicketStatus.CALLED
    with ctx.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "close_day")).one()
    assert "Hết giờ làm việc" in entry.after and "A001" in entry.after


def test_every_action_is_audited_with_before_and_after(ctx: AppContext) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    call(ctx)
    calling.recall(ctx, ticket_id=ticket.id, actor=DESK)
    with ctx.db.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    recall_entry = entries[-1]
    assert [e.action for e in entries[-3:]] == ["issue", "call_next", "recall"]
    assert recall_entry.actor == "Nguyễn Văn An"
    assert '"recall_count": 0' in recall_entry.before and '"recall_count": 1' in recall_entry.after


def test_counter_states_show_each_desk_current_ticket(ctx: AppContext) -> None:
    issue_ticket(ctx, line_code="A")
    call(ctx, 2)
    states = {s.number: s for s in counter_states(ctx)}
    assert states[2].current is not None and states[2].current.number == "A001"
    assert states[1].current is None


def test_call_next_on_postgres_waits_for_a_ticket_the_kiosk_is_still_writing(
    postgres_ctx: AppContext,
) -> None:
    # The kiosk writes whether A001 printed while a desk taps "call next": the desk must
    # get A001 once the kiosk commits, not "nobody waits" with A001 on its screen. (Before,
    # SKIP LOCKED passed over the only waiting ticket and the call gave None.)
    issue_ticket(postgres_ctx, line_code="A")
    results: list[str | None] = []
    engine = postgres_ctx.db.write_engine
    with engine.connect() as kiosk, engine.connect() as watcher:
        kiosk.begin()
        kiosk.execute(text("UPDATE ticket SET print_status = 'printed' WHERE number = 'A001'"))
        holder = kiosk.execute(text("SELECT pg_backend_pid()")).scalar_one()
        desk = threading.Thread(target=lambda: results.append(call(postgres_ctx, 1)))
        desk.start()
        # Some backend (the desk's) waits for the kiosk's lock: no other test's lock counts.
        waiting = text(
            "SELECT count(*) FROM pg_stat_activity WHERE :holder = ANY(pg_blocking_pids(pid))"
        ).bindparams(holder=holder)
        deadline = time.monotonic() + 60  # a guard for a broken run, not a measure of speed
        while desk.is_alive() and time.monotonic() < deadline:
            seen = watcher.execute(waiting).scalar_one()
            watcher.rollback()  # the next look is a new snapshot of the activity
            if seen:
                break  # the desk waits for the kiosk's row lock
            time.sleep(0.01)  # the next look; how soon it comes decides nothing
        kiosk.commit()
        desk.join(timeout=60)
    assert results == ["A001"]
