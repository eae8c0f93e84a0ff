"""The desk's hot path as few statements as it can be: call next, no-show, start.

Eight desks calling at once spend their time in round trips and in the ORM, so these three
actions skip both. On SQLite (here) one statement picks the ticket together with everything the
answer and the audit need, and two more write the change and its audit entry, on sqlite3's own
connection (``kiosk.storage.sqlite_driver``); PostgreSQL does all of it in one statement
(``calling_pg``, ``FOR UPDATE SKIP LOCKED``) built from the parts shared here.

The picking statement applies the whole rule of ``call_next`` in SQL: the counter must exist,
be active and be free; a helper actor must be active staff; the lines are the counter's; the
order is ``kiosk.domain.priority.choose_next`` (priority first unless the desk has just called
``priority_per_regular`` priority tickets in a row, or always under the strict mode; then issue
time, then id). When it finds nothing the caller asks the slow path why, so every refusal keeps
its error code and message.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy.engine import Connection

from kiosk.domain.enums import HelperKind, PriorityMode, TicketStatus
from kiosk.domain.views import LocalText, TicketView
from kiosk.storage.models import TICKET_AT_DESK, TICKET_WAITING
from kiosk.storage.sqlite_driver import Converters, sqlite_of

# The ticket's columns an audit entry records (kiosk.services.ticket_state), then the names the
# answer shows. "procedure" is quoted: it is a keyword on PostgreSQL.
_TICKET_COLUMNS = """
    t.id, t.number, t.status, t.line_id, t.counter_id, t.recall_count, t.procedure_id,
    t.closing_reason, t.called_at, t.started_at, t.finished_at, t.service_day, t.issued_at,
    t.priority_group, l.code AS line_code, l.name_vi AS line_vi, l.name_en AS line_en,
    p.name_vi AS proc_vi, p.name_en AS proc_en
"""
_TICKET_JOINS = """
    JOIN line l ON l.id = t.line_id
    LEFT JOIN "procedure" p ON p.id = t.procedure_id
"""
STAFF_CHECK = """
    (CAST(:helper_id AS INTEGER) IS NULL OR EXISTS (
        SELECT 1 FROM helper h
        WHERE h.id = CAST(:helper_id AS INTEGER) AND h.active AND h.kind = :staff))
"""


# The counter (active, free, and the actor active staff), and its last ``window`` calls today:
# the desk owes a regular ticket when all of them were priority tickets (``priority_streak``).
# Whether the desk is free is read through the partial index of the tickets desks hold
# (``TICKET_AT_DESK``), the waiting tickets through that of the waiting ones.
DESK_CTES = f"""
WITH desk AS (
    SELECT c.id, c.number FROM counter c
    WHERE c.number = :number AND c.active
      AND NOT EXISTS (
          SELECT 1 FROM ticket b
          WHERE b.counter_id = c.id AND b.service_day = :day AND b.{TICKET_AT_DESK})
      AND {STAFF_CHECK}
), recent AS (
    SELECT s.priority_group FROM ticket s
    WHERE s.counter_id = (SELECT id FROM desk) AND s.service_day = :day
      AND s.called_at IS NOT NULL
    ORDER BY s.called_at DESC LIMIT :window
)"""
# ``choose_next``'s order: priority first unless the desk owes a regular ticket.
PRIORITY_ORDER = """
    CASE WHEN CAST(:strict AS BOOLEAN) OR (SELECT count(priority_group) FROM recent) < :window
         THEN w.priority_group IS NULL ELSE w.priority_group IS NOT NULL END,
    w.issued_at, w.id"""


def _pick_sql(lock: str) -> str:
    return f"""{DESK_CTES}, chosen AS (
    SELECT w.id FROM ticket w
    WHERE w.{TICKET_WAITING} AND w.service_day = :day
      AND w.line_id IN (SELECT cl.line_id FROM counter_line cl JOIN desk ON cl.counter_id = desk.id)
    ORDER BY {PRIORITY_ORDER}
    LIMIT 1{lock}
)
SELECT {_TICKET_COLUMNS}, desk.id AS desk_id, desk.number AS desk_number
FROM chosen JOIN ticket t ON t.id = chosen.id {_TICKET_JOINS} CROSS JOIN desk
"""


# SQLite's write transaction (BEGIN IMMEDIATE) already keeps every other writer out: no row
# locks. PostgreSQL runs its own single statements (``calling_pg``).
_PICK = _pick_sql("")
_LOCK_ONE = (
    f"SELECT {_TICKET_COLUMNS}, {STAFF_CHECK} AS allowed, cn.number AS desk_number"
    f" FROM ticket t {_TICKET_JOINS} LEFT JOIN counter cn ON cn.id = t.counter_id"
    " WHERE t.id = :ticket_id"
)
_UPDATE = (
    "UPDATE ticket SET status = :status, called_at = :called_at, started_at = :started_at,"
    " counter_id = :counter_id, recall_count = :recall_count WHERE id = :ticket_id"
)
_AUDIT = (
    "INSERT INTO audit_entry (at, actor_helper_id, actor, action, entity, entity_id, before,"
    " after) VALUES (:now, :helper_id, :actor, :action, 'ticket', :ticket_id, :before, :after)"
)
_TIMES = ("called_at", "started_at", "finished_at", "issued_at")


@dataclass(frozen=True, slots=True)
class Picked:
    """A ticket row read for a change: its state before, and the names its view shows."""

    # SQLite's row (``_one``), or PostgreSQL's ``calling_pg.Answer``: both read by column name
    # (``state`` needs the columns only SQLite's pick reads; PostgreSQL audits in SQL).
    row: Any

    @property
    def state(self) -> dict[str, object]:
        """The audit log's form of the ticket (the same as ``ticket_state``)."""
        row = self.row
        state: dict[str, object] = {
            "status": row.status,
            "line_id": row.line_id,
            "counter_id": row.counter_id,
            "recall_count": row.recall_count,
            "procedure_id": row.procedure_id,
            "closing_reason": row.closing_reason,
        }
        for name in ("called_at", "started_at", "finished_at"):
            moment: datetime | None = getattr(row, name)
            state[name] = None if moment is None else moment.isoformat()
        return state


def pick_next(
    conn: Connection,
    *,
    counter_number: int,
    day: date,
    helper_id: int | None,
    mode: PriorityMode,
    window: int,
) -> Picked | None:
    """The ticket this desk calls next, locked; ``None`` when none (or the desk may not)."""
    params = pick_params(
        counter_number=counter_number, day=day, helper_id=helper_id, mode=mode, window=window
    )
    row = _one(conn, _PICK, params)
    return None if row is None else Picked(row)


def pick_params(
    *, counter_number: int, day: date, helper_id: int | None, mode: PriorityMode, window: int
) -> dict[str, object]:
    """The parameters of ``DESK_CTES`` and ``PRIORITY_ORDER``."""
    return {
        "number": counter_number,
        "day": day,
        "helper_id": helper_id,
        "staff": HelperKind.STAFF.value,
        "strict": mode is PriorityMode.STRICT,
        "window": window,
    }


def lock_ticket(conn: Connection, *, ticket_id: int, helper_id: int | None) -> Picked | None:
    """One ticket; ``None`` when there is none or the actor may not."""
    row = _one(
        conn,
        _LOCK_ONE,
        {"ticket_id": ticket_id, "helper_id": helper_id, "staff": HelperKind.STAFF.value},
    )
    return None if row is None or not row.allowed else Picked(row)


def _one(conn: Connection, sql: str, params: Mapping[str, object]) -> SimpleNamespace | None:
    """The one row ``sql`` reads on SQLite's own connection, read by name, times in UTC."""
    driver, convert = _driver(conn)
    cursor = driver.execute(sql, convert.bind(params))
    rows = cursor.fetchall()  # stepped to its end: nothing pending at the commit
    if not rows:
        return None
    row = SimpleNamespace(**dict(zip((d[0] for d in cursor.description), rows[0], strict=True)))
    for name in _TIMES:
        setattr(row, name, convert.time_out(getattr(row, name)))
    row.service_day = convert.day_out(row.service_day)
    return row


def _driver(conn: Connection) -> tuple[sqlite3.Connection, Converters]:
    sqlite = sqlite_of(conn)
    assert sqlite is not None, "calling_sql's statements are SQLite's (calling_pg: PostgreSQL)"
    return sqlite


def write_change(
    conn: Connection,
    picked: Picked,
    *,
    changes: Mapping[str, Any],
    action: str,
    actor_label: str,
    helper_id: int | None,
    now: datetime,
) -> dict[str, Any]:
    """Write the ticket's new status/times/counter with its audit entry; the new values."""
    row = picked.row
    new: dict[str, Any] = {
        "status": row.status,
        "called_at": row.called_at,
        "started_at": row.started_at,
        "counter_id": row.counter_id,
        "recall_count": row.recall_count,
        **changes,
    }
    before = picked.state
    after = {**before, **_audit_form(new)}
    params = {
        **new,
        "ticket_id": row.id,
        "now": now,
        "helper_id": helper_id,
        "actor": actor_label,
        "action": action,
        "before": _json(before),
        "after": _json(after),
    }
    driver, convert = _driver(conn)
    bound = convert.bind(params)
    driver.execute(_UPDATE, bound)
    driver.execute(_AUDIT, bound)
    return new


def view_after(picked: Picked, new: Mapping[str, Any], *, counter_number: int | None) -> TicketView:
    """The ticket as the desk shows it after the change."""
    row = picked.row
    procedure = LocalText(row.proc_vi, row.proc_en or "") if row.procedure_id is not None else None
    return TicketView(
        id=row.id,
        number=row.number,
        line_code=row.line_code,
        line_name=LocalText(row.line_vi, row.line_en or ""),
        status=TicketStatus(new["status"]),
        service_day=row.service_day,
        issued_at=row.issued_at,
        procedure=procedure,
        priority_group=row.priority_group,
        called_at=new["called_at"],
        counter_number=counter_number,
        recall_count=new["recall_count"],
    )


def _audit_form(values: Mapping[str, Any]) -> dict[str, object]:
    # Times as the database gives them back: UTC, ISO 8601 (what ``ticket_state`` writes).
    return {
        name: value.astimezone(UTC).isoformat() if isinstance(value, datetime) else value
        for name, value in values.items()
    }


def _json(value: Mapping[str, Any]) -> str:
    # The same text as kiosk.services.changes writes for every other entry.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
