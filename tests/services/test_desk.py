import pytest

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Outcome, TicketStatus
from kiosk.domain.errors import InvalidTransitionError
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.desk import close_counter, open_counter, undo_last
from kiosk.services.display_feed import recent_calls
from kiosk.services.helpers import add_helper, recent_helpers
from kiosk.services.queue_read import counter_states, list_lines
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit

DESK = Actor("desk")


def test_undo_restores_a_no_show_within_two_minutes(ctx: AppContext, clock: FixedClock) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    calling.call_next(ctx, counter_number=1, actor=DESK)
    calling.no_show(ctx, ticket_id=ticket.id, actor=DESK)
    clock.advance(seconds=90)
    back = undo_last(ctx, ticket_id=ticket.id, actor=DESK)
    assert (back.status, back.counter_number) == (TicketStatus.CALLED, 1)


def test_undo_after_the_window_is_refused(ctx: AppContext, clock: FixedClock) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    calling.cancel(ctx, ticket_id=ticket.id, actor=DESK)
    clock.advance(minutes=3)
    with pytest.raises(InvalidTransitionError, match="nothing to undo"):
        undo_last(ctx, ticket_id=ticket.id, actor=DESK)


def test_undo_of_a_transfer_puts_the_ticket_back_on_its_line(ctx: AppContext) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    calling.transfer(ctx, ticket_id=ticket.id, to_line="E", actor=DESK)
    assert undo_last(ctx, ticket_id=ticket.id, actor=DESK).line_code == "A"
    with pytest.raises(InvalidTransitionError):
        undo_last(ctx, ticket_id=ticket.id, actor=DESK)  # an undo is not undone


def test_an_open_counter_counts_for_the_estimate(ctx: AppContext) -> None:
    for _ in range(4):
        issue_ticket(ctx, line_code="A")
    # No desk open: both desks serving A are assumed -> 4 x 8 / 2.
    assert next(line for line in list_lines(ctx) if line.code == "A").estimated_wait_min == 16
    open_counter(ctx, counter_number=1, actor=DESK)
    assert next(line for line in list_lines(ctx) if line.code == "A").estimated_wait_min == 32
    assert {s.number: s.is_open for s in counter_states(ctx)}[1] is True
    close_counter(ctx, counter_number=1, actor=DESK)
    assert {s.number: s.is_open for s in counter_states(ctx)}[1] is False


def test_recent_calls_list_recalls_as_new_announcements(ctx: AppContext, clock: FixedClock) -> None:
    first = issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="E")
    calling.call_next(ctx, counter_number=1, actor=DESK)
    clock.advance(seconds=10)
    calling.call_next(ctx, counter_number=3, actor=DESK)
    calls = recent_calls(ctx)
    assert [(c.number, c.counter_number) for c in calls] == [("E001", 3), ("A001", 1)]
    clock.advance(seconds=10)
    calling.recall(ctx, ticket_id=first.id, actor=DESK)
    again = recent_calls(ctx)
    assert again[0].number == "A001" and again[0].key != calls[1].key and again[0].recall_count == 1


def test_the_roster_lists_recent_helpers_first(ctx: AppContext, clock: FixedClock) -> None:
    add_helper(ctx, name="An", kind="volunteer", role="teacher", actor=DESK)
    b = add_helper(ctx, name="Bình", kind="volunteer", role="youth_union", actor=DESK)
    add_helper(ctx, name="Cúc", kind="volunteer", role="womens_union", actor=DESK)
    ticket = issue_ticket(ctx, line_code="A")
    calling.call_next(ctx, counter_number=1, actor=DESK)
    clock.advance(minutes=5)
    finish_visit(
        ctx,
        ticket_id=ticket.id,
        helpers=[HelperCredit(b.id)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=DESK,
    )
    assert [h.name for h in recent_helpers(ctx)] == ["Bình", "An", "Cúc"]
