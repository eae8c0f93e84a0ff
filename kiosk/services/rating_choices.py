"""Ways to pick the visit to rate without typing: a visit just finished, or a scanned ticket.

The rating itself is stored by ``kiosk.services.ratings`` (``rate_visit``, ``rate_ticket``);
these reads only say what may be rated.
"""

from __future__ import annotations

from sqlalchemy import or_, select

from kiosk.domain.clock import service_day
from kiosk.domain.enums import TicketStatus
from kiosk.domain.errors import ErrorCode, ValidationError
from kiosk.domain.recent_visits import RECENT_WITHIN, RecentVisit, offered_visits
from kiosk.domain.ticket_code import parse_ticket_code
from kiosk.services.context import AppContext
from kiosk.services.ratings import MAX_DESK_VISIT, ticket_to_rate
from kiosk.storage.models import Counter, Rating, Ticket, Visit


def recent_visits(ctx: AppContext) -> tuple[RecentVisit, ...]:
    """The visits the kiosk offers as "just finished at counter N" (``offered_visits``).

    Only a ticket's visit at a counter, once the ticket is done (not one handed on to another
    line); a walk-in's visit has no counter.

    Returns:
        At most one visit per counter, by counter number.
    """
    now = ctx.clock()
    since = now - RECENT_WITHIN
    with ctx.db.read() as session:
        rows = session.execute(
            select(Visit.id, Visit.ticket_id, Visit.ended_at, Counter.number, Ticket.number)
            .join(Counter, Counter.id == Visit.counter_id)
            .join(Ticket, Ticket.id == Visit.ticket_id)
            .where(
                # The indexed started_at bounds the search (no desk visit lasts a day).
                Visit.started_at >= since - MAX_DESK_VISIT,
                Visit.ended_at >= since,
                Ticket.status == TicketStatus.DONE,
            )
        ).all()
        if not rows:
            return ()
        visit_ids = [row[0] for row in rows]
        ticket_ids = [row[1] for row in rows]
        rated = session.execute(
            select(Rating.visit_id, Rating.ticket_id).where(
                # Ratings come after the visits they rate: created_at is indexed.
                Rating.created_at >= since - MAX_DESK_VISIT,
                or_(Rating.visit_id.in_(visit_ids), Rating.ticket_id.in_(ticket_ids)),
            )
        ).all()
    rated_visits = {visit_id for visit_id, _ in rated}
    rated_tickets = {ticket_id for _, ticket_id in rated if ticket_id is not None}
    visits = [
        RecentVisit(
            visit_id=visit_id,
            counter_number=counter,
            ticket_number=number,
            ended_at=ended_at,
            rated=visit_id in rated_visits or ticket_id in rated_tickets,
        )
        for visit_id, ticket_id, ended_at, counter, number in rows
    ]
    return offered_visits(visits, now=now)


def ticket_by_code(ctx: AppContext, *, code: str) -> str:
    """Check that the ticket a scanned QR code names can be rated now.

    Args:
        ctx: The application context.
        code: What the scanner typed (``K1-20261129-A012``).

    Returns:
        The ticket's number as printed (``A012``), ready for ``rate_ticket``.

    Raises:
        ValidationError: Not a ticket code (``TICKET_CODE_INVALID``), or a ticket of another
            day (``TICKET_OTHER_DAY``): numbers restart daily, so it is not today's ticket.
        NotFoundError: No such ticket today.
        InvalidTransitionError: The ticket's visit is not finished.
        AlreadyRatedError: The ticket was rated before.
    """
    parsed = parse_ticket_code(code)
    if parsed is None:
        # The text is not repeated: a scanned ID card's QR holds a person's details.
        raise ValidationError(
            "The scanned code is not a ticket's code.", code=ErrorCode.TICKET_CODE_INVALID
        )
    if parsed.service_day != service_day(ctx.clock(), ctx.tz):
        raise ValidationError(
            "Ticket {number} is from {day}, not today.",
            code=ErrorCode.TICKET_OTHER_DAY,
            number=parsed.number,
            day=parsed.service_day.isoformat(),
        )
    return ticket_to_rate(ctx, number=parsed.number)
