"""Read side of the manager summary: aggregate queries by day, tallied in the domain.

The statements are in ``summary_sql`` (tickets by ``service_day``, visits by ``started_at``,
ratings by ``created_at``, all indexed; counting, summing and ranking in the database); the
counting rules in ``kiosk.domain.summary_tally``; the comparison with the previous period in
``kiosk.domain.summary_views``. No per-ticket or per-visit row reaches Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Executable, Row

from kiosk.config import WEEKDAYS, Config
from kiosk.domain.clock import local_day_bounds, service_day
from kiosk.domain.enums import Channel
from kiosk.domain.summary import Period
from kiosk.domain.summary_tally import (
    DESK_PLACE,
    NO_TIMES,
    GroupWork,
    HelperFact,
    HelperWork,
    PeriodTally,
    RatingFact,
    ServedTimes,
    TicketCount,
    VisitCount,
    VisitFacts,
    served_times,
    tally_ratings,
    tally_tickets,
    tally_visits,
    time_ranks,
)
from kiosk.domain.summary_views import Summary, SummaryLabels, compare_periods
from kiosk.services import summary_sql as sql
from kiosk.services.context import AppContext


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
        # Plain rows through the Core connection: ORM result machinery would double the cost.
        conn = session.connection()
        labels, codes = _labels(conn, ctx.config)
        now = _tally(conn, period, ctx.tz, codes)
        before = _tally(conn, previous, ctx.tz, codes)
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


def _labels(conn: Connection, config: Config) -> tuple[SummaryLabels, _Codes]:
    lines = conn.execute(sql.LINE_LABELS).all()
    procedures = conn.execute(sql.PROCEDURE_LABELS).all()
    helpers = conn.execute(sql.HELPER_LABELS).all()
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


def _tally(conn: Connection, period: Period, tz: ZoneInfo, codes: _Codes) -> PeriodTally:
    start, end = visit_range(period, tz)
    params: dict[str, Any] = {
        "first": period.first,
        "last": period.last,
        "start": start,
        "end": end,
    }

    def rows(stmt: Executable) -> Sequence[Row[*tuple[Any, ...]]]:
        return conn.execute(stmt, params).all()

    line, proc = codes.lines, codes.procedures
    counts = [
        TicketCount(line.get(r[0], "?"), proc.get(r[1] or 0), *r[2:])
        for r in rows(sql.TICKET_COUNTS)
    ]
    village = Channel.VILLAGE_POINT.value
    visits = VisitFacts(
        counts=[
            VisitCount(bool(ticket), place if channel == village else DESK_PLACE, count)
            for ticket, channel, place, count in rows(sql.VISIT_COUNTS)
        ],
        helpers=list(map(HelperWork._make, rows(sql.HELPER_WORK))),
        groups=list(map(GroupWork._make, rows(sql.GROUP_WORK))),
        outcomes={outcome: count for outcome, count in rows(sql.OUTCOME_COUNTS)},
    )
    return PeriodTally(
        tally_tickets(
            counts,
            _times(conn, counts, params),
            {_utc_hour(text): count for text, count in rows(sql.ISSUED_PER_HOUR)},
            tz,
        ),
        tally_visits(visits),
        tally_ratings(map(RatingFact._make, rows(sql.RATING_COUNTS))),
    )


def _times(conn: Connection, counts: list[TicketCount], params: dict[str, Any]) -> ServedTimes:
    """The period's time figures: the database ranks the times, the domain picks the ranks."""
    ranks = time_ranks(counts)
    if not ranks.waits and not ranks.services:
        return NO_TIMES
    picks = dict(zip((p.key for p in sql.WAIT_RANKS), ranks.wait_ranks, strict=True))
    picks |= dict(zip((p.key for p in sql.SERVICE_RANKS), ranks.service_ranks, strict=True))
    waits_at: dict[int, float] = {}
    services_at: dict[int, float] = {}
    for wait_rank, wait, service_rank, service in conn.execute(sql.TIMES_AT_RANKS, params | picks):
        waits_at[wait_rank] = wait
        services_at[service_rank] = service
    return served_times(ranks, waits_at, services_at)


def _utc_hour(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=UTC)
