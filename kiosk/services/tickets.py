"""Issuing tickets and looking them up (reprint by number, print results)."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import ErrorCode, KioskError, NotFoundError, ValidationError
from kiosk.domain.numbering import format_ticket_number, parse_ticket_number
from kiosk.domain.priority import position_in_queue
from kiosk.domain.views import LocalText, TicketView
from kiosk.domain.wait import estimate_wait_minutes
from kiosk.services import issue_sql
from kiosk.services.changes import audit, signal_change
from kiosk.services.context import KIOSK_ACTOR, Actor, AppContext
from kiosk.services.lookup import counters_serving, procedure_by_code, ticket_view
from kiosk.services.queue_read import HISTORY_WINDOW, RECENT_SERVICES, estimate_for_ticket
from kiosk.storage.models import Ticket, TicketSequence
from kiosk.storage.upsert import insert_on_conflict

logger = logging.getLogger(__name__)

PRINT_STATES = ("pending", "printed", "failed")
# A guide may name a procedure this commune does not list, or lists on another line.
_GUIDE_PROCEDURE_PROBLEMS = (ErrorCode.UNKNOWN_PROCEDURE, ErrorCode.PROCEDURE_OTHER_LINE)


def take_numbers(session: Session, *, line_id: int, day: date, count: int) -> int:
    """Atomically take the next ``count`` numbers of a line for a day; returns the last.

    The one place numbers are handed out: a ticket takes one, an offline kiosk's block many.
    """
    stmt = (
        insert_on_conflict(session, TicketSequence)
        .values(line_id=line_id, service_day=day, last_number=count)
        .on_conflict_do_update(
            index_elements=[TicketSequence.line_id, TicketSequence.service_day],
            set_={"last_number": TicketSequence.last_number + count},
        )
        .returning(TicketSequence.last_number)
    )
    return int(session.execute(stmt).scalar_one())


def issue_ticket(
    ctx: AppContext,
    *,
    line_code: str,
    procedure_code: str | None = None,
    priority_group: str | None = None,
    actor: Actor = KIOSK_ACTOR,
) -> TicketView:
    """Issue and commit a ticket; the returned view is safe to show to the visitor.

    The write transaction holds the writes (``issue_sql``); the line's state the estimate needs
    is read after the commit on SQLite, in the insert's round trip on PostgreSQL.
    """
    groups = {g.code for g in ctx.config.queue.priority_groups}
    if priority_group is not None and priority_group not in groups:
        raise ValidationError("Unknown priority group {group}.", group=priority_group)
    now = ctx.clock()
    day = service_day(now, ctx.tz)
    estimate = issue_sql.Estimate(since=now - HISTORY_WINDOW, count=RECENT_SERVICES)
    # Bare connections, not ORM sessions: this is the kiosk's tap (P2).
    with ctx.db.write_engine.begin() as conn:
        procedure = None
        if procedure_code:
            with Session(bind=conn) as session:
                procedure = procedure_by_code(session, procedure_code)
        taken = issue_sql.next_number(conn, line_code=line_code, day=day)
        if taken is None:
            raise NotFoundError("There is no line {line}.", line=line_code)
        line_id, sequence = taken
        if procedure is not None and procedure.line_id != line_id:
            raise ValidationError(
                "Procedure {procedure} is not served on line {line}.",
                code=ErrorCode.PROCEDURE_OTHER_LINE,
                procedure=procedure_code,
                line=line_code,
            )
        number = format_ticket_number(line_code, sequence)
        ticket_id, line = issue_sql.insert_ticket(
            conn,
            line_id=line_id,
            sequence=sequence,
            number=number,
            procedure_id=None if procedure is None else procedure.id,
            priority_group=priority_group,
            day=day,
            now=now,
            actor_label=actor.label,
            helper_id=actor.helper_id,
            estimate=estimate,
        )
    if line is None:  # SQLite: read after the commit, when the write lock is free
        with ctx.db.engine.connect() as conn:
            line = issue_sql.line_now(conn, line_id=line_id, day=day, estimate=estimate)
    ahead = position_in_queue(line.waiting, ctx.config.queue.policy, ticket_id) or 0
    minutes = estimate_wait_minutes(
        people_ahead=ahead,
        recent_service_minutes=line.recent_minutes,
        open_counters=line.open_counters or len(line.counters),
        default_minutes=ctx.config.queue.default_service_minutes,
    )
    return TicketView(
        id=ticket_id,
        number=number,
        line_code=line.code,
        line_name=LocalText(line.name_vi, line.name_en),
        status=TicketStatus.WAITING,
        service_day=day,
        issued_at=now,
        procedure=None if procedure is None else LocalText(procedure.name_vi, procedure.name_en),
        priority_group=priority_group,
        counters=line.counters,
        people_ahead=ahead,
        estimated_wait_min=minutes,
    )


def issue_ticket_for_guide(
    ctx: AppContext, *, line_code: str, procedure_code: str, actor: Actor = KIOSK_ACTOR
) -> TicketView:
    """A regular ticket for a guide's procedure, on the guide's line.

    A guide is shipped for every commune, so it may name a procedure this commune does not
    list (or lists on another line): the visitor still gets a number on the guide's line,
    without the procedure.
    """
    try:
        return issue_ticket(ctx, line_code=line_code, procedure_code=procedure_code, actor=actor)
    except KioskError as exc:
        if exc.code not in _GUIDE_PROCEDURE_PROBLEMS:
            raise
        logger.info("issuing on line %s without procedure: %s", line_code, exc)
    return issue_ticket(ctx, line_code=line_code, actor=actor)


def find_ticket(ctx: AppContext, number: str, *, day: date | None = None) -> TicketView:
    """Today's (or ``day``'s) ticket by its number, e.g. ``A012``, for reprints and ratings."""
    parsed = parse_ticket_number(number)
    if parsed is None:
        raise ValidationError(
            "{number} is not a ticket number such as A012.",
            code=ErrorCode.TICKET_NUMBER_INVALID,
            number=number,
        )
    day = day or service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        # Match the number as issued: a transferred ticket keeps it on its new line.
        ticket = session.scalar(
            select(Ticket).where(
                Ticket.number == format_ticket_number(*parsed), Ticket.service_day == day
            )
        )
        if ticket is None:
            raise NotFoundError(
                "No ticket {number} on {day}.",
                code=ErrorCode.TICKET_NOT_FOUND,
                number=number,
                day=day.isoformat(),
            )
        ahead, minutes = (0, 0)
        if ticket.status == TicketStatus.WAITING:
            ahead, minutes = estimate_for_ticket(ctx, session, ticket)
        return ticket_view(
            ticket,
            counters=counters_serving(session, ticket.line_id),
            people_ahead=ahead,
            wait_min=minutes,
        )


def mark_print_result(ctx: AppContext, ticket_id: int, *, printed: bool, detail: str = "") -> None:
    """Record whether the ticket reached paper; a failure is audited for the desk to see."""
    with ctx.db.write.begin() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFoundError("There is no ticket with id {id}.", id=ticket_id)
        before = ticket.print_status
        ticket.print_status = "printed" if printed else "failed"
        if printed:
            signal_change(session, "ticket")
            return
        audit(
            session,
            actor=KIOSK_ACTOR,
            action="print_failed",
            entity="ticket",
            entity_id=ticket.id,
            now=ctx.clock(),
            before={"print_status": before},
            after={"print_status": "failed", "detail": detail},
        )
