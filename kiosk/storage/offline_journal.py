"""The kiosk's own journal: numbers set aside for it, and tickets issued while the server is gone.

A small SQLite file on the kiosk PC, read and written with the standard library only (it must
work when nothing else does). Every change is one ``BEGIN IMMEDIATE`` transaction with
``synchronous=FULL``, so a ticket shown to a visitor is on disk, and a power cut or ``kill -9``
loses nothing. Numbers come only from blocks the server set aside for this kiosk
(``kiosk.services.offline_kiosk.reserve_blocks``), each taken once, in order.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.domain.numbering import format_ticket_number
from kiosk.private_files import open_private, private_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS block (
    line_code TEXT NOT NULL,
    service_day TEXT NOT NULL,
    first_sequence INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,
    next_sequence INTEGER NOT NULL,
    PRIMARY KEY (line_code, service_day, first_sequence)
);
CREATE TABLE IF NOT EXISTS ticket (
    uuid TEXT PRIMARY KEY,
    line_code TEXT NOT NULL,
    service_day TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    number TEXT NOT NULL,
    priority_group TEXT,
    procedure_code TEXT,
    issued_at TEXT NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0,
    UNIQUE (line_code, service_day, sequence)
);
"""
BUSY_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class JournalTicket:
    """A ticket issued from the journal, as it will be uploaded."""

    uuid: str
    line_code: str
    service_day: date
    sequence: int
    number: str
    priority_group: str | None
    procedure_code: str | None
    issued_at: datetime


class OfflineJournal:
    """One kiosk's journal file; safe to use from any thread (a connection per call)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        private_dir(path.parent)
        if not path.exists():
            open_private(path).close()
        with self._connect() as connection:
            connection.executescript(SCHEMA)
        with self._transaction() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()
            if row is None:
                # Names this kiosk's blocks on the server; kept with the journal it belongs to.
                row = (f"kiosk-{uuid.uuid4().hex[:16]}",)
                connection.execute("INSERT INTO meta VALUES ('kiosk_id', ?)", row)
        self.kiosk_id: str = str(row[0])

    def add_block(self, *, line_code: str, service_day: date, first: int, last: int) -> None:
        """Keep numbers ``first``..``last`` the server set aside for this kiosk; older days go."""
        with self._transaction() as connection:
            connection.execute(
                "DELETE FROM block WHERE service_day < ?", (service_day.isoformat(),)
            )
            connection.execute(
                "INSERT OR IGNORE INTO block VALUES (?, ?, ?, ?, ?)",
                (line_code, service_day.isoformat(), first, last, first),
            )

    def numbers_left(self, *, line_code: str, service_day: date) -> int:
        """How many numbers of the line and day this kiosk may still issue offline."""
        with self._connect() as connection:
            row = connection.execute(
                "SELECT coalesce(sum(last_sequence - next_sequence + 1), 0) FROM block"
                " WHERE line_code = ? AND service_day = ?",
                (line_code, service_day.isoformat()),
            ).fetchone()
        return int(row[0])

    def issue(
        self,
        *,
        line_code: str,
        service_day: date,
        issued_at: datetime,
        priority_group: str | None = None,
        procedure_code: str | None = None,
    ) -> JournalTicket | None:
        """Take the next number set aside for the line and day, and record the ticket.

        Returns:
            The ticket, on disk; None when no number is left for this line and day.
        """
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT first_sequence, next_sequence FROM block"
                " WHERE line_code = ? AND service_day = ? AND next_sequence <= last_sequence"
                " ORDER BY first_sequence LIMIT 1",
                (line_code, service_day.isoformat()),
            ).fetchone()
            if row is None:
                return None
            first, sequence = int(row[0]), int(row[1])
            connection.execute(
                "UPDATE block SET next_sequence = next_sequence + 1"
                " WHERE line_code = ? AND service_day = ? AND first_sequence = ?",
                (line_code, service_day.isoformat(), first),
            )
            ticket = JournalTicket(
                uuid=str(uuid.uuid4()),
                line_code=line_code,
                service_day=service_day,
                sequence=sequence,
                number=format_ticket_number(line_code, sequence),
                priority_group=priority_group,
                procedure_code=procedure_code,
                issued_at=issued_at,
            )
            connection.execute(
                "INSERT INTO ticket VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    ticket.uuid,
                    line_code,
                    service_day.isoformat(),
                    sequence,
                    ticket.number,
                    priority_group,
                    procedure_code,
                    issued_at.isoformat(),
                ),
            )
        return ticket

    def pending(self) -> list[JournalTicket]:
        """Tickets not yet on the server, oldest first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT uuid, line_code, service_day, sequence, number, priority_group,"
                " procedure_code, issued_at FROM ticket WHERE uploaded = 0"
                " ORDER BY issued_at, rowid"
            ).fetchall()
        return [
            JournalTicket(
                uuid=row[0],
                line_code=row[1],
                service_day=date.fromisoformat(row[2]),
                sequence=int(row[3]),
                number=row[4],
                priority_group=row[5],
                procedure_code=row[6],
                issued_at=datetime.fromisoformat(row[7]),
            )
            for row in rows
        ]

    def mark_uploaded(self, ticket_uuid: str) -> None:
        """The server holds this ticket now."""
        with self._transaction() as connection:
            connection.execute("UPDATE ticket SET uploaded = 1 WHERE uuid = ?", (ticket_uuid,))

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
