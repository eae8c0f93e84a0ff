"""Read side of the manager summary: indexed range queries by day, tallied in the domain.

The statements are in ``summary_sql`` (tickets by ``service_day``, visits by ``started_at``,
ratings by ``created_at``, all indexed); the counting rules in ``kiosk.domain.summary_tally``;
the comparison with the previous period in ``kiosk.domain.summary_views``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from kiosk.config import WEEKDAYS, Config
from kiosk.domain.clock import local_day_bounds, service_day
from kiosk.domain.enums import Channel
from kiosk.domain.summary import Period
from kiosk.domain.summary_tally import (
    DESK_PLACE,
    HelperFact,
    HelperShare,
    PeriodTally,
    RatingFact,
    TicketFact,
    VisitCount,
    VisitFacts,
    tally_period,
)
from kiosk.domain.summary_views import Summary, SummaryLabels, compare_periods
from kiosk.services import summary_sql as sql
from kiosk.services.context import AppContext
from kiosk.storage.models import (
    Helper,
    Line,
    Procedure,
)


def open_weekdays(config: Config) -> frozenset[int]:
    """Weekdays (Monday = 0) with opening hours in the config."""
    return frozenset(i for i, name in enumerate(WEEKDAYS) if config.site.hours.get(name))


def period_for(
    ctx: AppContext, *, day: date | None = None, first: date | None = None, last: date | None = None
) -> Period:
    """The period a command asks for: one ``day``, ``first``..``last``, or today by default."""
    if day is not None:
        return Period.day(day)
    if first is not None or last is not None:
        today = service_day(ctx.clock(), ctx.tz)
        start = first or last or today
        return Period(start, last or today)
    return Period.day(service_day(ctx.clock(), ctx.tz))


def build_summary(ctx: AppContext, period: Period, *, previous: Period | None = None) -> Summary:
    """The summary of ``period`` against ``previous`` (by default the previous period).

    Args:
        ctx: The application context.
        period: Local service days to summarise.
        previous: The period to compare with; ``Period.previous`` of ``period`` when None.

    Returns:
        A frozen ``Summary``; no ORM object escapes.
    """
    previous = previous or period.previous(open_weekdays(ctx.config))
    with ctx.db.read() as session:
        labels, codes = _labels(session, ctx.config)
        now = _tally(session, period, ctx.tz, labels, codes)
        before = _tally(session, previous, ctx.tz, labels, codes)
    return compare_periods(
        now,
        before,
        labels=labels,
        header=ctx.config.site.header,
        period=period,
        previous_period=previous,
        scale=ctx.config.ratings.levels,
        generated_at=ctx.clock().astimezone(ctx.tz),
    )


class _Codes(NamedTuple):
    """Line and procedure codes by database id: mapping them here beats joining per row."""

    lines: dict[int, str]
    procedures: dict[int, str]


def _labels(session: Session, config: Config) -> tuple[SummaryLabels, _Codes]:
    lines = session.execute(
        select(Line.id, Line.code, Line.name_vi).order_by(Line.sort_order)
    ).all()
    procedures = session.execute(
        select(Procedure.id, Procedure.code, Procedure.name_vi)
        .join(Line, Line.id == Procedure.line_id)
        .order_by(Line.sort_order, Procedure.sort_order, Procedure.id)
    ).all()
    helpers = session.execute(select(Helper.id, Helper.name, Helper.kind, Helper.role)).all()
    labels = SummaryLabels(
        lines={code: f"{code} · {name}" for _id, code, name in lines},
        procedures={code: name for _id, code, name in procedures},
        priority_groups={g.code: g.name.vi for g in config.queue.priority_groups},
        helpers={h.id: HelperFact(h.id, h.name, h.kind, h.role) for h in helpers},
    )
    return labels, _Codes({i: c for i, c, _ in lines}, {i: c for i, c, _ in procedures})


def visit_range(period: Period, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC bounds of the period's local days: visits and ratings are read by these."""
    return local_day_bounds(period.first, tz)[0], local_day_bounds(period.last, tz)[1]


def _tally(
    session: Session, period: Period, tz: ZoneInfo, labels: SummaryLabels, codes: _Codes
) -> PeriodTally:
    # Plain rows through the Core connection: ORM result machinery would double the cost.
    conn = session.connection()
    start, end = visit_range(period, tz)
    params = {"first": period.first, "last": period.last, "start": start, "end": end}

    def rows(stmt: Select[*tuple[Any, ...]]) -> Sequence[Row[*tuple[Any, ...]]]:
        return conn.execute(stmt, params).all()

    line, proc = codes.lines, codes.procedures
    village = Channel.VILLAGE_POINT.value
    visits = VisitFacts(
        counts=[
            VisitCount(bool(ticket), place if channel == village else DESK_PLACE, count)
            for ticket, channel, place, count in rows(sql.VISIT_COUNTS)
        ],
        shares=list(map(HelperShare._make, rows(sql.HELPER_SHARES))),
        outcomes={outcome: count for outcome, count in rows(sql.OUTCOME_COUNTS)},
    )
    return tally_period(
        [TicketFact(line.get(r[0], "?"), proc.get(r[1] or 0), *r[2:]) for r in rows(sql.TICKETS)],
        {_utc_hour(text): count for text, count in rows(sql.ISSUED_PER_HOUR)},
        visits,
        list(map(RatingFact._make, rows(sql.RATING_COUNTS))),
        labels.helpers,
        tz,
    )


def _utc_hour(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=UTC)
