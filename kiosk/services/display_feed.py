"""What the calling display shows: each desk's number, the last calls, waiting per line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.views import LineCount
from kiosk.services.context import AppContext
from kiosk.services.queue_read import CounterState, counter_states, line_counts
from kiosk.storage.models import Counter, Ticket

# The side panel shows four; the rest tell a new call from one already announced.
RECENT_CALLS = 8


@dataclass(frozen=True, slots=True)
class Call:
    """One call (or recall) of a ticket to a desk; ``key`` changes with every recall."""

    ticket_id: int
    number: str
    counter_number: int
    called_at: datetime
    recall_count: int

    @property
    def key(self) -> tuple[int, datetime]:
        """Identity of this announcement: a recall has a new ``called_at``."""
        return (self.ticket_id, self.called_at)


def recent_calls(ctx: AppContext, *, limit: int = 8) -> list[Call]:
    """Today's calls, newest first (recalls count as new calls)."""
    day = service_day(ctx.clock(), ctx.tz)
    with ctx.db.read() as session:
        rows = session.execute(
            select(Ticket.id, Ticket.number, Counter.number, Ticket.called_at, Ticket.recall_count)
            .join(Counter, Ticket.counter_id == Counter.id)
            .where(
                Ticket.service_day == day,
                Ticket.called_at.is_not(None),
                Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.DONE]),
            )
            .order_by(Ticket.called_at.desc(), Ticket.id.desc())
            .limit(limit)
        ).all()
    return [
        Call(tid, number, counter, called_at, recalls)
        for tid, number, counter, called_at, recalls in rows
        if called_at is not None
    ]


@dataclass(frozen=True, slots=True)
class DisplaySnapshot:
    """Each counter's current number, the last calls (newest first), waiting per line."""

    counters: tuple[CounterState, ...]
    calls: tuple[Call, ...]
    lines: tuple[LineCount, ...]


def display_snapshot(ctx: AppContext) -> DisplaySnapshot:
    """Everything the TV shows."""
    return DisplaySnapshot(
        counters=tuple(counter_states(ctx)),
        calls=tuple(recent_calls(ctx, limit=RECENT_CALLS)),
        lines=tuple(line_counts(ctx)),
    )
