"""The undo offer: always the desk's last action still undoable, and a finish is one of them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperPart, Outcome, TicketStatus
from kiosk.domain.errors import ErrorCode, InvalidTransitionError
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.ratings import rate_ticket
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.services.undo import UNDO_WINDOW, last_undoable, undo_last
from kiosk.services.visits import finish_visit
from kiosk.storage.models import AuditEntry, Rating, Visit


def _officer(ctx: AppContext, name: str = "Lê Văn Quầy", pin: str = "1357") -> Actor:
    helper = add_helper(ctx, name=name, kind="staff", role="desk_officer", pin=pin, actor=CLI_ACTOR)
    return Actor(helper.name, helper.id)


def _volunteer(ctx: AppContext) -> int:
    helper = add_helper(
        ctx,
        name="Phạm Thu Hà",
        kind="volunteer",
        role="teacher",
        affiliation="THCS",
        actor=CLI_ACTOR,
    )
    return helper.id


def _called(ctx: AppContext, actor: Actor, counter: int = 1) -> int:
    issue_ticket(ctx, line_code="A", procedure_code="khai-sinh")
    called = calling.call_next(ctx, counter_number=counter, actor=actor)
    assert called is not None
    return called.id


def _finish(ctx: AppContext, ticket_id: int, actor: Actor, volunteer: int) -> None:
    assert actor.helper_id is not None
    finish_visit(
        ctx,
        ticket_id=ticket_id,
        helpers=[HelperCredit(volunteer, HelperPart.LEAD), HelperCredit(actor.helper_id)],
        outcomes=[Outcome.PAID_ONLINE, Outcome.SUBMITTED_ONLINE],
        actor=actor,
        procedure_code="khai-sinh",
        note="Đã nộp lệ phí",
    )


def test_after_a_transfer_and_then_a_finish_the_offer_is_the_finish_with_what_it_saved(
    ctx: AppContext, clock: FixedClock
) -> None:
    actor, volunteer = _officer(ctx), _volunteer(ctx)
    moved = _called(ctx, actor)
    calling.transfer(ctx, ticket_id=moved, to_line="B", actor=actor)
    offer = last_undoable(ctx, actor=actor)
    assert offer is not None and (offer.ticket_id, offer.action, offer.line_code) == (
        moved,
        "transfer",
        "B",
    )

    clock.advance(seconds=20)
    served = _called(ctx, actor)
    clock.advance(seconds=20)
    _finish(ctx, served, actor, volunteer)

    offer = last_undoable(ctx, actor=actor)
    assert offer is not None and (offer.ticket_id, offer.action) == (served, "finish")
    assert offer.expires_at == clock() + UNDO_WINDOW
    assert offer.visit is not None
    assert [(h.id, part) for h, part in offer.visit.helpers] == [
        (volunteer, HelperPart.LEAD),
        (actor.helper_id, HelperPart.SUPPORT),
    ]
    assert set(offer.visit.outcomes) == {Outcome.PAID_ONLINE, Outcome.SUBMITTED_ONLINE}
    assert (offer.visit.procedure_code, offer.visit.note) == ("khai-sinh", "Đã nộp lệ phí")


def test_an_action_followed_up_by_anyone_is_no_longer_offered(
    ctx: AppContext, clock: FixedClock
) -> None:
    mine, other = _officer(ctx), _officer(ctx, "Trần Văn Bên", "2468")
    moved = _called(ctx, mine)
    calling.transfer(ctx, ticket_id=moved, to_line="B", actor=mine)
    clock.advance(seconds=10)
    calling.call_ticket(ctx, ticket_id=moved, counter_number=2, actor=other)

    assert last_undoable(ctx, actor=mine) is None
    assert last_undoable(ctx, actor=other) is None  # a call is not undoable


def test_the_offer_goes_back_to_an_older_action_still_undoable_and_ends_with_the_window(
    ctx: AppContext, clock: FixedClock
) -> None:
    actor = _officer(ctx)
    first = _called(ctx, actor)
    calling.no_show(ctx, ticket_id=first, actor=actor)
    clock.advance(seconds=30)
    second = _called(ctx, actor)
    calling.cancel(ctx, ticket_id=second, actor=actor)
    undo_last(ctx, ticket_id=second, actor=actor)

    offer = last_undoable(ctx, actor=actor)
    assert offer is not None and (offer.ticket_id, offer.action) == (first, "no_show")
    clock.advance(seconds=91)
    assert last_undoable(ctx, actor=actor) is None


def test_undoing_a_finish_deletes_the_visit_and_serves_the_ticket_again_audited(
    ctx: AppContext, clock: FixedClock
) -> None:
    actor, volunteer = _officer(ctx), _volunteer(ctx)
    ticket = _called(ctx, actor)
    calling.start(ctx, ticket_id=ticket, actor=actor)
    clock.advance(minutes=5)
    _finish(ctx, ticket, actor, volunteer)
    clock.advance(seconds=40)

    back = undo_last(ctx, ticket_id=ticket, actor=actor)

    assert back.status is TicketStatus.SERVING
    assert find_ticket(ctx, back.number).status is TicketStatus.SERVING
    with ctx.db.read() as session:
        assert session.scalars(select(Visit)).all() == []
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.action == "undo"
        assert json.loads(entry.after)["undone"] == "finish"
        assert json.loads(entry.before)["visit"]["note"] == "Đã nộp lệ phí"
    assert last_undoable(ctx, actor=actor) is None
    with pytest.raises(InvalidTransitionError) as refused:
        undo_last(ctx, ticket_id=ticket, actor=actor)
    assert refused.value.code is ErrorCode.NOTHING_TO_UNDO


def test_a_rating_given_before_an_undone_finish_follows_the_visit_finished_again(
    ctx: AppContext, clock: FixedClock
) -> None:
    actor, volunteer = _officer(ctx), _volunteer(ctx)
    ticket = _called(ctx, actor)
    _finish(ctx, ticket, actor, volunteer)
    number = find_ticket(ctx, "A001").number
    rate_ticket(ctx, number=number, level=3, reason=None)
    undo_last(ctx, ticket_id=ticket, actor=actor)
    with ctx.db.read() as session:
        assert session.scalars(select(Rating.visit_id)).one() is None

    _finish(ctx, ticket, actor, volunteer)
    with ctx.db.read() as session:
        visit_id = session.scalars(select(Visit.id)).one()
        assert session.scalars(select(Rating.visit_id)).one() == visit_id
