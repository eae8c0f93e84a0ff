"""A desk's working session: open and close a counter, undo a destructive action in time."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ErrorCode, InvalidTransitionError
from kiosk.domain.views import TicketView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import counter_by_number, ticket_by_id, ticket_view
from kiosk.services.permissions import require_staff
from kiosk.services.ticket_state import restore_ticket_state, ticket_state
from kiosk.storage.models import AuditEntry, TicketTransfer

UNDO_WINDOW = timedelta(minutes=2)
UNDOABLE = ("no_show", "cancel", "transfer")


def open_counter(ctx: AppContext, *, counter_number: int, actor: Actor) -> None:
    """Someone signed in at the desk: it counts as open for waiting-time estimates."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        counter = counter_by_number(session, counter_number)
        counter.open_since = now
        audit(
            session,
            actor=actor,
            action="counter_open",
            entity="counter",
            entity_id=counter.id,
            now=now,
        )


def close_counter(ctx: AppContext, *, counter_number: int, actor: Actor) -> None:
    """The desk signed out (by hand or after idle time)."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        counter = counter_by_number(session, counter_number)
        counter.open_since = None
        audit(
            session,
            actor=actor,
            action="counter_close",
            entity="counter",
            entity_id=counter.id,
            now=now,
        )


def undo_last(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """Undo a no-show, cancel or transfer made in the last two minutes (audited as "undo").

    The ticket gets back every field it had before the action (status, line, counter, call
    and start times, recalls, procedure), and an undone transfer loses its transfer row, so
    waits and reports read as if the action had never happened. Later corrections go through
    the normal actions (reactivate, transfer back), which are audited too.
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
        current = ticket_state(ticket)
        restore_ticket_state(ticket, before)
        if last.action == "transfer":
            _drop_transfer(session, ticket_id, json.loads(last.after or "{}"))
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
