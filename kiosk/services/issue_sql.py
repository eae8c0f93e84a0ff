"""Issuing a ticket in as few statements as it can be, built once (the kiosk's tap, P2).

Inside the write transaction only what the ticket needs: the line's next number taken by one
upsert that also finds the line (``INSERT … SELECT … ON CONFLICT … RETURNING``), then the ticket
with its audit entry (on PostgreSQL with the change notice too, in the same round trip). What
the visitor reads besides the number (the line's name, its desks, the people ahead and the wait)
is read on SQLite after the commit, so its one write lock is held for the writes alone; on
PostgreSQL in the ticket's own round trip, which locks only the line's number row.

The statements run on the driver's own connection, inside the transaction SQLAlchemy began on
it: on SQLite through ``kiosk.storage.sqlite_driver`` (the tap runs six statements), on
PostgreSQL through ``kiosk.storage.pg_driver``: the number, then the ticket and the three reads
in one pipeline, then the commit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from kiosk.domain.enums import TicketStatus
from kiosk.domain.priority import Candidate
from kiosk.storage.live import CHANNEL_SQL
from kiosk.storage.pg_driver import compiled, driver_of, sqlalchemy_errors
from kiosk.storage.sqlite_driver import Converters, sqlite_of

if TYPE_CHECKING:  # imported by the engine on PostgreSQL only: a SQLite kiosk never loads it
    import psycopg

# SQLite reads ``ON CONFLICT`` after ``INSERT … SELECT`` right only when the SELECT has a WHERE.
_NEXT_NUMBER_SQL = (
    "INSERT INTO ticket_sequence (line_id, service_day, last_number)"
    " SELECT l.id, :day, 1 FROM line l WHERE l.code = :code AND l.active"
    " ON CONFLICT (line_id, service_day)"
    " DO UPDATE SET last_number = ticket_sequence.last_number + 1"
    " RETURNING line_id, last_number"
)

_TICKET = (
    "INSERT INTO ticket (issue_line_id, line_id, procedure_id, service_day, sequence, number,"
    " priority_group, status, issued_at, recall_count, print_status)"
    " VALUES (:line_id, :line_id, :procedure_id, :day, :sequence, :number, :group, :status,"
    " :now, 0, 'pending') RETURNING id"
)
_AUDIT_VALUES = ":now, :helper_id, :actor, 'issue', 'ticket'"
_AUDIT_COLUMNS = "at, actor_helper_id, actor, action, entity, entity_id, before, after"
# PostgreSQL: the ticket, its audit entry and the notice in one round trip.
_TICKET_PG = compiled(
    f"WITH made AS ({_TICKET}), logged AS (INSERT INTO audit_entry ({_AUDIT_COLUMNS})"
    f" SELECT {_AUDIT_VALUES}, made.id, '', :after FROM made)"
    f" SELECT made.id, pg_notify({CHANNEL_SQL}, 'ticket') FROM made"
)
_NEXT_NUMBER_PG = compiled(_NEXT_NUMBER_SQL)
_AUDIT_SQLITE = (
    f"INSERT INTO audit_entry ({_AUDIT_COLUMNS}) VALUES ({_AUDIT_VALUES}, :ticket_id, '', :after)"
)


Rows = list[tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Issued:
    """The committed ticket's own values."""

    id: int
    line_id: int
    sequence: int


def next_number(conn: Connection, *, line_code: str, day: date) -> tuple[int, int] | None:
    """(line id, its next sequence number today); ``None`` when no such active line."""
    sqlite = sqlite_of(conn)
    if sqlite is not None:
        driver, convert = sqlite
        # fetchall: a statement stepped to its end, so nothing is pending at the commit
        rows = driver.execute(_NEXT_NUMBER_SQL, {"code": line_code, "day": convert.day(day)})
        taken = rows.fetchall()
        return None if not taken else (int(taken[0][0]), int(taken[0][1]))
    params = {"code": line_code, "day": day}
    with sqlalchemy_errors(conn, _NEXT_NUMBER_PG, params):
        row = driver_of(conn).execute(_NEXT_NUMBER_PG, params).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


@dataclass(frozen=True, slots=True)
class Estimate:
    """What the wait estimate reads of a line: services finished since ``since``, ``count``."""

    since: datetime
    count: int


def insert_ticket(
    conn: Connection,
    *,
    line_id: int,
    sequence: int,
    number: str,
    procedure_id: int | None,
    priority_group: str | None,
    day: date,
    now: datetime,
    actor_label: str,
    helper_id: int | None,
    estimate: Estimate,
) -> tuple[int, LineNow | None]:
    """Insert the waiting ticket and its "issue" audit entry: its id, and the line's state.

    On PostgreSQL the line's state (``line_now``) is read in the same round trip as the insert,
    inside the write transaction (psycopg's pipeline): it sees the new ticket as the commit
    leaves it, and saves the two round trips a read transaction of its own would cost (its
    BEGIN and ROLLBACK) while it holds the line's number row for no longer than the server's
    reading. On SQLite the state is ``None``: the reads would hold the database's one write
    lock, so the caller reads them after the commit (``line_now``).
    """
    after = json.dumps(
        {"number": number, "priority_group": priority_group}, ensure_ascii=False, sort_keys=True
    )
    params = {
        "line_id": line_id,
        "procedure_id": procedure_id,
        "day": day,
        "sequence": sequence,
        "number": number,
        "group": priority_group,
        "status": TicketStatus.WAITING.value,
        "now": now,
        "helper_id": helper_id,
        "actor": actor_label,
        "after": after,
    }
    sqlite = sqlite_of(conn)
    if sqlite is None:
        waiting, recent = _read_params(line_id=line_id, day=day, estimate=estimate)
        pg = driver_of(conn)
        with sqlalchemy_errors(conn, _TICKET_PG, params), pg.pipeline():
            made = pg.execute(_TICKET_PG, params)
            reads = _send_reads(pg, line_id=line_id, waiting=waiting, recent=recent)
        with sqlalchemy_errors(conn, _TICKET_PG, params):
            ((ticket_id, _notified),) = made.fetchall()
            return int(ticket_id), _line_now(*(cursor.fetchall() for cursor in reads))
    driver, convert = sqlite
    params.update(day=convert.day(day), now=convert.time_in(now))
    ((ticket_id,),) = driver.execute(_TICKET, params).fetchall()
    driver.execute(_AUDIT_SQLITE, {**params, "ticket_id": ticket_id})
    return int(ticket_id), None


# What the new ticket shows besides its number, read in three statements (the same rows as
# kiosk.services.queue_read's helpers read, without building them anew).
_LINE_SQL = (
    "SELECT l.code, l.name_vi, l.name_en, c.number, c.open_since FROM line l"
    " LEFT JOIN counter_line cl ON cl.line_id = l.id"
    " LEFT JOIN counter c ON c.id = cl.counter_id AND c.active"
    " WHERE l.id = :line_id ORDER BY c.number"
)
_WAITING_SQL = (
    "SELECT id, issued_at, priority_group FROM ticket"
    " WHERE status = :waiting AND line_id = :line_id AND service_day = :day"
)
_RECENT_SQL = (
    "SELECT called_at, started_at, finished_at FROM ticket"
    " WHERE line_id = :line_id AND status = :done AND finished_at >= :since"
    " ORDER BY finished_at DESC LIMIT :count"
)
_LINE_PG, _WAITING_PG, _RECENT_PG = map(compiled, (_LINE_SQL, _WAITING_SQL, _RECENT_SQL))


@dataclass(frozen=True, slots=True)
class LineNow:
    """A line as a new ticket on it needs it: names, desks, who waits, recent services."""

    code: str
    name_vi: str
    name_en: str
    counters: tuple[int, ...]
    open_counters: int
    waiting: list[Candidate]
    recent_minutes: list[float]


def line_now(conn: Connection, *, line_id: int, day: date, estimate: Estimate) -> LineNow:
    """The line's state for a ticket's estimate, in one read transaction."""
    sqlite = sqlite_of(conn)
    if sqlite is not None:
        return _line_now(*_read_on_sqlite(*sqlite, line_id=line_id, day=day, estimate=estimate))
    waiting, recent = _read_params(line_id=line_id, day=day, estimate=estimate)
    # The three reads in one round trip (psycopg's pipeline), in the transaction psycopg opens
    # for them.
    driver = driver_of(conn)
    with sqlalchemy_errors(conn, _LINE_PG, waiting), driver.pipeline():
        reads = _send_reads(driver, line_id=line_id, waiting=waiting, recent=recent)
    with sqlalchemy_errors(conn, _LINE_PG, waiting):
        return _line_now(*(cursor.fetchall() for cursor in reads))


def _read_params(
    *, line_id: int, day: date, estimate: Estimate
) -> tuple[dict[str, Any], dict[str, Any]]:
    waiting = {"waiting": TicketStatus.WAITING.value, "line_id": line_id, "day": day}
    recent = {
        "line_id": line_id,
        "done": TicketStatus.DONE.value,
        "since": estimate.since,
        "count": estimate.count,
    }
    return waiting, recent


def _send_reads(
    driver: psycopg.Connection[Any],
    *,
    line_id: int,
    waiting: dict[str, Any],
    recent: dict[str, Any],
) -> tuple[psycopg.Cursor[Any], psycopg.Cursor[Any], psycopg.Cursor[Any]]:
    # Inside a pipeline: sent, not yet answered. Times come in the session's zone: only
    # differences and order are used.
    return (
        driver.execute(_LINE_PG, {"line_id": line_id}),
        driver.execute(_WAITING_PG, waiting),
        driver.execute(_RECENT_PG, recent),
    )


def _read_on_sqlite(
    driver: sqlite3.Connection,
    convert: Converters,
    *,
    line_id: int,
    day: date,
    estimate: Estimate,
) -> tuple[Rows, Rows, Rows]:
    out = convert.time_out
    waiting, recent = _read_params(line_id=line_id, day=day, estimate=estimate)
    waiting["day"], recent["since"] = convert.day(day), convert.time_in(estimate.since)
    # One read transaction, as SQLAlchemy's own would be: the three reads agree.
    own = not driver.in_transaction
    if own:
        driver.execute("BEGIN")
    try:
        lines: Rows = [
            (*row[:4], out(row[4])) for row in driver.execute(_LINE_SQL, {"line_id": line_id})
        ]
        waited: Rows = [
            (i, out(at), group) for i, at, group in driver.execute(_WAITING_SQL, waiting)
        ]
        done: Rows = [tuple(map(out, row)) for row in driver.execute(_RECENT_SQL, recent)]
    finally:
        if own:
            driver.rollback()  # nothing was written
    return lines, waited, done


def _line_now(lines: Rows, waiting: Rows, recent: Rows) -> LineNow:
    code, name_vi, name_en = lines[0][:3]
    desks = [(number, open_since) for *_names, number, open_since in lines if number is not None]
    minutes = []
    for called, started, finished in recent:
        begin = started or called
        if begin is not None and finished is not None:
            minutes.append((finished - begin).total_seconds() / 60)
    return LineNow(
        code=code,
        name_vi=name_vi,
        name_en=name_en,
        counters=tuple(number for number, _open_since in desks),
        open_counters=sum(1 for _number, open_since in desks if open_since is not None),
        waiting=[Candidate(tid, issued, group is not None) for tid, issued, group in waiting],
        recent_minutes=minutes,
    )
