"""Shared lookups inside a transaction: rows by their public keys, with clear errors."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import ErrorCode, NotFoundError
from kiosk.domain.views import LocalText, TicketView
from kiosk.storage.models import Counter, CounterLine, Helper, Line, Procedure, Ticket


def line_by_code(session: Session, code: str) -> Line:
    """An active line, or ``NotFoundError``."""
    line = session.scalar(select(Line).where(Line.code == code, Line.active.is_(True)))
    if line is None:
        raise NotFoundError("There is no line {line}.", line=code)
    return line


def procedure_by_code(session: Session, code: str) -> Procedure:
    """An active procedure, or ``NotFoundError``."""
    proc = session.scalar(
        select(Procedure).where(Procedure.code == code, Procedure.active.is_(True))
    )
    if proc is None:
        raise NotFoundError(
            "There is no procedure {procedure}.", code=ErrorCode.UNKNOWN_PROCEDURE, procedure=code
        )
    return proc


def counter_by_number(session: Session, number: int) -> Counter:
    """An active counter, or ``NotFoundError``."""
    counter = session.scalar(
        select(Counter).where(Counter.number == number, Counter.active.is_(True))
    )
    if counter is None:
        raise NotFoundError("There is no counter {number}.", number=number)
    return counter


def ticket_by_id(session: Session, ticket_id: int, *, lock: bool = False) -> Ticket:
    """A ticket, row-locked on PostgreSQL when ``lock``; or ``NotFoundError``."""
    stmt = select(Ticket).where(Ticket.id == ticket_id)
    if lock:
        stmt = stmt.with_for_update()
    ticket = session.scalar(stmt)
    if ticket is None:
        raise NotFoundError("There is no ticket with id {id}.", id=ticket_id)
    return ticket


def helper_by_id(session: Session, helper_id: int, *, lock: bool = False) -> Helper:
    """A helper (active or not), row-locked on PostgreSQL when ``lock``; or ``NotFoundError``."""
    if lock:
        helper = session.scalar(select(Helper).where(Helper.id == helper_id).with_for_update())
    else:
        helper = session.get(Helper, helper_id)
    if helper is None:
        raise NotFoundError("There is no helper with id {id}.", id=helper_id)
    return helper


def line_counters(session: Session, line_id: int) -> tuple[tuple[int, ...], int]:
    """(numbers of the active counters serving a line, how many of them are open now)."""
    rows = session.execute(
        select(Counter.number, Counter.open_since)
        .join(CounterLine, CounterLine.counter_id == Counter.id)
        .where(CounterLine.line_id == line_id, Counter.active.is_(True))
        .order_by(Counter.number)
    ).all()
    return tuple(number for number, _ in rows), sum(1 for _, since in rows if since is not None)


def counters_serving(session: Session, line_id: int) -> tuple[int, ...]:
    """Numbers of the active counters that serve a line."""
    return line_counters(session, line_id)[0]


def ticket_view(
    ticket: Ticket, *, counters: tuple[int, ...] = (), people_ahead: int = 0, wait_min: int = 0
) -> TicketView:
    """A frozen view of a ticket row."""
    procedure = ticket.procedure
    return TicketView(
        id=ticket.id,
        number=ticket.number,
        line_code=ticket.line.code,
        line_name=LocalText(ticket.line.name_vi, ticket.line.name_en),
        status=TicketStatus(ticket.status),
        service_day=ticket.service_day,
        issued_at=ticket.issued_at,
        procedure=LocalText(procedure.name_vi, procedure.name_en) if procedure else None,
        priority_group=ticket.priority_group,
        called_at=ticket.called_at,
        counter_number=ticket.counter.number if ticket.counter else None,
        recall_count=ticket.recall_count,
        counters=counters,
        people_ahead=people_ahead,
        estimated_wait_min=wait_min,
    )
