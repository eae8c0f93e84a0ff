"""Change notices and the health of the link to the database, without Qt.

Every program that shows shared state learns of changes here, and of a link that broke:

- PostgreSQL: each change sends ``NOTIFY`` in the same transaction (``notify_statement``), so
  a notice means a committed change. ``PostgresWatcher`` LISTENs on a dedicated connection and
  costs the server no transaction while idle: its heartbeat (every 0.5 s) is a bare protocol
  Sync, answered by ReadyForQuery, which starts no transaction. A heartbeat unanswered for
  1.5 s, a reset or a refused connection means the link is down; the watcher then reconnects
  every 0.5 s and, once back, reports one change (notices sent meanwhile were lost).
- SQLite: ``PRAGMA data_version`` changes when another connection commits. ``SqliteWatcher``
  reads it every 0.2 s on one connection in autocommit mode: no transaction per poll. A file
  that cannot be opened or read means the link is down.

The channel is named after the schema (``kiosk_changes:public``): two schemas on one server
(tests run in parallel, each in its own schema) never hear each other.

A watcher's ``run(stop)`` blocks, so a program runs it on a thread of its own and receives
``WatchEvents`` calls there. Link changes are logged once per change of state, never per try.
"""

from __future__ import annotations

import logging
import select
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import TextClause, text
from sqlalchemy.engine import make_url

from kiosk.storage.engine import SQLITE_BUSY_TIMEOUT_MS, is_sqlite, postgres_connect_args

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger(__name__)

# The same SQL expression names the channel for senders and listeners (63 bytes at most).
CHANNEL_SQL = "left('kiosk_changes:' || coalesce(current_schema(), ''), 63)"
# Checks for a stop request at least this often while waiting on the socket.
STOP_CHECK_S = 0.25


def notify_statement(topic: str) -> TextClause:
    """``NOTIFY`` for a change to ``topic`` (a table name), to run in the changing transaction."""
    return text(f"SELECT pg_notify({CHANNEL_SQL}, :topic)").bindparams(topic=topic)


@dataclass(frozen=True, slots=True)
class WatchTimings:
    """How often a watcher asks, and how long it waits for an answer."""

    heartbeat_s: float = 0.5
    reply_timeout_s: float = 1.5
    retry_s: float = 0.5
    sqlite_interval_s: float = 0.2


class WatchEvents(Protocol):
    """Where a watcher reports; called on the watcher's thread."""

    def changed(self) -> None:
        """Something was committed (or may have been, after the link came back)."""

    def link(self, up: bool, reason: str) -> None:
        """The database became reachable (``up``) or not; ``reason`` says why it is down."""


class LinkLostError(Exception):
    """The connection stopped answering."""


class _Watcher:
    """What both watchers share: the link state, reported and logged once per change."""

    def __init__(self, *, events: WatchEvents, timings: WatchTimings) -> None:
        self._events = events
        self.timings = timings
        self._up: bool | None = None
        self._down_since = 0.0

    def _report_up(self) -> None:
        if self._up is not True:
            if self._up is False:
                logger.warning(
                    "database reachable again after %.1f s", time.monotonic() - self._down_since
                )
            self._up = True
            self._events.link(True, "")
        self._events.changed()  # notices sent while we were away are lost: read again

    def _report_down(self, reason: str) -> None:
        if self._up is not False:
            logger.warning("database unreachable: %s", reason)
            self._up = False
            self._down_since = time.monotonic()
            self._events.link(False, reason)


class SqliteWatcher(_Watcher):
    """Reads ``PRAGMA data_version`` on one autocommit connection."""

    def __init__(self, path: Path, *, events: WatchEvents, timings: WatchTimings) -> None:
        super().__init__(events=events, timings=timings)
        self._path = path

    def run(self, stop: threading.Event) -> None:
        """Watch until ``stop`` is set."""
        while not stop.is_set():
            try:
                self._watch(stop)
            except (sqlite3.Error, OSError) as exc:
                self._report_down(str(exc) or type(exc).__name__)
                stop.wait(self.timings.retry_s)

    def _watch(self, stop: threading.Event) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit BEGIN, so the pragma reads outside a transaction.
        connection = sqlite3.connect(
            self._path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            seen = _data_version(connection)
            self._report_up()
            while not stop.wait(self.timings.sqlite_interval_s):
                version = _data_version(connection)
                if version != seen:
                    seen = version
                    self._events.changed()
        finally:
            connection.close()


def _data_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA data_version").fetchone()
    return int(row[0])


class PostgresWatcher(_Watcher):
    """LISTENs on a dedicated connection and proves the link with a heartbeat."""

    def __init__(
        self, url: str, *, app_name: str, events: WatchEvents, timings: WatchTimings
    ) -> None:
        super().__init__(events=events, timings=timings)
        self._conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)
        self._connect_args = postgres_connect_args(url, app_name=app_name)

    def run(self, stop: threading.Event) -> None:
        """Watch until ``stop`` is set."""
        import psycopg

        while not stop.is_set():
            try:
                connection = self._connect()
            except (psycopg.Error, OSError) as exc:
                self._report_down(_reason(exc))
                stop.wait(self.timings.retry_s)
                continue
            try:
                self._report_up()
                self._listen(connection, stop)
            except (LinkLostError, psycopg.Error, OSError) as exc:
                self._report_down(_reason(exc))
            finally:
                connection.close()

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        import psycopg
        from psycopg import sql

        connection = psycopg.connect(self._conninfo, autocommit=True, **self._connect_args)
        try:
            row = connection.execute(f"SELECT {CHANNEL_SQL}").fetchone()
            assert row is not None
            connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(str(row[0]))))
        except BaseException:
            connection.close()
            raise
        return connection

    def _listen(
        self, connection: psycopg.Connection[tuple[object, ...]], stop: threading.Event
    ) -> None:
        """Wait for notices; send a heartbeat every ``heartbeat_s`` and expect its answer."""
        pgconn = connection.pgconn
        timings = self.timings
        next_beat = time.monotonic() + timings.heartbeat_s
        sent_at: float | None = None
        while not stop.is_set():
            now = time.monotonic()
            if sent_at is None and now >= next_beat:
                _send_sync(pgconn)
                sent_at = now
            deadline = next_beat if sent_at is None else sent_at + timings.reply_timeout_s
            wait_s = min(max(deadline - now, 0.0), STOP_CHECK_S)
            readable, _w, _x = select.select([pgconn.socket], [], [], wait_s)
            if readable:
                pgconn.consume_input()
                if _drain_notices(pgconn):
                    self._events.changed()
                if sent_at is not None and _sync_answered(pgconn):
                    sent_at, next_beat = None, time.monotonic() + timings.heartbeat_s
            elif sent_at is not None and time.monotonic() - sent_at > timings.reply_timeout_s:
                raise LinkLostError(f"no answer from the server in {timings.reply_timeout_s:g} s")


def _send_sync(pgconn: psycopg.pq.abc.PGconn) -> None:
    """A protocol Sync on its own: the server answers ReadyForQuery, with no transaction."""
    pgconn.enter_pipeline_mode()
    pgconn.pipeline_sync()
    while pgconn.flush() == 1:  # the socket buffer is full: the link is in trouble anyway
        select.select([], [pgconn.socket], [], STOP_CHECK_S)


def _sync_answered(pgconn: psycopg.pq.abc.PGconn) -> bool:
    """True (and out of pipeline mode) once the Sync's answer has arrived."""
    from psycopg import pq

    while not pgconn.is_busy():
        result = pgconn.get_result()
        if result is None:
            return False
        if result.status == pq.ExecStatus.PIPELINE_SYNC:
            pgconn.exit_pipeline_mode()
            return True
    return False


def _drain_notices(pgconn: psycopg.pq.abc.PGconn) -> bool:
    heard = False
    while pgconn.notifies() is not None:
        heard = True
    return heard


def _reason(exc: BaseException) -> str:
    first_line = str(exc).strip().splitlines()
    return first_line[0] if first_line else type(exc).__name__


class MemoryWatcher(_Watcher):
    """An in-memory SQLite database has one connection: nothing else can change it."""

    def run(self, stop: threading.Event) -> None:
        """Report the link up once, then wait for ``stop``."""
        self._report_up()
        stop.wait()


def make_watcher(
    url: str, *, app_name: str, events: WatchEvents, timings: WatchTimings | None = None
) -> SqliteWatcher | PostgresWatcher | MemoryWatcher:
    """The watcher for a database URL."""
    timings = timings or WatchTimings()
    if is_sqlite(url):
        database = make_url(url).database or ""
        if database in ("", ":memory:"):
            return MemoryWatcher(events=events, timings=timings)
        return SqliteWatcher(Path(database), events=events, timings=timings)
    return PostgresWatcher(url, app_name=app_name, events=events, timings=timings)
