"""The records behind a summary, one per ticket and per walk-in visit, for the CSV export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, select

from kiosk.domain.enums import OUTCOME_LABELS, Channel, HelperPart, Outcome, TicketStatus
from kiosk.domain.ratings import level_label, reason_label
from kiosk.domain.summary import Period, minutes_between
from kiosk.domain.summary_tally import HelperFact
from kiosk.domain.summary_views import ROLE_GROUP_LABELS, STATUS_LABELS
from kiosk.services.context import AppContext
from kiosk.services.summary import visit_range
from kiosk.storage.models import (
    Counter,
    Helper,
    Line,
    Procedure,
    Rating,
    Ticket,
    Visit,
    VisitHelper,
    VisitOutcome,
)
from printing.report_csv import ReportRecord

DESK_LABEL = "Bộ phận một cửa"
Texts = tuple[str, ...]
AnyRow = Row[*tuple[Any, ...]]
# Keeps IN (...) lists well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
_OUTCOME_ORDER = {outcome.value: i for i, outcome in enumerate(Outcome)}

_TICKETS = (
    select(
        Ticket.service_day,
        Ticket.number,
        Line.code.label("line"),
        Procedure.name_vi.label("procedure"),
        Ticket.priority_group,
        Ticket.status,
        Counter.number.label("counter"),
        Ticket.issued_at,
        Ticket.called_at,
        Ticket.started_at,
        Ticket.finished_at,
        Visit.id.label("visit_id"),
        Visit.started_at.label("visit_started_at"),
        Visit.ended_at.label("visit_ended_at"),
        Rating.scale,
        Rating.level,
        Rating.reason,
    )
    .join(Line, Line.id == Ticket.line_id)
    .outerjoin(Procedure, Procedure.id == Ticket.procedure_id)
    .outerjoin(Counter, Counter.id == Ticket.counter_id)
    .outerjoin(Visit, Visit.ticket_id == Ticket.id)
    .outerjoin(Rating, Rating.ticket_id == Ticket.id)
)

_WALK_INS = (
    select(
        Visit.id.label("visit_id"),
        Visit.channel,
        Visit.place,
        Visit.started_at,
        Visit.ended_at,
        Procedure.name_vi.label("procedure"),
    )
    .outerjoin(Procedure, Procedure.id == Visit.procedure_id)
    .where(Visit.ticket_id.is_(None))
)


def report_records(ctx: AppContext, period: Period) -> list[ReportRecord]:
    """Every ticket of the period (by service day and issue time), then every walk-in visit.

    Args:
        ctx: The application context.
        period: Local service days; walk-ins count on the day they started.
    """
    groups = {g.code: g.name.vi for g in ctx.config.queue.priority_groups}
    start, end = visit_range(period, ctx.tz)
    with ctx.db.read() as session:
        conn = session.connection()
        tickets = conn.execute(
            _TICKETS.where(
                Ticket.service_day >= period.first, Ticket.service_day <= period.last
            ).order_by(Ticket.service_day, Ticket.issued_at, Ticket.id)
        ).all()
        walk_ins = conn.execute(
            _WALK_INS.where(Visit.started_at >= start, Visit.started_at < end).order_by(
                Visit.started_at, Visit.id
            )
        ).all()
        ratings = _walk_in_ratings(conn, start, end)
        visit_ids = [r.visit_id for r in tickets if r.visit_id is not None]
        extras = _VisitExtras(conn, [*visit_ids, *(r.visit_id for r in walk_ins)])
    records = [_ticket_record(row, extras, groups) for row in tickets]
    records += [_walk_in_record(row, extras, ratings.get(row.visit_id), ctx) for row in walk_ins]
    return records


class _VisitExtras:
    """Helpers (lead first) and outcomes of a set of visits, as Vietnamese labels."""

    def __init__(self, conn: Connection, visit_ids: Sequence[int]) -> None:
        self.helpers: dict[int, list[HelperFact]] = defaultdict(list)
        self.outcomes: dict[int, list[str]] = defaultdict(list)
        for chunk in _chunks(visit_ids):
            helpers = conn.execute(
                select(VisitHelper.visit_id, Helper.id, Helper.name, Helper.kind, Helper.role)
                .join(Helper, Helper.id == VisitHelper.helper_id)
                .where(VisitHelper.visit_id.in_(chunk))
                .order_by(VisitHelper.visit_id, VisitHelper.part != HelperPart.LEAD, Helper.name)
            ).all()
            for visit_id, helper_id, name, kind, role in helpers:
                self.helpers[visit_id].append(HelperFact(helper_id, name, kind, role))
            outcomes = conn.execute(
                select(VisitOutcome.visit_id, VisitOutcome.outcome).where(
                    VisitOutcome.visit_id.in_(chunk)
                )
            ).all()
            for visit_id, outcome in sorted(outcomes, key=lambda row: _outcome_order(row[1])):
                self.outcomes[visit_id].append(_outcome_label(outcome))

    def columns(self, visit_id: int | None) -> tuple[Texts, Texts, Texts]:
        """The helpers (lead first), their role groups and the outcomes of a visit."""
        if visit_id is None:
            return (), (), ()
        helpers = self.helpers.get(visit_id, [])
        return (
            tuple(h.name for h in helpers),
            tuple(ROLE_GROUP_LABELS[h.group] for h in helpers),
            tuple(self.outcomes.get(visit_id, ())),
        )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _outcome_order(value: str) -> int:
    """Outcomes in the order the desk lists them; unknown ones last."""
    return _OUTCOME_ORDER.get(value, len(_OUTCOME_ORDER))


def _outcome_label(value: str) -> str:
    try:
        return OUTCOME_LABELS[Outcome(value)][0]
    except ValueError:
        return value


def _walk_in_ratings(
    conn: Connection, start: datetime, end: datetime
) -> dict[int, tuple[int, int, str | None]]:
    """(scale, level, reason) of walk-in visits by visit id, through the indexed created_at.

    A walk-in is rated on the day it ended (``rate_visit``), at most a day after it started.
    """
    rows = conn.execute(
        select(Rating.visit_id, Rating.scale, Rating.level, Rating.reason).where(
            Rating.ticket_id.is_(None),
            Rating.created_at >= start,
            Rating.created_at < end + timedelta(days=2),
        )
    ).all()
    return {visit_id: (scale, level, reason) for visit_id, scale, level, reason in rows if visit_id}


def _rating_text(scale: int | None, level: int | None, reason: str | None) -> tuple[str, str]:
    if scale is None or level is None:
        return "", ""
    return level_label(scale, level).vi, reason_label(reason).vi if reason else ""


def _ticket_record(row: AnyRow, extras: _VisitExtras, groups: dict[str, str]) -> ReportRecord:
    status = TicketStatus(row.status)
    helpers, roles, outcomes = extras.columns(row.visit_id)
    rating, reason = _rating_text(row.scale, row.level, row.reason)
    served = status is TicketStatus.DONE and row.called_at is not None
    has_visit = row.visit_id is not None
    priority = row.priority_group or ""
    return ReportRecord(
        day=row.service_day,
        is_ticket=True,
        number=row.number,
        line=row.line,
        procedure=row.procedure or "",
        priority_group=groups.get(priority, priority),
        status=STATUS_LABELS[status],
        counter=row.counter,
        issued_at=row.issued_at,
        called_at=row.called_at,
        started_at=row.visit_started_at if has_visit else row.started_at,
        ended_at=row.visit_ended_at if has_visit else row.finished_at,
        wait_min=minutes_between(row.issued_at, row.called_at) if served else None,
        service_min=(
            minutes_between(row.visit_started_at, row.visit_ended_at) if has_visit else None
        ),
        place=DESK_LABEL if has_visit else "",
        helpers=helpers,
        groups=roles,
        outcomes=outcomes,
        rating=rating,
        reason=reason,
    )


def _walk_in_record(
    row: AnyRow,
    extras: _VisitExtras,
    rated: tuple[int, int, str | None] | None,
    ctx: AppContext,
) -> ReportRecord:
    helpers, roles, outcomes = extras.columns(row.visit_id)
    rating, reason = _rating_text(*(rated or (None, None, None)))
    return ReportRecord(
        day=row.started_at.astimezone(ctx.tz).date(),
        is_ticket=False,
        procedure=row.procedure or "",
        started_at=row.started_at,
        ended_at=row.ended_at,
        service_min=minutes_between(row.started_at, row.ended_at),
        place=row.place if row.channel == Channel.VILLAGE_POINT else DESK_LABEL,
        helpers=helpers,
        groups=roles,
        outcomes=outcomes,
        rating=rating,
        reason=reason,
    )
