"""PostgreSQL: call-next, no-show and start each as one statement, audit entry and notice included.

One round trip per action, as the raw ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)``
of bench/queue.py's floor: the row is locked (call-next skips rows another desk holds, and waits
only when every row it could call is held: see ``_CALL_WAITING``), changed,
audited and announced by data-modifying CTEs, which PostgreSQL runs whether or not the final
SELECT reads them. The audit entry's JSON is built in SQL in exactly the text
``kiosk.services.changes`` writes (keys sorted, times as UTC ISO 8601), so an undo or a report
reads it like any other. SQLite, whose writers hold the one write lock anyway, uses
``calling_sql``'s two statements.

The statements run on psycopg's own cursor, compiled once at import (``kiosk.storage.pg_driver``):
with eight desks racing, SQLAlchemy's describing of each result cost the client as much as the
floor's whole call (bench/queue.py, P6).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.domain.enums import HelperKind, PriorityMode, TicketStatus
from kiosk.domain.visits import allowed_from, target_status
from kiosk.services.calling_sql import DESK_CTES, PRIORITY_ORDER, STAFF_CHECK, Picked, pick_params
from kiosk.storage.live import CHANNEL_SQL
from kiosk.storage.models import TICKET_WAITING
from kiosk.storage.pg_driver import compiled, driver_of, sqlalchemy_errors

_OLD_COLUMNS = """
    w.id, w.number, w.status, w.line_id, w.counter_id, w.recall_count, w.procedure_id,
    w.closing_reason, w.called_at, w.started_at, w.finished_at, w.service_day, w.issued_at,
    w.priority_group"""
# ``ticket_state``'s fields in json.dumps(sort_keys=True) order.
_FIELDS = (
    "called_at",
    "closing_reason",
    "counter_id",
    "finished_at",
    "line_id",
    "procedure_id",
    "recall_count",
    "started_at",
    "status",
)
_TIMES = ("called_at", "started_at", "finished_at")
_TEXTS = ("closing_reason", "status")
# datetime.isoformat() of an aware UTC time: microseconds only when there are some. (A colon
# before a word would be a parameter to SQLAlchemy's text(): those colons are escaped.)
_TIME_JSON = r"""COALESCE('"' || replace(to_char({x} AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24\:MI\:SS.US'), '.000000', '') || '+00\:00"', 'null')"""


def _value_json(name: str) -> str:
    column = f"old.{name}"
    if name in _TIMES:
        return _TIME_JSON.format(x=column)
    if name in _TEXTS:
        return f"COALESCE(to_json({column})::text, 'null')"
    return f"COALESCE({column}::text, 'null')"


def _state_json(overrides: Mapping[str, str]) -> str:
    """SQL for the JSON text of ``old``'s state, some fields replaced by SQL of their JSON."""
    parts = [f"""'"{name}": ' || {overrides.get(name) or _value_json(name)}""" for name in _FIELDS]
    return "'{' || " + " || ', ' || ".join(parts) + " || '}'"


# What the caller reads back (its answer and its checks): every column costs the client time
# to describe on every run, so only these (the audit entry was written in SQL).
_ANSWER = """old.id, old.number, old.status, old.counter_id, old.recall_count, old.procedure_id,
    old.called_at, old.started_at, old.service_day, old.issued_at, old.priority_group,
    old.desk_id, old.desk_number, old.allowed"""


@dataclass(frozen=True, slots=True)
class Answer:
    """What one statement reads back (``_ANSWER`` and the names): the ticket before, its desk."""

    id: int
    number: int
    status: str
    counter_id: int | None
    recall_count: int
    procedure_id: int | None
    called_at: datetime | None
    started_at: datetime | None
    service_day: date
    issued_at: datetime
    priority_group: str | None
    desk_id: int | None
    desk_number: int | None
    allowed: bool
    line_code: str
    line_vi: str
    line_en: str | None
    proc_vi: str | None
    proc_en: str | None
    notified: object  # pg_notify's void

    @classmethod
    def from_columns(cls, **columns: Any) -> Answer:
        """The row as psycopg gives it, times in UTC (psycopg gives the session's zone)."""
        for name in ("called_at", "started_at", "issued_at"):
            moment = columns[name]
            if moment is not None:
                columns[name] = moment.astimezone(UTC)
        return cls(**columns)


# The statements' columns in order: every statement here selects exactly these.
ANSWER_FIELDS = tuple(field.name for field in fields(Answer))


def _statement(old: str, sets: Mapping[str, str], overrides: Mapping[str, str]) -> str:
    """``old`` (a CTE named old, locking its row) changed by ``sets``, audited, announced."""
    assignments = ", ".join(f"{column} = {value}" for column, value in sets.items())
    sql = f"""{old},
moved AS (UPDATE ticket SET {assignments} FROM old WHERE ticket.id = old.id AND old.valid),
logged AS (
    INSERT INTO audit_entry (at, actor_helper_id, actor, action, entity, entity_id, before, after)
    SELECT :now, CAST(:helper_id AS INTEGER), :actor, :action, 'ticket', old.id,
           {_state_json({})}, {_state_json(overrides)}
    FROM old WHERE old.valid)
SELECT {_ANSWER}, l.code AS line_code, l.name_vi AS line_vi, l.name_en AS line_en,
       p.name_vi AS proc_vi, p.name_en AS proc_en,
       (SELECT pg_notify({CHANNEL_SQL}, 'ticket') WHERE old.valid) AS notified
FROM old JOIN line l ON l.id = old.line_id LEFT JOIN "procedure" p ON p.id = old.procedure_id
"""
    # One space for each run of white space (no literal here holds two): psycopg caches the
    # parsing of statements up to 4 KiB only.
    sql = " ".join(sql.split())
    return compiled(sql)  # psycopg types the values


def _call_statement(lock: str) -> str:
    return _statement(
        f"""{DESK_CTES}, old AS (
        SELECT {_OLD_COLUMNS}, (SELECT id FROM desk) AS desk_id,
               (SELECT number FROM desk) AS desk_number, TRUE AS allowed, TRUE AS valid
        FROM ticket w
        WHERE w.{TICKET_WAITING} AND w.service_day = :day
          AND w.line_id = ANY(ARRAY(
              SELECT cl.line_id FROM counter_line cl JOIN desk d ON cl.counter_id = d.id))
        ORDER BY {PRIORITY_ORDER}
        LIMIT 1 FOR UPDATE OF w {lock})""",
        {
            "status": ":status",
            "called_at": ":now",
            "counter_id": "old.desk_id",
            "recall_count": "0",
        },
        {
            "status": ":status_json",
            "called_at": ":now_json",
            "counter_id": "CAST(old.desk_id AS TEXT)",
            "recall_count": "'0'",
        },
    )


# Desks racing for the head of the queue each take a different ticket: rows another
# transaction holds are skipped. But the kiosk holds its new ticket's row for a moment too,
# writing whether it printed; when every ticket the desk could call is held, the desk waits
# for the holders instead of saying nobody waits while a number is on its screen. (A row
# another desk called in the meantime no longer matches after the wait and is passed over.)
_CALL = _call_statement("SKIP LOCKED")
_CALL_WAITING = _call_statement("")


def _move_statement(action: str, sets: Mapping[str, str], overrides: Mapping[str, str]) -> str:
    # The states come from the domain's own table, never from input.
    states = ", ".join(f"'{status.value}'" for status in sorted(allowed_from(action)))
    return _statement(
        f"""WITH old AS (
    SELECT {_OLD_COLUMNS}, cn.id AS desk_id, cn.number AS desk_number,
           {STAFF_CHECK} AS allowed, w.status IN ({states}) AND {STAFF_CHECK} AS valid
    FROM ticket w LEFT JOIN counter cn ON cn.id = w.counter_id
    WHERE w.id = :ticket_id FOR UPDATE OF w)""",
        {"status": ":status", **sets},
        {"status": ":status_json", **overrides},
    )


_MOVES = {
    "no_show": _move_statement("no_show", {}, {}),
    "start": _move_statement("start", {"started_at": ":now"}, {"started_at": ":now_json"}),
}


def call_next(
    conn: Connection,
    *,
    counter_number: int,
    day: date,
    mode: PriorityMode,
    window: int,
    now: datetime,
    actor_label: str,
    helper_id: int | None,
) -> tuple[Picked, dict[str, Any]] | None:
    """Call the desk's next ticket; (the row before, the new values), or None if none called."""
    params = {
        **pick_params(
            counter_number=counter_number, day=day, helper_id=helper_id, mode=mode, window=window
        ),
        **_write_params(TicketStatus.CALLED, now=now, actor_label=actor_label, action="call_next"),
    }
    row = _run(conn, _CALL, params)
    if row is None:
        row = _run(conn, _CALL_WAITING, params)
    if row is None:
        return None
    new = _values(row, status=TicketStatus.CALLED, called_at=now)
    new.update(counter_id=row.desk_id, recall_count=0)
    return Picked(row), new


def move(
    conn: Connection,
    *,
    ticket_id: int,
    action: str,
    now: datetime,
    actor_label: str,
    helper_id: int | None,
) -> tuple[Picked, dict[str, Any]] | None:
    """No-show or start: (the row before, the new values); None when there is no such ticket.

    Nothing is written unless the row's ``valid`` (its state allows ``action`` and the actor is
    active staff); the caller then raises the error that says why.
    """
    status = target_status(action)
    params = {
        "ticket_id": ticket_id,
        "helper_id": helper_id,
        "staff": HelperKind.STAFF.value,
        **_write_params(status, now=now, actor_label=actor_label, action=action),
    }
    row = _run(conn, _MOVES[action], params)
    if row is None:
        return None
    new = _values(row, status=status, called_at=row.called_at)
    if action == "start":
        new["started_at"] = now
    return Picked(row), new


def _write_params(
    status: TicketStatus, *, now: datetime, actor_label: str, action: str
) -> dict[str, object]:
    return {
        "status": status.value,
        "status_json": json.dumps(status.value),
        "now": now,
        "now_json": json.dumps(now.astimezone(UTC).isoformat()),
        "actor": actor_label,
        "action": action,
    }


def _run(conn: Connection, sql: str, params: Mapping[str, object]) -> Answer | None:
    """Run one of this module's statements on ``conn``'s psycopg connection; its one row."""
    with sqlalchemy_errors(conn, sql, params), driver_of(conn).cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        # By position: psycopg builds a description of every column each time one is asked
        # for, which eight desks racing felt (tests/services/test_pg_driver.py checks the
        # statements' column names against the fields).
        return Answer.from_columns(**dict(zip(ANSWER_FIELDS, row, strict=True)))


def _values(row: Answer, *, status: TicketStatus, called_at: datetime | None) -> dict[str, Any]:
    return {
        "status": status.value,
        "called_at": called_at,
        "started_at": row.started_at,
        "counter_id": row.counter_id,
        "recall_count": row.recall_count,
    }
