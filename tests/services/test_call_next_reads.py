"""A desk's call-next does the same work at five in the afternoon as at eight in the morning.

Its pick reads the day's waiting tickets and its free-desk check the tickets desks hold, each
through a partial index (``kiosk.storage.models``), never the whole day. Before those indexes
both walked every ticket of the day (``ix_ticket_day``) on each call: on SQLite always, on
PostgreSQL under the generic plan a desk's prepared statement runs from its sixth call on
(psycopg prepares it), which cost eight racing desks a fifth of their calls (bench/queue.py,
P6).

Measured as work, not time: SQLite's virtual-machine steps for the pick (a progress handler),
PostgreSQL's ticket rows read by the whole call (``pg_stat_xact_user_tables``), first on a day
with few closed tickets, then after 600 more.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection

from kiosk.domain.clock import service_day
from kiosk.domain.enums import PriorityMode, TicketStatus
from kiosk.services import calling_pg, calling_sql
from kiosk.services.context import AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import Ticket
from kiosk.storage.sqlite_driver import sqlite_of

CLOSED_LATER = 600
PAST_DAYS = 20


def _closed_tickets(ctx: AppContext, *, day: date, count: int, first: int) -> None:
    """``count`` tickets of ``day`` that desk 1 called and closed as no-shows."""
    with ctx.db.write_engine.begin() as conn:
        line_id = conn.execute(text("SELECT id FROM line WHERE code = 'A'")).scalar_one()
        desk_id = conn.execute(text("SELECT id FROM counter WHERE number = 1")).scalar_one()
        at = datetime.combine(day, datetime.min.time()).replace(tzinfo=ctx.tz)
        rows = [
            {
                "issue_line_id": line_id,
                "line_id": line_id,
                "service_day": day,
                "sequence": first + n,
                "number": f"A{first + n:04d}",
                "status": TicketStatus.NO_SHOW.value,
                "issued_at": at,
                "called_at": at,
                "counter_id": desk_id,
                "recall_count": 0,
                "print_status": "printed",
            }
            for n in range(count)
        ]
        conn.execute(insert(Ticket), rows)


def _sqlite_steps(ctx: AppContext, day: date) -> int:
    """The virtual-machine steps of desk 1's pick (the writes after it do not grow)."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0  # go on

    with ctx.db.write_engine.connect() as conn:
        found = sqlite_of(conn)
        assert found is not None
        raw: sqlite3.Connection = found[0]
        raw.set_progress_handler(count, 1)
        try:
            picked = calling_sql.pick_next(
                conn,
                counter_number=1,
                day=day,
                helper_id=None,
                mode=PriorityMode.RATIO,
                window=3,
            )
        finally:
            raw.set_progress_handler(None, 1)
        conn.rollback()
    assert picked is not None and picked.row.status == TicketStatus.WAITING.value
    return steps


def _postgres_rows(ctx: AppContext, day: date) -> int:
    """The ticket rows desk 1's whole call reads, under the plan of a prepared statement."""
    read = text(
        "SELECT seq_tup_read + idx_tup_fetch FROM pg_stat_xact_user_tables"
        " WHERE relname = 'ticket' AND schemaname = current_schema()"  # not other tests' schemas
    )
    with ctx.db.write_engine.connect() as conn:
        conn.execute(text("ANALYZE ticket"))
        conn.execute(text("SET LOCAL plan_cache_mode = force_generic_plan"))
        before = conn.execute(read).scalar_one()
        called = _call(conn, ctx, day)
        after = conn.execute(read).scalar_one()
        conn.rollback()
    assert called is not None
    return int(after - before)


def _call(conn: Connection, ctx: AppContext, day: date) -> object:
    return calling_pg.call_next(
        conn,
        counter_number=1,
        day=day,
        mode=PriorityMode.RATIO,
        window=3,
        now=ctx.clock(),
        actor_label="Quầy 1",
        helper_id=None,
    )


def test_a_call_reads_no_more_on_a_long_day(ctx: AppContext) -> None:
    today = service_day(ctx.clock(), ctx.tz)
    for back in range(1, PAST_DAYS + 1):  # history a real database has
        _closed_tickets(ctx, day=today - timedelta(days=back), count=CLOSED_LATER, first=1)
    _closed_tickets(ctx, day=today, count=5, first=1000)
    for _ in range(3):
        issue_ticket(ctx, line_code="A")  # the sequence's 1-3: the closed ones are 1000 on
    work = _sqlite_steps if ctx.db.write_engine.dialect.name == "sqlite" else _postgres_rows

    morning = work(ctx, today)
    _closed_tickets(ctx, day=today, count=CLOSED_LATER, first=2000)
    afternoon = work(ctx, today)

    # Walking the day would add at least one step (or row) per closed ticket, for each of the
    # two reads; what a partial index adds is a level of its tree at most.
    assert afternoon - morning < CLOSED_LATER // 10, (morning, afternoon)
