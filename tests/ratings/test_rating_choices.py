"""Rating without typing: the visits just ended at the counters, and a scanned ticket code."""

from __future__ import annotations

import pytest

from kiosk.domain.clock import FixedClock, service_day
from kiosk.domain.enums import HelperPart, Outcome
from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.domain.recent_visits import RECENT_WITHIN
from kiosk.domain.ticket_code import ticket_code
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.rating_choices import recent_visits, ticket_by_code
from kiosk.services.ratings import rate_ticket, rate_visit
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit

ADMIN = Actor("admin")


def serve(ctx: AppContext, clock: FixedClock, *, line: str, counter: int) -> tuple[str, int]:
    """Issue a ticket, call it at ``counter``, finish it 5 minutes later: (number, visit id)."""
    helper = add_helper(ctx, name="Trần Văn Nam", kind="staff", role="desk_officer", actor=ADMIN)
    ticket = issue_ticket(ctx, line_code=line)
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=counter, actor=ADMIN)
    clock.advance(minutes=5)
    record = finish_visit(
        ctx,
        ticket_id=ticket.id,
        helpers=[HelperCredit(helper.id, HelperPart.LEAD)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=ADMIN,
    )
    return ticket.number, record.visit_id


def offered(ctx: AppContext) -> list[tuple[int, str]]:
    return [(v.counter_number, v.ticket_number) for v in recent_visits(ctx)]


def test_each_counters_latest_finished_visit_is_offered_by_counter(
    ctx: AppContext, clock: FixedClock
) -> None:
    first, _ = serve(ctx, clock, line="E", counter=3)
    second, _ = serve(ctx, clock, line="E", counter=3)
    other, _ = serve(ctx, clock, line="A", counter=1)
    assert offered(ctx) == [(1, other), (3, second)]
    assert first != second


def test_a_visit_is_offered_for_ten_minutes_after_it_ended(
    ctx: AppContext, clock: FixedClock
) -> None:
    number, _ = serve(ctx, clock, line="E", counter=3)
    clock.advance(seconds=RECENT_WITHIN.total_seconds())
    assert offered(ctx) == [(3, number)]
    clock.advance(seconds=1)
    assert offered(ctx) == []


def test_a_rated_visit_is_not_offered_nor_replaced_by_an_older_one(
    ctx: AppContext, clock: FixedClock
) -> None:
    serve(ctx, clock, line="E", counter=3)
    number, visit_id = serve(ctx, clock, line="E", counter=3)
    rate_visit(ctx, visit_id=visit_id, level=3, reason=None)
    assert offered(ctx) == []  # the older E001 belongs to someone who has left
    later, _ = serve(ctx, clock, line="E", counter=3)
    rate_ticket(ctx, number=later, level=2, reason=None)  # rated by its number at the keypad
    assert offered(ctx) == []
    assert number != later


def test_a_ticket_sent_on_to_another_line_or_not_finished_is_not_offered(
    ctx: AppContext, clock: FixedClock
) -> None:
    ticket = issue_ticket(ctx, line_code="A")
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=1, actor=ADMIN)
    clock.advance(minutes=3)
    calling.transfer(ctx, ticket_id=ticket.id, to_line="B", actor=ADMIN)
    assert offered(ctx) == []


def test_a_scanned_code_of_todays_finished_ticket_gives_its_number(
    ctx: AppContext, clock: FixedClock
) -> None:
    number, _ = serve(ctx, clock, line="E", counter=3)
    code = ticket_code(service_day=service_day(clock(), ctx.tz), number=number)
    assert ticket_by_code(ctx, code=code) == number
    assert ticket_by_code(ctx, code=f"x{code.lower()}") == number


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("001234567890|Nguyen Van A", ErrorCode.TICKET_CODE_INVALID),
        ("K1-20000101-E001", ErrorCode.TICKET_OTHER_DAY),
        ("today-E002", ErrorCode.TICKET_NOT_FOUND),
        ("today-E001-waiting", ErrorCode.TICKET_NOT_FINISHED),
    ],
)
def test_a_scanned_code_that_cannot_be_rated_says_why_by_code(
    ctx: AppContext, clock: FixedClock, code: str, expected: ErrorCode
) -> None:
    today = service_day(clock(), ctx.tz)
    if code == "today-E001-waiting":
        code = ticket_code(service_day=today, number=issue_ticket(ctx, line_code="E").number)
    elif code.startswith("today-"):
        code = ticket_code(service_day=today, number=code.removeprefix("today-"))
    with pytest.raises(KioskError) as caught:
        ticket_by_code(ctx, code=code)
    assert caught.value.code is expected
    assert "Nguyen" not in str(caught.value)  # an ID card's details are never repeated


def test_a_scanned_ticket_rated_already_says_so(ctx: AppContext, clock: FixedClock) -> None:
    number, _ = serve(ctx, clock, line="E", counter=3)
    rate_ticket(ctx, number=number, level=3, reason=None)
    code = ticket_code(service_day=service_day(clock(), ctx.tz), number=number)
    with pytest.raises(KioskError) as caught:
        ticket_by_code(ctx, code=code)
    assert caught.value.code is ErrorCode.ALREADY_RATED


def test_yesterdays_visits_are_not_offered(ctx: AppContext, clock: FixedClock) -> None:
    serve(ctx, clock, line="E", counter=3)
    clock.advance(days=1)
    assert offered(ctx) == []


def test_a_visit_stamped_by_a_desk_clock_running_ahead_is_still_offered(
    ctx: AppContext, clock: FixedClock
) -> None:
    number, _ = serve(ctx, clock, line="E", counter=3)
    clock.advance(minutes=-1)  # the kiosk's clock is a minute behind the desk's
    assert offered(ctx) == [(3, number)]
