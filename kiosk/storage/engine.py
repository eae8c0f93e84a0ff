"""Engines and session factories: SQLite pragmas on every connection, PostgreSQL via psycopg."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from kiosk.private_files import make_private, open_private, private_dir
from kiosk.storage.busy import WRITE_DEADLINE_S, BusyWait

# Statements other than a write's BEGIN IMMEDIATE (which ``BusyWait`` retries with its own
# fair backoff) let SQLite wait this long for a lock.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would otherwise pick psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    """True for an SQLite URL."""
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, echo: bool = False, busy: BusyWait | None = None) -> Engine:
    """An engine with the pragmas and transaction behaviour the queue relies on.

    Args:
        url: The database URL.
        echo: Log every statement.
        busy: Retries SQLite write transactions and reports the wait; a new one if None.
    """
    url = normalise_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        turnstile: Path | None = None
        if database and database != ":memory:":
            _private_database_file(Path(database))
            turnstile = Path(f"{database}.writers")
        engine = create_engine(
            url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        busy = busy if busy is not None else BusyWait()
        busy.use_turnstile(turnstile)
        _setup_sqlite(engine, busy)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _private_database_file(path: Path) -> None:
    """Folder 0700 and database 0600 before SQLite opens it.

    SQLite gives the -wal and -shm files the database's mode; older ones are tightened too.
    """
    private_dir(path.parent)
    if not path.exists():
        open_private(path).close()  # an empty file is an empty SQLite database
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(file)


def _setup_sqlite(engine: Engine, busy: BusyWait) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the database lock up front, so two kiosks or desks in different
        # processes never read the same "next" ticket and then both write it.
        if not connection.get_execution_options().get("sqlite_immediate", False):
            connection.exec_driver_sql("BEGIN")
            return
        raw = connection.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        busy.begin_immediate(raw, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)


@dataclass(frozen=True)
class Database:
    """An engine with two session factories: ``write`` for actions, ``read`` for queries.

    ``busy`` says how long a write action has been waiting for SQLite's write lock (always 0
    on PostgreSQL, where row locks queue fairly).
    """

    engine: Engine
    write: sessionmaker[Session]
    read: sessionmaker[Session]
    busy: BusyWait = field(default_factory=BusyWait)

    @property
    def is_sqlite(self) -> bool:
        """True when the engine is SQLite."""
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def open_database(
    url: str, *, echo: bool = False, busy_deadline_s: float = WRITE_DEADLINE_S
) -> Database:
    """Create the engine and its session factories (no schema changes).

    Args:
        url: The database URL.
        echo: Log every statement.
        busy_deadline_s: How long a write retries SQLite's write lock before
            ``DatabaseBusyError``.
    """
    busy = BusyWait(deadline_s=busy_deadline_s)
    engine = make_engine(url, echo=echo, busy=busy)
    write_engine = engine.execution_options(sqlite_immediate=True)
    return Database(
        engine=engine,
        write=sessionmaker(write_engine, expire_on_commit=False),
        read=sessionmaker(engine, expire_on_commit=False),
        busy=busy,
    )
