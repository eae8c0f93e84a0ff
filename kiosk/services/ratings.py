"""Visitors rate a finished visit: one rating per ticket or walk-in visit, linked to its helpers.

A rating is given on the spot, so only today's tickets and visits can be rated. The rating row
points at the visit (and so at the helpers who gave it) and, for a ticket, at the ticket, whose
unique key stops a second rating even when two screens race.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.domain.clock import local_day_bounds, service_day
from kiosk.domain.enums import HelperPart, TicketStatus
from kiosk.domain.errors import ErrorCode, InvalidTransitionError, NotFoundError, ValidationError
from kiosk.domain.numbering import format_ticket_number, parse_ticket_number
from kiosk.domain.ratings import (
    AlreadyRatedError,
    FinishedVisit,
    RatingLevel,
    RatingReason,
    RatingView,
    check_rating,
    scale_levels,
)
from kiosk.services.changes import audit
from kiosk.services.context import KIOSK_ACTOR, Actor, AppContext
from kiosk.services.lookup import counter_by_number
from kiosk.storage.models import Helper, Rating, Ticket, Visit, VisitHelper

MAX_DESK_VISIT = timedelta(days=1)


def rating_scale(ctx: AppContext) -> tuple[RatingLevel, ...]:
    """The configured scale's levels, best first, as a rating screen shows them."""
    return scale_levels(ctx.config.ratings.levels)


def rate_ticket(
    ctx: AppContext,
    *,
    number: str,
    level: int,
    reason: str | None,
    actor: Actor = KIOSK_ACTOR,
) -> RatingView:
    """Rate today's finished ticket by its number (the kiosk's "rate our service" keypad).

    Args:
        ctx: The application context.
        number: The ticket number as printed, e.g. ``A012`` (case and spaces ignored).
        level: The level chosen on the configured scale, higher is better.
        reason: A ``RatingReason`` value; required for a dissatisfied level, else None.
        actor: Who records it (the kiosk by default).

    Returns:
        The stored rating.

    Raises:
        ValidationError: A bad number, level or reason.
        NotFoundError: No such ticket today.
        InvalidTransitionError: The ticket's visit is not finished.
        AlreadyRatedError: The ticket was rated before.
    """
    scale = ctx.config.ratings.levels
    chosen, why = check_rating(scale, level, reason)
    parsed = parse_ticket_number(number)
    if parsed is None:
        raise ValidationError(
            "{number} is not a ticket number such as A012.",
            code=ErrorCode.TICKET_NUMBER_INVALID,
            number=number,
        )
    shown = format_ticket_number(*parsed)
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        ticket = session.scalar(
            select(Ticket)
            .where(Ticket.number == shown, Ticket.service_day == service_day(now, ctx.tz))
            .with_for_update()
        )
        if ticket is None:
            raise NotFoundError(
                "There is no ticket {number} today.", code=ErrorCode.TICKET_NOT_FOUND, number=shown
            )
        if ticket.status != TicketStatus.DONE:
            raise InvalidTransitionError(
                "Ticket {number} is not finished yet: rate it after your visit.",
                code=ErrorCode.TICKET_NOT_FINISHED,
                number=shown,
            )
        if session.scalar(select(Rating.id).where(Rating.ticket_id == ticket.id)) is not None:
            raise AlreadyRatedError(
                "Ticket {number} has been rated already. Thank you!", number=shown
            )
        visit_id = session.scalar(select(Visit.id).where(Visit.ticket_id == ticket.id))
        return _store(session, ticket, visit_id, (scale, chosen, why), actor, now)


def rate_visit(
    ctx: AppContext,
    *,
    visit_id: int,
    level: int,
    reason: str | None,
    actor: Actor = KIOSK_ACTOR,
) -> RatingView:
    """Rate one of today's visits (a counter's rating screen, or a walk-in without a ticket).

    Raises:
        ValidationError: A bad level or reason, or a visit not from today.
        NotFoundError: No such visit.
        AlreadyRatedError: The visit (or its ticket) was rated before.
    """
    scale = ctx.config.ratings.levels
    chosen, why = check_rating(scale, level, reason)
    now = ctx.clock()
    start, end = local_day_bounds(service_day(now, ctx.tz), ctx.tz)
    with ctx.db.write.begin() as session:
        visit = session.scalar(select(Visit).where(Visit.id == visit_id).with_for_update())
        if visit is None:
            raise NotFoundError("There is no visit with id {id}.", id=visit_id)
        if not start <= visit.ended_at < end:
            raise ValidationError("Only today's visits can be rated.")
        by_ticket = select(Rating.id).where(Rating.ticket_id == visit.ticket_id)
        ticket_rated = visit.ticket_id is not None and session.scalar(by_ticket) is not None
        if ticket_rated or _rated(session, visit):
            raise AlreadyRatedError("This visit has been rated already. Thank you!")
        ticket = session.get(Ticket, visit.ticket_id) if visit.ticket_id is not None else None
        return _store(session, ticket, visit.id, (scale, chosen, why), actor, now)


def _store(
    session: Session,
    ticket: Ticket | None,
    visit_id: int | None,
    answer: tuple[int, RatingLevel, RatingReason | None],
    actor: Actor,
    now: datetime,
) -> RatingView:
    scale, chosen, why = answer
    rating = Rating(
        ticket_id=ticket.id if ticket else None,
        visit_id=visit_id,
        level=chosen.value,
        scale=scale,
        reason=why.value if why else None,
        created_at=now,
    )
    session.add(rating)
    try:
        session.flush()
    except IntegrityError:
        # Another screen stored the ticket's rating between our check and our insert.
        raise AlreadyRatedError("This visit has been rated already. Thank you!") from None
    number = ticket.number if ticket else None
    audit(
        session,
        actor=actor,
        action="rate",
        entity="rating",
        entity_id=rating.id,
        now=now,
        after={
            "ticket": number,
            "visit_id": visit_id,
            "scale": scale,
            "level": chosen.value,
            "reason": rating.reason,
        },
    )
    return RatingView(rating.id, number, visit_id, scale, chosen, why, now)


def _rated(session: Session, visit: Visit) -> bool:
    """Whether the visit has a rating.

    rating.visit_id has no index; a rating is always given after its visit started, so the
    indexed ``created_at`` bounds the search to the ratings since then.
    """
    stmt = select(Rating.id).where(
        Rating.created_at >= visit.started_at, Rating.visit_id == visit.id
    )
    return session.scalar(stmt.limit(1)) is not None


def latest_finished_visit(
    ctx: AppContext, counter_number: int, since: datetime
) -> FinishedVisit | None:
    """The counter's most recent visit that ended at or after ``since``, for its rating screen.

    Args:
        ctx: The application context.
        counter_number: The desk the small rating screen stands on.
        since: Visits that ended earlier are not offered (e.g. the last ten minutes).

    Returns:
        The visit with its helpers' names (lead first) and whether it is rated; None if none.
    """
    with ctx.db.read() as session:
        counter = counter_by_number(session, counter_number)
        visit = session.scalar(
            select(Visit)
            .where(
                # The indexed started_at bounds the search (no desk visit lasts a day);
                # counter_id and ended_at have no index, and a screen polls this often.
                Visit.started_at >= since - MAX_DESK_VISIT,
                Visit.counter_id == counter.id,
                Visit.ended_at >= since,
            )
            .order_by(Visit.ended_at.desc(), Visit.id.desc())
            .limit(1)
        )
        if visit is None:
            return None
        names = session.execute(
            select(Helper.name, VisitHelper.part)
            .join(VisitHelper, VisitHelper.helper_id == Helper.id)
            .where(VisitHelper.visit_id == visit.id)
        ).all()
        ordered = sorted(names, key=lambda row: (row.part != HelperPart.LEAD, row.name))
        rated = _rated(session, visit)
        number = None
        if visit.ticket_id is not None:
            number = session.scalar(select(Ticket.number).where(Ticket.id == visit.ticket_id))
        return FinishedVisit(
            visit.id, number, visit.ended_at, tuple(r.name for r in ordered), rated
        )


def ticket_to_rate(ctx: AppContext, *, number: str) -> str:
    """Check that today's ticket ``number`` can be rated now, before the visitor chooses.

    Args:
        ctx: The application context.
        number: The ticket number as typed, e.g. ``A12`` or ``a012``.

    Returns:
        The number as printed (``A012``).

    Raises:
        ValidationError: Not a ticket number.
        NotFoundError: No such ticket today.
        InvalidTransitionError: The ticket's visit is not finished.
        AlreadyRatedError: The ticket was rated before.
    """
    parsed = parse_ticket_number(number)
    if parsed is None:
        raise ValidationError(
            "{number} is not a ticket number such as A012.",
            code=ErrorCode.TICKET_NUMBER_INVALID,
            number=number,
        )
    shown = format_ticket_number(*parsed)
    with ctx.db.read() as session:
        ticket = session.scalar(
            select(Ticket).where(
                Ticket.number == shown, Ticket.service_day == service_day(ctx.clock(), ctx.tz)
            )
        )
        if ticket is None:
            raise NotFoundError(
                "There is no ticket {number} today.", code=ErrorCode.TICKET_NOT_FOUND, number=shown
            )
        if ticket.status != TicketStatus.DONE:
            raise InvalidTransitionError(
                "Ticket {number} is not finished yet: rate it after your visit.",
                code=ErrorCode.TICKET_NOT_FINISHED,
                number=shown,
            )
        if session.scalar(select(Rating.id).where(Rating.ticket_id == ticket.id)) is not None:
            raise AlreadyRatedError(
                "Ticket {number} has been rated already. Thank you!", number=shown
            )
    return shown
