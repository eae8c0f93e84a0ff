"""The summary's SQL: two expressions compiled for SQLite and PostgreSQL, and the statements.

Computing durations and issue hours in the database keeps timestamps out of Python, and the
statements are built once with bind parameters (``first``/``last`` service days, ``start``/``end``
UTC moments): a day's summary then costs about what hand-written aggregate SQL costs
(bench/summary.py).

No statement filters on ticket status: without ANALYZE statistics SQLite would then walk
``ix_ticket_status_line`` (every done ticket ever) instead of the day's range.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Float, String, bindparam, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.functions import FunctionElement

from kiosk.storage.models import Rating, Ticket, Visit, VisitHelper, VisitOutcome


class seconds_between(FunctionElement[float]):  # noqa: N801 - reads like the SQL function it is
    """``seconds_between(start, end)``: seconds from ``start`` to ``end`` (NULL if either is)."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


class utc_hour(FunctionElement[str]):  # noqa: N801
    """``utc_hour(moment)``: the UTC hour it falls in, as text ``YYYY-MM-DD HH``."""

    type = String()
    inherit_cache = True
    name = "utc_hour"


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    # julianday is a double of days: about 0.1 ms resolution, so round to whole milliseconds.
    return f"ROUND((julianday({end}) - julianday({start})) * 86400.0, 3)"


@compiles(seconds_between, "postgresql")
def _seconds_postgres(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS DOUBLE PRECISION)"


@compiles(utc_hour, "sqlite")
def _hour_sqlite(element: utc_hour, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    # SQLAlchemy stores SQLite datetimes as text "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC here):
    # cutting the text is far cheaper than parsing it.
    return f"substr({moment}, 1, 13)"


@compiles(utc_hour, "postgresql")
def _hour_postgres(element: utc_hour, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    return f"to_char({moment} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"


# -- statements -------------------------------------------------------------------------------
FIRST: BindParameter[date] = bindparam("first")
LAST: BindParameter[date] = bindparam("last")
START: BindParameter[datetime] = bindparam("start")
END: BindParameter[datetime] = bindparam("end")
_TICKET_DAYS = (Ticket.service_day >= FIRST, Ticket.service_day <= LAST)  # ix_ticket_day
_VISIT_STARTS = (Visit.started_at >= START, Visit.started_at < END)  # ix_visit_started_at

TICKETS = select(
    Ticket.line_id,
    Ticket.procedure_id,
    Ticket.priority_group,
    Ticket.status,
    seconds_between(Ticket.issued_at, Ticket.called_at),
    seconds_between(Ticket.started_at, Ticket.finished_at),
).where(*_TICKET_DAYS)

_HOUR = utc_hour(Ticket.issued_at)
ISSUED_PER_HOUR = select(_HOUR, func.count()).where(*_TICKET_DAYS).group_by(_HOUR)

_VISIT_KIND = (Visit.ticket_id.is_not(None), Visit.channel, Visit.place)
VISIT_COUNTS = select(*_VISIT_KIND, func.count()).where(*_VISIT_STARTS).group_by(*_VISIT_KIND)

HELPER_SHARES = (
    select(
        VisitHelper.visit_id,
        VisitHelper.helper_id,
        seconds_between(Visit.started_at, Visit.ended_at),
    )
    .join(Visit, Visit.id == VisitHelper.visit_id)
    .where(*_VISIT_STARTS)
)

OUTCOME_COUNTS = (
    select(VisitOutcome.outcome, func.count())
    .join(Visit, Visit.id == VisitOutcome.visit_id)
    .where(*_VISIT_STARTS)
    .group_by(VisitOutcome.outcome)
)

_RATING_KIND = (Rating.scale, Rating.level, Rating.reason)
RATING_COUNTS = (
    select(*_RATING_KIND, func.count())
    .where(Rating.created_at >= START, Rating.created_at < END)  # ix_rating_created_at
    .group_by(*_RATING_KIND)
)
