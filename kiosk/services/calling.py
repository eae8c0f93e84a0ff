"""Desk actions on tickets: call next, call one, recall, start, no-show, transfer, cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import ErrorCode, InvalidTransitionError, NotFoundError, ValidationError
from kiosk.domain.priority import PriorityPolicy
from kiosk.domain.views import TicketView
from kiosk.domain.visits import next_status, recall_becomes_no_show
from kiosk.services import calling_pg, calling_sql
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import counter_by_number, line_by_code, ticket_by_id, ticket_view
from kiosk.services.permissions import require_staff
from kiosk.services.ticket_state import ticket_state
from kiosk.storage.models import Counter, Ticket, TicketTransfer


def _busy_ticket(session: Session, counter: Counter, day: date) -> Ticket | None:
    return session.scalar(
        select(Ticket).where(
            Ticket.counter_id == counter.id,
            Ticket.service_day == day,
            Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING]),
        )
    )


def _ensure_free(session: Session, counter: Counter, day: date) -> None:
    busy = _busy_ticket(session, counter, day)
    if busy is not None:
        raise InvalidTransitionError(
            "Counter {counter} is still with ticket {number}: finish it or mark it no-show first.",
            code=ErrorCode.COUNTER_BUSY,
            counter=counter.number,
            number=busy.number,
        )


def _lock_if_waiting(session: Session, ticket_id: int) -> Ticket | None:
    """Take the row if it is still waiting; on PostgreSQL skip rows another desk holds."""
    stmt = select(Ticket).where(Ticket.id == ticket_id, Ticket.status == TicketStatus.WAITING)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    return session.scalar(stmt)


def call_next(ctx: AppContext, *, counter_number: int, actor: Actor) -> TicketView | None:
    """Call the next ticket for a desk by the priority rule; ``None`` when nobody waits.

    One statement picks and locks the ticket by the whole rule (see ``calling_sql``), one
    more writes the call with its audit entry.
    """
    now = ctx.clock()
    day = service_day(now, ctx.tz)
    policy = ctx.config.queue.policy
    # A bare connection, not an ORM session: the hot path needs none (8 desks feel its cost).
    with ctx.db.write_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            called = calling_pg.call_next(
                conn,
                counter_number=counter_number,
                day=day,
                mode=policy.mode,
                window=policy.priority_per_regular,
                now=now,
                actor_label=actor.label,
                helper_id=actor.helper_id,
            )
        else:
            called = _call_next_sqlite(conn, counter_number, day, policy, actor, now)
        if called is None:
            # Nothing called: say why when the desk may not call (each check raises its error).
            with Session(bind=conn) as session:
                require_staff(session, actor)
                _ensure_free(session, counter_by_number(session, counter_number), day)
            return None
        picked, new = called
        return calling_sql.view_after(picked, new, counter_number=picked.row.desk_number)


def _call_next_sqlite(
    conn: Connection,
    counter_number: int,
    day: date,
    policy: PriorityPolicy,
    actor: Actor,
    now: datetime,
) -> tuple[calling_sql.Picked, dict[str, Any]] | None:
    """Pick, then write: SQLite's write lock keeps other desks out in between."""
    picked = calling_sql.pick_next(
        conn,
        counter_number=counter_number,
        day=day,
        helper_id=actor.helper_id,
        mode=policy.mode,
        window=policy.priority_per_regular,
    )
    if picked is None:
        return None
    changes = {
        "status": TicketStatus.CALLED.value,
        "called_at": now,
        "counter_id": picked.row.desk_id,
        "recall_count": 0,
    }
    new = calling_sql.write_change(
        conn,
        picked,
        changes=changes,
        action="call_next",
        actor_label=actor.label,
        helper_id=actor.helper_id,
        now=now,
    )
    return picked, new


def _move(
    ctx: AppContext, *, ticket_id: int, action: str, actor: Actor, changes: dict[str, object]
) -> TicketView:
    """A status change that touches only the ticket's own columns.

    One statement on PostgreSQL (``calling_pg``), two on SQLite.
    """
    now = ctx.clock()
    with ctx.db.write_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            moved = calling_pg.move(
                conn,
                ticket_id=ticket_id,
                action=action,
                now=now,
                actor_label=actor.label,
                helper_id=actor.helper_id,
            )
        else:
            moved = _move_sqlite(conn, ticket_id, action, actor, now, changes)
        if moved is None or not moved[0].row.allowed:
            with Session(bind=conn) as session:
                require_staff(session, actor)  # raises for an actor who may not: nothing written
            raise NotFoundError("There is no ticket with id {id}.", id=ticket_id)
        picked, new = moved
        next_status(TicketStatus(picked.row.status), action)  # raises: nothing was written
        return calling_sql.view_after(picked, new, counter_number=picked.row.desk_number)


def _move_sqlite(
    conn: Connection,
    ticket_id: int,
    action: str,
    actor: Actor,
    now: datetime,
    changes: dict[str, object],
) -> tuple[calling_sql.Picked, dict[str, Any]] | None:
    picked = calling_sql.lock_ticket(conn, ticket_id=ticket_id, helper_id=actor.helper_id)
    if picked is None:
        return None
    status = next_status(TicketStatus(picked.row.status), action)
    new = calling_sql.write_change(
        conn,
        picked,
        changes={"status": status.value, **changes},
        action=action,
        actor_label=actor.label,
        helper_id=actor.helper_id,
        now=now,
    )
    return picked, new


def _call(
    session: Session, ticket: Ticket, counter: Counter, actor: Actor, now: datetime, *, action: str
) -> None:
    before = ticket_state(ticket)
    ticket.status = next_status(TicketStatus(ticket.status), "call")
    ticket.called_at = now
    ticket.counter_id = counter.id
    ticket.recall_count = 0
    session.flush()
    session.refresh(ticket)
    audit(
        session,
        actor=actor,
        action=action,
        entity="ticket",
        entity_id=ticket.id,
        now=now,
        before=before,
        after=ticket_state(ticket),
    )


def call_ticket(
    ctx: AppContext, *, ticket_id: int, counter_number: int, actor: Actor
) -> TicketView:
    """Call one waiting ticket out of order."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        counter = counter_by_number(session, counter_number)
        _ensure_free(session, counter, service_day(now, ctx.tz))
        ticket = _lock_if_waiting(session, ticket_id)
        if ticket is None:
            current = ticket_by_id(session, ticket_id)
            raise InvalidTransitionError(
                "Ticket {number} is not waiting any more.",
                code=ErrorCode.TICKET_NOT_WAITING,
                number=current.number,
            )
        _call(session, ticket, counter, actor, now, action="call_specific")
        return ticket_view(ticket)


def _act(
    ctx: AppContext,
    ticket_id: int,
    action: str,
    actor: Actor,
    mutate: Callable[[Session, Ticket], None] | None = None,
    *,
    note: dict[str, object] | None = None,
) -> TicketView:
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        ticket = ticket_by_id(session, ticket_id, lock=True)
        before = ticket_state(ticket)
        ticket.status = next_status(TicketStatus(ticket.status), action)
        if mutate is not None:
            mutate(session, ticket)
        session.flush()
        session.refresh(ticket)
        audit(
            session,
            actor=actor,
            action=action,
            entity="ticket",
            entity_id=ticket.id,
            now=now,
            before=before,
            after={**ticket_state(ticket), **(note or {})},
        )
        return ticket_view(ticket)


def recall(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """Call the same ticket again; past the configured recalls it becomes a no-show."""
    now = ctx.clock()
    max_recalls = ctx.config.queue.max_recalls
    with ctx.db.read() as session:
        count = ticket_by_id(session, ticket_id).recall_count
    if recall_becomes_no_show(count, max_recalls):
        return _act(ctx, ticket_id, "no_show", actor, note={"reason": "max_recalls"})

    def mutate(_s: Session, t: Ticket) -> None:
        t.recall_count += 1
        t.called_at = now

    return _act(ctx, ticket_id, "recall", actor, mutate)


def start(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """The visitor arrived at the desk: service starts."""
    return _move(
        ctx, ticket_id=ticket_id, action="start", actor=actor, changes={"started_at": ctx.clock()}
    )


def no_show(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """The visitor did not come after being called."""
    return _move(ctx, ticket_id=ticket_id, action="no_show", actor=actor, changes={})


def reactivate(ctx: AppContext, *, ticket_id: int, actor: Actor) -> TicketView:
    """A no-show visitor came back: the ticket waits again with its original issue time."""

    def mutate(_s: Session, t: Ticket) -> None:
        if t.service_day != service_day(ctx.clock(), ctx.tz):
            raise InvalidTransitionError(
                "Only today's tickets can be reactivated.", code=ErrorCode.REACTIVATE_TODAY_ONLY
            )
        t.counter_id = None
        t.recall_count = 0
        t.called_at = None

    return _act(ctx, ticket_id, "reactivate", actor, mutate)


def transfer(ctx: AppContext, *, ticket_id: int, to_line: str, actor: Actor) -> TicketView:
    """Move a ticket to another line; it keeps its number and its place by issue time."""
    now = ctx.clock()
    note: dict[str, object] = {"to_line": to_line}

    def mutate(session: Session, t: Ticket) -> None:
        target = line_by_code(session, to_line)
        if target.id == t.line_id:
            raise ValidationError(
                "The ticket is already on line {line}.",
                code=ErrorCode.ALREADY_ON_LINE,
                line=to_line,
            )
        move = TicketTransfer(
            ticket_id=t.id,
            from_line_id=t.line_id,
            to_line_id=target.id,
            at=now,
            by_helper_id=actor.helper_id,
        )
        session.add(move)
        session.flush()
        note["transfer_id"] = move.id  # an undo removes exactly this row
        t.line_id = target.id
        t.counter_id = None
        t.called_at = None
        t.started_at = None
        t.recall_count = 0
        t.procedure_id = (
            None if t.procedure and t.procedure.line_id != target.id else t.procedure_id
        )

    return _act(ctx, ticket_id, "transfer", actor, mutate, note=note)


def cancel(ctx: AppContext, *, ticket_id: int, actor: Actor, reason: str = "") -> TicketView:
    """Cancel a ticket (the visitor left, or it was issued by mistake)."""
    return _act(ctx, ticket_id, "cancel", actor, note={"reason": reason})


def close_day(ctx: AppContext, *, actor: Actor, reason: str) -> int:
    """Tickets still waiting at closing become "not served at closing"; returns how many."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        stmt = select(Ticket).where(Ticket.status == TicketStatus.WAITING)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        tickets = list(session.scalars(stmt))
        for ticket in tickets:
            ticket.status = next_status(TicketStatus(ticket.status), "close")
            ticket.closing_reason = reason
        if tickets:
            audit(
                session,
                actor=actor,
                action="close_day",
                entity="ticket",
                entity_id=None,
                now=now,
                after={
                    "count": len(tickets),
                    "reason": reason,
                    "numbers": [t.number for t in tickets],
                },
            )
    return len(tickets)
