"""Undo at the desk: which action a desk may still undo, and undoing it within two minutes.

The rule lives here, not on screen: a desk is offered the newest undoable action its signed-in
person made in the last ``UNDO_WINDOW`` that is still the ticket's latest change. Anything
done to the ticket since (by anyone) ends the offer, so the bar never offers what would fail.

Undoing a finish (the commonest mistake is a wrong helper or outcome) deletes the visit with
its helpers and outcomes and puts the ticket back exactly as it was before (called or being
served, same call and start times); the offer carries what the visit said, so the desk can
show the form filled in as it was saved. A rating given in the meantime stays with the
ticket and is linked again to the visit when it is finished anew.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kiosk.domain.enums import HelperPart, Outcome
from kiosk.domain.errors import ErrorCode, InvalidTransitionError
from kiosk.domain.views import HelperView, TicketView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import helper_view
from kiosk.services.lookup import ticket_by_id, ticket_view
from kiosk.services.permissions import require_staff
from kiosk.services.ticket_state import restore_ticket_state, ticket_state
from kiosk.storage.models import AuditEntry, Helper, Procedure, Rating, TicketTransfer, Visit

UNDO_WINDOW = timedelta(minutes=2)
UNDOABLE = ("no_show", "cancel", "transfer", "finish")


@dataclass(frozen=True, slots=True)
class FinishedVisit:
    """What a finished visit recorded: helpers and parts (in the order saved), outcomes, etc."""

    helpers: tuple[tuple[HelperView, HelperPart], ...]
    outcomes: tuple[Outcome, ...]
    procedure_code: str | None
    note: str


@dataclass(frozen=True, slots=True)
class UndoOffer:
    """An action a desk may still undo, until ``expires_at``.

    ``line_code`` is the ticket's line now (a transfer's new line); ``visit`` is set for a
    finish.
    """

    ticket_id: int
    number: str
    action: str
    line_code: str
    expires_at: datetime
    visit: FinishedVisit | None = None


def last_undoable(ctx: AppContext, *, actor: Actor) -> UndoOffer | None:
    """The newest action ``actor`` may still undo, or None.

    Newest first among the actor's undoable actions in the window, the first that is still
    its ticket's latest change; an action someone else followed up (or an undo) is skipped.
    """
    if actor.helper_id is None:
        return None
    now = ctx.clock()
    with ctx.db.read() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.actor_helper_id == actor.helper_id,
                AuditEntry.entity == "ticket",
                AuditEntry.action.in_(UNDOABLE),
                AuditEntry.at >= now - UNDO_WINDOW,
            )
            .order_by(AuditEntry.id.desc())
        ).all()
        for entry in entries:
            assert entry.entity_id is not None
            if _latest_entry_id(session, entry.entity_id) == entry.id:
                return _offer(session, entry)
    return None


def undo_last(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """Undo a no-show, cancel, transfer or finish made in the last two minutes (audited "undo").

    The ticket gets back every field it had before the action (status, line, counter, call
    and start times, recalls, procedure); an undone transfer loses its transfer row and an
    undone finish its visit, so waits and reports read as if the action had never happened.
    Later corrections go through the normal actions (reactivate, transfer back), which are
    audited too.
    """
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        ticket = ticket_by_id(session, ticket_id, lock=True)
        last = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "ticket", AuditEntry.entity_id == ticket_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
        if last is None or last.action not in UNDOABLE or now - last.at > UNDO_WINDOW:
            raise InvalidTransitionError(
                "There is nothing to undo for ticket {number}.",
                code=ErrorCode.NOTHING_TO_UNDO,
                number=ticket.number,
            )
        before = json.loads(last.before)
        current: dict[str, object] = ticket_state(ticket)
        after = json.loads(last.after or "{}")
        if last.action == "finish":
            current["visit"] = after
            ticket.finished_at = None  # older finish entries kept only the status
            _drop_visit(session, ticket_id)
        restore_ticket_state(ticket, before)
        if last.action == "transfer":
            _drop_transfer(session, ticket_id, after)
        session.flush()
        session.refresh(ticket)
        audit(
            session,
            actor=actor,
            action="undo",
            entity="ticket",
            entity_id=ticket.id,
            now=now,
            before=current,
            after={"undone": last.action, **before},
        )
        return ticket_view(ticket)


def _latest_entry_id(session: Session, ticket_id: int) -> int | None:
    return session.scalar(
        select(func.max(AuditEntry.id)).where(
            AuditEntry.entity == "ticket", AuditEntry.entity_id == ticket_id
        )
    )


def _offer(session: Session, entry: AuditEntry) -> UndoOffer:
    assert entry.entity_id is not None
    ticket = ticket_by_id(session, entry.entity_id)
    visit = None
    if entry.action == "finish":
        visit = _finished_visit(session, ticket.id, json.loads(entry.after or "{}"))
    return UndoOffer(
        ticket_id=ticket.id,
        number=ticket.number,
        action=entry.action,
        line_code=ticket.line.code,
        expires_at=entry.at + UNDO_WINDOW,
        visit=visit,
    )


def _finished_visit(session: Session, ticket_id: int, after: dict[str, object]) -> FinishedVisit:
    """The visit as stored; helpers in the order the finish entry lists them."""
    visit = session.scalars(select(Visit).where(Visit.ticket_id == ticket_id)).one()
    parts = {row.helper_id: HelperPart(row.part) for row in visit.helpers}
    listed = after.get("helpers")
    order = [int(pair[0]) for pair in listed] if isinstance(listed, list) else []
    order += sorted(set(parts) - set(order))
    helpers = tuple(
        (helper_view(session.get_one(Helper, helper_id)), parts[helper_id])
        for helper_id in order
        if helper_id in parts
    )
    code = (
        session.scalar(select(Procedure.code).where(Procedure.id == visit.procedure_id))
        if visit.procedure_id is not None
        else None
    )
    return FinishedVisit(
        helpers=helpers,
        outcomes=tuple(
            sorted((Outcome(o.outcome) for o in visit.outcomes), key=list(Outcome).index)
        ),
        procedure_code=code,
        note=visit.note,
    )


def _drop_visit(session: Session, ticket_id: int) -> None:
    """Delete the finished visit (its helpers and outcomes go with it); a rating stays."""
    visit = session.scalars(select(Visit).where(Visit.ticket_id == ticket_id)).first()
    if visit is None:
        return
    session.execute(update(Rating).where(Rating.visit_id == visit.id).values(visit_id=None))
    session.delete(visit)


def _drop_transfer(session: Session, ticket_id: int, after: dict[str, object]) -> None:
    """Delete the transfer row the undone transfer made (the newest, for older entries)."""
    row_id = after.get("transfer_id")
    stmt = select(TicketTransfer).where(TicketTransfer.ticket_id == ticket_id)
    stmt = (
        stmt.where(TicketTransfer.id == row_id)
        if isinstance(row_id, int)
        else stmt.order_by(TicketTransfer.id.desc()).limit(1)
    )
    move = session.scalars(stmt).first()
    if move is not None:
        session.delete(move)
