"""Undo puts a ticket back exactly as it was before the action, field by field."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Outcome
from kiosk.domain.summary import Period
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.desk import undo_last
from kiosk.services.helpers import add_helper
from kiosk.services.report_records import report_records
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit
from kiosk.storage.models import Ticket, TicketTransfer, Visit, VisitHelper, VisitOutcome

Snapshot = tuple[dict[str, object], list[tuple[object, ...]]]


def snapshot(ctx: AppContext, ticket_id: int) -> Snapshot:
    """Every column of the ticket, its transfer rows and its visit (id, helpers, outcomes)."""
    with ctx.db.read() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        columns = {c.key: getattr(ticket, c.key) for c in Ticket.__mapper__.column_attrs}
        moves = session.execute(
            select(
                TicketTransfer.id,
                TicketTransfer.from_line_id,
                TicketTransfer.to_line_id,
                TicketTransfer.at,
            ).where(TicketTransfer.ticket_id == ticket_id)
        ).all()
        visits = session.execute(
            select(Visit.id, func.count(VisitHelper.helper_id))
            .outerjoin(VisitHelper, VisitHelper.visit_id == Visit.id)
            .where(Visit.ticket_id == ticket_id)
            .group_by(Visit.id)
        ).all()
        outcomes = session.scalar(select(func.count()).select_from(VisitOutcome))
    return columns, [tuple(m) for m in moves] + [tuple(v) for v in visits] + [(outcomes,)]


def _waiting(ctx: AppContext, actor: Actor, clock: FixedClock) -> int:
    return issue_ticket(ctx, line_code="A", procedure_code="khai-sinh").id


def _called(ctx: AppContext, actor: Actor, clock: FixedClock) -> int:
    ticket = _waiting(ctx, actor, clock)
    clock.advance(minutes=7)
    called = calling.call_next(ctx, counter_number=1, actor=actor)
    assert called is not None and called.id == ticket
    return ticket


def _recalled(ctx: AppContext, actor: Actor, clock: FixedClock) -> int:
    ticket = _called(ctx, actor, clock)
    clock.advance(minutes=1)
    calling.recall(ctx, ticket_id=ticket, actor=actor)
    return ticket


def _recalled_to_the_limit(ctx: AppContext, actor: Actor, clock: FixedClock) -> int:
    ticket = _called(ctx, actor, clock)
    for _ in range(ctx.config.queue.max_recalls):
        clock.advance(minutes=1)
        calling.recall(ctx, ticket_id=ticket, actor=actor)
    return ticket


def _serving(ctx: AppContext, actor: Actor, clock: FixedClock) -> int:
    ticket = _called(ctx, actor, clock)
    clock.advance(minutes=2)
    calling.start(ctx, ticket_id=ticket, actor=actor)
    return ticket


STATES: dict[str, Callable[[AppContext, Actor, FixedClock], int]] = {
    "waiting": _waiting,
    "called": _called,
    "recalled": _recalled,
    "recalled_to_the_limit": _recalled_to_the_limit,
    "serving": _serving,
}
ACTIONS: dict[str, Callable[[AppContext, int, Actor], object]] = {
    "no_show": lambda ctx, t, a: calling.no_show(ctx, ticket_id=t, actor=a),
    "recall_that_becomes_no_show": lambda ctx, t, a: calling.recall(ctx, ticket_id=t, actor=a),
    "cancel": lambda ctx, t, a: calling.cancel(ctx, ticket_id=t, actor=a, reason="nhầm"),
    "transfer": lambda ctx, t, a: calling.transfer(ctx, ticket_id=t, to_line="B", actor=a),
    "finish": lambda ctx, t, a: finish_visit(
        ctx,
        ticket_id=t,
        helpers=[HelperCredit(a.helper_id or 0)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=a,
        note="Hướng dẫn nộp trực tuyến",
    ),
}
# Which starting states each action accepts.
CASES = [
    ("no_show", "called"),
    ("no_show", "recalled"),
    ("recall_that_becomes_no_show", "recalled_to_the_limit"),
    ("cancel", "waiting"),
    ("cancel", "called"),
    ("cancel", "serving"),
    ("transfer", "waiting"),
    ("transfer", "called"),
    ("transfer", "recalled"),
    ("transfer", "serving"),
    ("finish", "called"),
    ("finish", "recalled"),
    ("finish", "serving"),
]


@pytest.mark.parametrize(("action", "state"), CASES)
def test_undo_restores_every_field_and_the_transfer_rows(
    ctx: AppContext, clock: FixedClock, action: str, state: str
) -> None:
    officer = add_helper(
        ctx, name="Lê Văn Quầy", kind="staff", role="desk_officer", pin="1357", actor=CLI_ACTOR
    )
    actor = Actor(officer.name, officer.id)
    ticket = STATES[state](ctx, actor, clock)
    before = snapshot(ctx, ticket)
    clock.advance(minutes=1)

    ACTIONS[action](ctx, ticket, actor)
    assert snapshot(ctx, ticket) != before
    clock.advance(seconds=30)
    undo_last(ctx, ticket_id=ticket, actor=actor)

    assert snapshot(ctx, ticket) == before


def test_an_undone_transfer_of_a_called_ticket_keeps_its_wait_in_the_records(
    ctx: AppContext, clock: FixedClock
) -> None:
    officer = add_helper(
        ctx, name="Lê Văn Quầy", kind="staff", role="desk_officer", pin="1357", actor=CLI_ACTOR
    )
    actor = Actor(officer.name, officer.id)
    ticket = _called(ctx, actor, clock)
    calling.transfer(ctx, ticket_id=ticket, to_line="B", actor=actor)
    undo_last(ctx, ticket_id=ticket, actor=actor)
    finish_visit(
        ctx,
        ticket_id=ticket,
        helpers=[HelperCredit(officer.id)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=actor,
    )

    (record,) = report_records(ctx, Period.day(clock().astimezone(ctx.tz).date()))
    assert (record.line, record.wait_min, record.status) == ("A", 7, "Đã phục vụ")
