"""Today's public figures for the calling display: counts and shares, never a person's name.

- Visitors served: tickets served today plus walk-ins helped at the desk today.
- Median wait: from taking the ticket to the (last) call, over tickets served today.
- Share satisfied: ratings given today at "Hài lòng" or above, on the scale each was given on.
- Dossiers submitted online with help: desk visits today with that outcome, plus village
  records made today that count towards it (once they have reached the commune database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from kiosk.domain.clock import local_day_bounds, service_day
from kiosk.domain.enums import Channel, Outcome, TicketStatus
from kiosk.domain.ratings import is_satisfied
from kiosk.domain.summary import median, minutes_between, share
from kiosk.domain.village import Measure
from kiosk.services.context import AppContext
from kiosk.storage.models import Rating, Ticket, Visit, VisitOutcome
from kiosk.storage.village_models import VillageRecord, VillageRecordOutcome


@dataclass(frozen=True, slots=True)
class PublicFigures:
    """What the display may show the public about today."""

    day: date
    visitors_served: int
    median_wait_min: float | None
    satisfied_share: float | None
    ratings: int
    submitted_online_with_help: int


def public_figures_today(ctx: AppContext) -> PublicFigures:
    """Today's figures (the commune's local day), read in one transaction."""
    day = service_day(ctx.clock(), ctx.tz)
    start, end = local_day_bounds(day, ctx.tz)
    online_codes = [
        c.code for c in ctx.config.village.form.outcomes if c.measure is Measure.SUBMITTED_ONLINE
    ]
    with ctx.db.read() as session:
        waits = _waits(session, day)
        walk_ins = _count(
            session,
            select(func.count())
            .select_from(Visit)
            .where(*_visits_between(start, end), Visit.ticket_id.is_(None)),
        )
        ratings = session.execute(
            select(Rating.scale, Rating.level).where(
                Rating.created_at >= start, Rating.created_at < end
            )
        ).all()
        online = _count(
            session,
            select(func.count(func.distinct(VisitOutcome.visit_id)))
            .join(Visit)
            .where(*_visits_between(start, end), VisitOutcome.outcome == Outcome.SUBMITTED_ONLINE),
        ) + _count(
            session,
            select(func.count(func.distinct(VillageRecordOutcome.record_id)))
            .join(VillageRecord)
            .where(
                VillageRecord.recorded_at >= start,
                VillageRecord.recorded_at < end,
                VillageRecordOutcome.outcome.in_(online_codes),
            ),
        )
    satisfied = sum(1 for scale, level in ratings if is_satisfied(scale, level))
    return PublicFigures(
        day=day,
        visitors_served=len(waits) + walk_ins,
        median_wait_min=median(waits),
        satisfied_share=share(satisfied, len(ratings)),
        ratings=len(ratings),
        submitted_online_with_help=online,
    )


def _visits_between(start: datetime, end: datetime) -> tuple[ColumnElement[bool], ...]:
    """Desk visits (tickets and walk-ins) that started in [start, end)."""
    return (Visit.started_at >= start, Visit.started_at < end, Visit.channel == Channel.DESK)


def _waits(session: Session, day: date) -> list[float]:
    rows = session.execute(
        select(Ticket.issued_at, Ticket.called_at).where(
            Ticket.service_day == day,
            Ticket.status == TicketStatus.DONE.value,
            Ticket.called_at.is_not(None),
        )
    )
    return [minutes_between(issued, called) for issued, called in rows if called is not None]


def _count(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(stmt) or 0)
