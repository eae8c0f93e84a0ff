"""Issuing a ticket in as few statements as it can be, built once (the kiosk's tap, P2).

Inside the write transaction only what the ticket needs: the line's next number taken by one
upsert that also finds the line (``INSERT … SELECT … ON CONFLICT … RETURNING``), then the ticket
with its audit entry (on PostgreSQL with the change notice too, in the same round trip). What
the visitor reads besides the number (the line's name, its desks, the people ahead and the wait)
is read after the commit, so the write lock is held for the writes alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import BindParameter, Date, Integer, String, bindparam, text
from sqlalchemy.engine import Connection

from kiosk.domain.enums import TicketStatus
from kiosk.domain.priority import Candidate
from kiosk.storage.live import CHANNEL_SQL
from kiosk.storage.models import UtcDateTime

# SQLite reads ``ON CONFLICT`` after ``INSERT … SELECT`` right only when the SELECT has a WHERE.
_NEXT_NUMBER = text(
    "INSERT INTO ticket_sequence (line_id, service_day, last_number)"
    " SELECT l.id, :day, 1 FROM line l WHERE l.code = :code AND l.active"
    " ON CONFLICT (line_id, service_day)"
    " DO UPDATE SET last_number = ticket_sequence.last_number + 1"
    " RETURNING line_id, last_number"
).bindparams(bindparam("day", type_=Date()))

_TICKET = (
    "INSERT INTO ticket (issue_line_id, line_id, procedure_id, service_day, sequence, number,"
    " priority_group, status, issued_at, recall_count, print_status)"
    " VALUES (:line_id, :line_id, :procedure_id, :day, :sequence, :number, :group, :status,"
    " :now, 0, 'pending') RETURNING id"
)
_AUDIT_VALUES = ":now, :helper_id, :actor, 'issue', 'ticket'"
_AUDIT_COLUMNS = "at, actor_helper_id, actor, action, entity, entity_id, before, after"
_TYPES: list[BindParameter[Any]] = [
    bindparam("day", type_=Date()),
    bindparam("now", type_=UtcDateTime()),
    bindparam("procedure_id", type_=Integer()),
    bindparam("group", type_=String()),
    bindparam("helper_id", type_=Integer()),
]
# PostgreSQL: the ticket, its audit entry and the notice in one round trip.
_TICKET_PG = text(
    f"WITH made AS ({_TICKET}), logged AS (INSERT INTO audit_entry ({_AUDIT_COLUMNS})"
    f" SELECT {_AUDIT_VALUES}, made.id, '', :after FROM made)"
    f" SELECT made.id, pg_notify({CHANNEL_SQL}, 'ticket') FROM made"
).bindparams(*_TYPES)
_TICKET_SQLITE = text(_TICKET).bindparams(*_TYPES[:4])
_AUDIT_SQLITE = text(
    f"INSERT INTO audit_entry ({_AUDIT_COLUMNS}) VALUES ({_AUDIT_VALUES}, :ticket_id, '', :after)"
).bindparams(*_TYPES[1:2], _TYPES[4])


@dataclass(frozen=True, slots=True)
class Issued:
    """The committed ticket's own values."""

    id: int
    line_id: int
    sequence: int


def next_number(conn: Connection, *, line_code: str, day: date) -> tuple[int, int] | None:
    """(line id, its next sequence number today); ``None`` when no such active line."""
    row = conn.execute(_NEXT_NUMBER, {"code": line_code, "day": day}).first()
    return None if row is None else (int(row.line_id), int(row.last_number))


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
) -> int:
    """Insert the waiting ticket and its "issue" audit entry; the ticket's id."""
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
    if conn.dialect.name == "postgresql":
        return int(conn.execute(_TICKET_PG, params).scalar_one())
    ticket_id = int(conn.execute(_TICKET_SQLITE, params).scalar_one())
    conn.execute(_AUDIT_SQLITE, {**params, "ticket_id": ticket_id})
    return ticket_id


# What the new ticket shows besides its number, read after the commit in three statements
# (the same rows as kiosk.services.queue_read's helpers read, without building them anew).
_LINE = text(
    "SELECT l.code, l.name_vi, l.name_en, c.number, c.open_since FROM line l"
    " LEFT JOIN counter_line cl ON cl.line_id = l.id"
    " LEFT JOIN counter c ON c.id = cl.counter_id AND c.active"
    " WHERE l.id = :line_id ORDER BY c.number"
).columns(open_since=UtcDateTime())
_WAITING = (
    text(
        "SELECT id, issued_at, priority_group FROM ticket"
        " WHERE status = :waiting AND line_id = :line_id AND service_day = :day"
    )
    .bindparams(bindparam("day", type_=Date()))
    .columns(issued_at=UtcDateTime())
)
_RECENT = (
    text(
        "SELECT called_at, started_at, finished_at FROM ticket"
        " WHERE line_id = :line_id AND status = :done AND finished_at >= :since"
        " ORDER BY finished_at DESC LIMIT :count"
    )
    .bindparams(bindparam("since", type_=UtcDateTime()))
    .columns(called_at=UtcDateTime(), started_at=UtcDateTime(), finished_at=UtcDateTime())
)


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


def line_now(conn: Connection, *, line_id: int, day: date, since: datetime, count: int) -> LineNow:
    """The line's state for a ticket's estimate (finished visits since ``since``, ``count``)."""
    rows = conn.execute(_LINE, {"line_id": line_id}).all()
    desks = [row for row in rows if row.number is not None]
    waiting = conn.execute(
        _WAITING, {"waiting": TicketStatus.WAITING.value, "line_id": line_id, "day": day}
    )
    recent = conn.execute(
        _RECENT,
        {"line_id": line_id, "done": TicketStatus.DONE.value, "since": since, "count": count},
    )
    minutes = []
    for called, started, finished in recent:
        begin = started or called
        if begin is not None and finished is not None:
            minutes.append((finished - begin).total_seconds() / 60)
    return LineNow(
        code=rows[0].code,
        name_vi=rows[0].name_vi,
        name_en=rows[0].name_en,
        counters=tuple(row.number for row in desks),
        open_counters=sum(1 for row in desks if row.open_since is not None),
        waiting=[Candidate(tid, issued, group is not None) for tid, issued, group in waiting],
        recent_minutes=minutes,
    )
