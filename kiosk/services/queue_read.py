"""Read side of the queue: waiting counts, estimates, each desk's current ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.priority import Candidate, position_in_queue
from kiosk.domain.views import LineCount, LineView, LocalText, ProcedureView, TicketView
from kiosk.domain.wait import estimate_wait_minutes
from kiosk.services.context import AppContext
from kiosk.services.lookup import counters_serving, line_counters, ticket_view
from kiosk.storage.models import Counter, Line, Procedure, Ticket

RECENT_SERVICES = 20
HISTORY_WINDOW = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class CounterState:
    """A desk as the display shows it: its number and the ticket it called last."""

    number: int
    name: str
    is_open: bool
    current: TicketView | None


def recent_service_minutes(session: Session, line_id: int, now: datetime) -> list[float]:
    """Durations of the line's most recent finished visits, newest first."""
    stmt = (
        select(Ticket.called_at, Ticket.started_at, Ticket.finished_at)
        .where(
            Ticket.line_id == line_id,
            Ticket.status == TicketStatus.DONE,
            Ticket.finished_at >= now - HISTORY_WINDOW,
        )
        .order_by(Ticket.finished_at.desc())
        .limit(RECENT_SERVICES)
    )
    minutes = []
    for called, started, finished in session.execute(stmt):
        begin = started or called
        if begin is not None and finished is not None:
            minutes.append((finished - begin).total_seconds() / 60)
    return minutes


def open_counter_count(session: Session, line_id: int) -> int:
    """Desks serving the line with someone signed in; else all active desks serving it."""
    numbers, open_now = line_counters(session, line_id)
    return open_now or len(numbers)


def waiting_candidates(session: Session, line_ids: list[int], day: object) -> list[Candidate]:
    """Waiting tickets of some lines today, as the priority rule sees them."""
    stmt = select(Ticket.id, Ticket.issued_at, Ticket.priority_group).where(
        Ticket.status == TicketStatus.WAITING,
        Ticket.line_id.in_(line_ids),
        Ticket.service_day == day,
    )
    return [
        Candidate(tid, issued, group is not None) for tid, issued, group in session.execute(stmt)
    ]


def estimate_for_ticket(ctx: AppContext, session: Session, ticket: Ticket) -> tuple[int, int]:
    """(people ahead, estimated minutes) for a waiting ticket on its line."""
    now = ctx.clock()
    candidates = waiting_candidates(session, [ticket.line_id], ticket.service_day)
    ahead = position_in_queue(candidates, ctx.config.queue.policy, ticket.id) or 0
    minutes = estimate_wait_minutes(
        people_ahead=ahead,
        recent_service_minutes=recent_service_minutes(session, ticket.line_id, now),
        open_counters=open_counter_count(session, ticket.line_id),
        default_minutes=ctx.config.queue.default_service_minutes,
    )
    return ahead, minutes


def _waiting_by_line(session: Session, day: date) -> dict[int, int]:
    rows = session.execute(
        select(Ticket.line_id, func.count())
        .where(Ticket.status == TicketStatus.WAITING, Ticket.service_day == day)
        .group_by(Ticket.line_id)
    )
    return {int(line_id): int(count) for line_id, count in rows}


def list_lines(ctx: AppContext) -> list[LineView]:
    """Active lines with waiting counts, estimates for a new ticket, counters and procedures."""
    now = ctx.clock()
    day = service_day(now, ctx.tz)
    with ctx.db.read() as session:
        waiting = _waiting_by_line(session, day)
        views = []
        lines = session.scalars(select(Line).where(Line.active.is_(True)).order_by(Line.sort_order))
        for line in lines:
            count = int(waiting.get(line.id, 0))
            procs = session.scalars(
                select(Procedure)
                .where(Procedure.line_id == line.id, Procedure.active.is_(True))
                .order_by(Procedure.sort_order)
            )
            views.append(
                LineView(
                    id=line.id,
                    code=line.code,
                    name=LocalText(line.name_vi, line.name_en),
                    waiting=count,
                    estimated_wait_min=estimate_wait_minutes(
                        people_ahead=count,
                        recent_service_minutes=recent_service_minutes(session, line.id, now),
                        open_counters=open_counter_count(session, line.id),
                        default_minutes=ctx.config.queue.default_service_minutes,
                    ),
                    counters=counters_serving(session, line.id),
                    procedures=tuple(
                        ProcedureView(p.id, p.code, line.code, LocalText(p.name_vi, p.name_en))
                        for p in procs
                    ),
                )
            )
    return views


def line_counts(ctx: AppContext) -> list[LineCount]:
    """Active lines in order with how many wait today: two queries, cheap to read on a change.

    ``list_lines`` adds the estimates and procedures the kiosk needs, at four queries a line.
    """
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        waiting = _waiting_by_line(session, day)
        lines = session.scalars(select(Line).where(Line.active.is_(True)).order_by(Line.sort_order))
        return [
            LineCount(
                line.code, LocalText(line.name_vi, line.name_en), int(waiting.get(line.id, 0))
            )
            for line in lines
        ]


def waiting_tickets(ctx: AppContext, *, line_codes: list[str] | None = None) -> list[TicketView]:
    """Today's waiting tickets (optionally of some lines), oldest first."""
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        stmt = (
            select(Ticket)
            .join(Line, Ticket.line_id == Line.id)
            .where(Ticket.status == TicketStatus.WAITING, Ticket.service_day == day)
            .order_by(Ticket.issued_at, Ticket.id)
        )
        if line_codes is not None:
            stmt = stmt.where(Line.code.in_(line_codes))
        return [ticket_view(t) for t in session.scalars(stmt)]


def counter_states(ctx: AppContext) -> list[CounterState]:
    """Each active desk with its current (called or serving) ticket today."""
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        states = []
        for counter in session.scalars(
            select(Counter).where(Counter.active.is_(True)).order_by(Counter.number)
        ):
            current = session.scalar(
                select(Ticket)
                .where(
                    Ticket.counter_id == counter.id,
                    Ticket.service_day == day,
                    Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING]),
                )
                .order_by(Ticket.called_at.desc())
                .limit(1)
            )
            states.append(
                CounterState(
                    number=counter.number,
                    name=counter.name,
                    is_open=counter.open_since is not None,
                    current=ticket_view(current) if current else None,
                )
            )
    return states


def total_waiting(ctx: AppContext) -> int:
    """People waiting today across all lines."""
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(Ticket.status == TicketStatus.WAITING, Ticket.service_day == day)
        )
    return int(count or 0)
