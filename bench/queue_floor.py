"""The floor of bench/queue.py: the queue's writes as raw SQL, each its own transaction.

Issue: the day's sequence upserted and the ticket inserted. Call-next: the oldest waiting
ticket taken in one UPDATE whose subquery picks it (on PostgreSQL with ``FOR UPDATE SKIP
LOCKED``, so racing desks skip a row another holds instead of queueing on it; SQLite takes its
one write lock with ``BEGIN IMMEDIATE``, as the kiosk does). No-show: the status set. The
tickets live on a service day of their own (``FLOOR_DAY``), so they never mix with the kiosk's.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

FLOOR_DAY = "2001-01-01"


class FloorSql:
    """The raw statements on the kiosk's write engine (same pool, same settings)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine.execution_options(sqlite_immediate=True)
        skip_locked = " FOR UPDATE SKIP LOCKED" if engine.dialect.name == "postgresql" else ""
        self._call = text(
            "UPDATE ticket SET status = 'called', called_at = CURRENT_TIMESTAMP,"
            " counter_id = :counter WHERE id = (SELECT id FROM ticket WHERE status = 'waiting'"
            f" AND service_day = '{FLOOR_DAY}' ORDER BY issued_at, id LIMIT 1{skip_locked})"
            " RETURNING id"
        )
        self._upsert = text(
            "INSERT INTO ticket_sequence (line_id, service_day, last_number)"
            f" VALUES (:line, '{FLOOR_DAY}', 1) ON CONFLICT (line_id, service_day)"
            " DO UPDATE SET last_number = ticket_sequence.last_number + 1 RETURNING last_number"
        )
        self._insert = text(
            "INSERT INTO ticket (issue_line_id, line_id, service_day, sequence, number, status,"
            f" issued_at, recall_count, print_status) VALUES (:line, :line, '{FLOOR_DAY}', :seq,"
            " :number, 'waiting', CURRENT_TIMESTAMP, 0, 'printed')"
        )
        self._no_show = text("UPDATE ticket SET status = 'no_show' WHERE id = :id")
        self.line_id = 0
        self.counters: dict[int, int] = {}

    def prepare(self) -> None:
        """Read line A's id and the counters' ids (the config synced them)."""
        with self.engine.connect() as conn:
            self.line_id = conn.execute(text("SELECT id FROM line WHERE code = 'A'")).scalar_one()
            self.counters = dict(conn.execute(text("SELECT number, id FROM counter")).all())

    def issue(self) -> None:
        """One ticket on line A of the floor's day."""
        if not self.line_id:
            self.prepare()
        with self.engine.begin() as conn:
            seq = conn.execute(self._upsert, {"line": self.line_id}).scalar_one()
            conn.execute(self._insert, {"line": self.line_id, "seq": seq, "number": f"A{seq:03d}"})

    def call_next(self, *, counter_number: int) -> int | None:
        """The oldest waiting ticket of the floor's day, called; None when none waits."""
        if not self.counters:
            self.prepare()
        with self.engine.begin() as conn:
            row = conn.execute(self._call, {"counter": self.counters[counter_number]}).first()
        return None if row is None else int(row[0])

    def no_show(self, ticket_id: int) -> None:
        """The called ticket marked no-show."""
        with self.engine.begin() as conn:
            conn.execute(self._no_show, {"id": ticket_id})
