"""The summary's SQL: a few expressions compiled for SQLite and PostgreSQL, and the statements.

Every per-row step happens in the database: counting tickets by line, procedure, priority group
and fate; ranking waiting and service times (``row_number``) so that only the values at the
ranks the domain asks for come back (``kiosk.domain.summary_tally.time_ranks``); summing each
helper's and each role group's visit minutes. A month comes back as a few hundred rows. The
statements are built once with bind parameters (``first``/``last`` service days, ``start``/``end``
UTC moments): a day's summary then costs about what hand-written aggregate SQL costs
(bench/summary.py).

No statement filters on ticket status in its WHERE clause: without ANALYZE statistics SQLite
would then walk ``ix_ticket_status_line`` (every done ticket ever) instead of the day's range.
The status goes into CASE expressions instead.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.functions import FunctionElement

from kiosk.domain.enums import RoleGroup, TicketStatus
from kiosk.domain.summary_tally import role_groups_by_kind
from kiosk.storage.models import (
    Helper,
    Line,
    Procedure,
    Rating,
    Ticket,
    Visit,
    VisitHelper,
    VisitOutcome,
)


class seconds_between(FunctionElement[float]):  # noqa: N801 - reads like the SQL function it is
    """``seconds_between(start, end)``: seconds from ``start`` to ``end`` (NULL if either is)."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


class non_negative(FunctionElement[float]):  # noqa: N801
    """``non_negative(x)``: x, or 0 when x is below 0; only for values that are never NULL.

    PostgreSQL's GREATEST ignores NULLs (it would turn NULL into 0), SQLite's max() does not.
    """

    type = Float()
    inherit_cache = True
    name = "non_negative"


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
    # CAST(x + 0.5) rather than ROUND(x, 3), which goes through text and costs a third of the
    # query; it truncates negative values toward zero, which keeps their order and clamps
    # them to 0 all the same.
    return f"CAST((julianday({end}) - julianday({start})) * 86400000.0 + 0.5 AS INTEGER) / 1000.0"


@compiles(seconds_between, "postgresql")
def _seconds_postgres(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS DOUBLE PRECISION)"


@compiles(non_negative, "sqlite")
def _non_negative_sqlite(element: non_negative, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    return f"max(0.0, {value})"


@compiles(non_negative, "postgresql")
def _non_negative_postgres(element: non_negative, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    return f"GREATEST(0.0, {value})"


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

LINE_LABELS = select(Line.id, Line.code, Line.name_vi).order_by(Line.sort_order)
PROCEDURE_LABELS = (
    select(Procedure.id, Procedure.code, Procedure.name_vi)
    .join(Line, Line.id == Procedure.line_id)
    .order_by(Line.sort_order, Procedure.sort_order, Procedure.id)
)
HELPER_LABELS = select(Helper.id, Helper.name, Helper.kind, Helper.role)

_DONE = Ticket.status == TicketStatus.DONE.value
# Non-NULL exactly when the ticket has the time: a wait needs a call (issued_at is never NULL),
# a service needs a start and an end.
_HAS_SERVICE = case((Ticket.started_at.is_not(None), Ticket.finished_at))
TICKET_COUNTS = (
    select(
        Ticket.line_id,
        Ticket.procedure_id,
        Ticket.priority_group,
        Ticket.status,
        func.count(),
        func.count(Ticket.called_at),
        func.count(_HAS_SERVICE),
    )
    .where(*_TICKET_DAYS)
    .group_by(Ticket.line_id, Ticket.procedure_id, Ticket.priority_group, Ticket.status)
)

# The ranks to pick (TimeRanks): the wait median's two, the wait p90's, the service median's
# two. A rank of 0 picks nothing.
WAIT_RANKS = tuple(bindparam(f"wait_rank_{n}", type_=Integer) for n in range(3))
SERVICE_RANKS = tuple(bindparam(f"service_rank_{n}", type_=Integer) for n in range(2))

_SERVED = (
    select(
        case((_DONE, seconds_between(Ticket.issued_at, Ticket.called_at))).label("wait"),
        case((_DONE, seconds_between(Ticket.started_at, Ticket.finished_at))).label("service"),
    )
    .where(*_TICKET_DAYS)
    .subquery()
)
# One scan, two orders. NULLs (tickets without the time) sort last, so the ranks 1..n of
# each order are exactly the n values TimeRanks counted.
_RANKED = select(
    func.row_number().over(order_by=_SERVED.c.wait.asc().nulls_last()).label("wait_rank"),
    _SERVED.c.wait,
    func.row_number().over(order_by=_SERVED.c.service.asc().nulls_last()).label("service_rank"),
    _SERVED.c.service,
).subquery()
# (wait rank, wait seconds, service rank, service seconds) of the rows at the ranks asked for.
TIMES_AT_RANKS = select(_RANKED).where(
    or_(_RANKED.c.wait_rank.in_(WAIT_RANKS), _RANKED.c.service_rank.in_(SERVICE_RANKS))
)

_HOUR = utc_hour(Ticket.issued_at)
ISSUED_PER_HOUR = select(_HOUR, func.count()).where(*_TICKET_DAYS).group_by(_HOUR)

_VISIT_KIND = (Visit.ticket_id.is_not(None), Visit.channel, Visit.place)
VISIT_COUNTS = select(*_VISIT_KIND, func.count()).where(*_VISIT_STARTS).group_by(*_VISIT_KIND)

_VISIT_SECONDS = non_negative(seconds_between(Visit.started_at, Visit.ended_at))
HELPER_WORK = (
    select(VisitHelper.helper_id, func.count(), func.sum(_VISIT_SECONDS))
    .join(Visit, Visit.id == VisitHelper.visit_id)
    .where(*_VISIT_STARTS)
    .group_by(VisitHelper.helper_id)
)


def _role_group() -> ColumnElement[str]:
    """The helper's role group, from the domain's table of (kind, role) pairs."""
    other = RoleGroup.OTHER_VOLUNTEERS
    whens = [
        (and_(Helper.kind == kind.value, _one_of(Helper.role, roles)), group.value)
        for (kind, group), roles in role_groups_by_kind().items()
        if group is not other  # ELSE: also what a role from a newer version counts as
    ]
    return case(*whens, else_=other.value)


def _one_of(column: InstrumentedAttribute[str], values: tuple[str, ...]) -> ColumnElement[bool]:
    if len(values) == 1:
        return column == values[0]
    return column.in_([literal(value) for value in values])


# A visit once per role group that took part, with its length; then summed per group.
_GROUP_VISITS = (
    select(Visit.id, _role_group().label("role_group"), _VISIT_SECONDS.label("seconds"))
    .distinct()
    .join(VisitHelper, VisitHelper.visit_id == Visit.id)
    .join(Helper, Helper.id == VisitHelper.helper_id)
    .where(*_VISIT_STARTS)
    .subquery()
)
GROUP_WORK = select(
    _GROUP_VISITS.c.role_group, func.count(), func.sum(_GROUP_VISITS.c.seconds)
).group_by(_GROUP_VISITS.c.role_group)

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
