"""Engines and session factories: SQLite pragmas on every connection, PostgreSQL via psycopg.

A PostgreSQL link can break in two ways, and each has its guard here: a clean cut (a reset
connection) fails at once, and ``pool_pre_ping`` replaces the pooled connection when the link
is back; a silent cut (packets dropped) would leave a read waiting for ever, so connections
have a connect timeout, TCP keepalives, a TCP user timeout and a server statement timeout.
Every connection names its program and PC (``application_name``, e.g. ``desk-2@PC-NAME``) so
a server admin can tell the PCs apart in ``pg_stat_activity``.
"""

from __future__ import annotations

import socket
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

# SQLite's page cache per connection (its default is 2 MiB). Each of a program's connections
# fills its cache to the limit as the database grows and keeps it: 10,000 visitor flows took
# the kiosk's caches to +5.8 MB (bench/soak.py), more than the whole growth a kiosk that runs
# for months may have. The queue's statements touch a few index pages each; the rest comes
# from the operating system's file cache, which the whole PC shares.
SQLITE_CACHE_KIB = 512

# PostgreSQL: libpq's smallest connect timeout is 2 s; 3 s covers a busy server on a LAN.
CONNECT_TIMEOUT_S = 3
# Idle pooled connections are probed after 10 s of silence, every 3 s, dead after 3 misses.
KEEPALIVE_IDLE_S, KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT = 10, 3, 3
# Data the server has not acknowledged for this long means the link is gone (Linux only).
TCP_USER_TIMEOUT_MS = 20_000
# No statement runs longer on the server: a month's summary takes well under a second.
STATEMENT_TIMEOUT_MS = 30_000
# PostgreSQL keeps 63 bytes of an application_name.
APPLICATION_NAME_MAX = 63


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would otherwise pick psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    """True for an SQLite URL."""
    return make_url(url).get_backend_name() == "sqlite"


def application_name(program: str, host: str | None = None) -> str:
    """``desk-2@PC-NAME``: the program (with its counter) and the PC, as the server shows it."""
    name = f"{program}@{host or socket.gethostname()}"
    return name.encode("utf-8")[:APPLICATION_NAME_MAX].decode("utf-8", "ignore")


def postgres_connect_args(
    url: str, *, app_name: str, generic_plans: bool = False
) -> dict[str, Any]:
    """Libpq settings for a link that fails visibly (see the module docstring).

    The statement timeout joins any ``options`` already in the URL (tests set a search path).
    ``generic_plans``: a statement psycopg has prepared (on its fifth run on a connection) is
    planned once, not again on every run (see ``open_database``).
    """
    options = make_url(url).query.get("options", "")
    plans = " -c plan_cache_mode=force_generic_plan" if generic_plans else ""
    if isinstance(options, tuple):
        options = " ".join(options)
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_S,
        "keepalives_interval": KEEPALIVE_INTERVAL_S,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "application_name": app_name,
        "options": f"{options} -c statement_timeout={STATEMENT_TIMEOUT_MS}{plans}".strip(),
    }


def make_engine(
    url: str,
    *,
    echo: bool = False,
    busy: BusyWait | None = None,
    app_name: str = "",
    generic_plans: bool = False,
) -> Engine:
    """An engine with the pragmas and transaction behaviour the queue relies on.

    Args:
        url: The database URL.
        echo: Log every statement.
        busy: Retries SQLite write transactions and reports the wait; a new one if None.
        app_name: The program's ``application_name`` on PostgreSQL; ``kiosk@<this PC>`` if empty.
        generic_plans: PostgreSQL plans each prepared statement once (see ``open_database``).
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
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args=postgres_connect_args(
            url, app_name=app_name or application_name("kiosk"), generic_plans=generic_plans
        ),
    )


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
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
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
    app_name: str = ""

    @property
    def is_sqlite(self) -> bool:
        """True when the engine is SQLite."""
        return self.engine.dialect.name == "sqlite"

    @property
    def write_engine(self) -> Engine:
        """The engine write actions run on (its own pool on PostgreSQL, see ``open_database``)."""
        bind = self.write.kw["bind"]
        assert isinstance(bind, Engine)
        return bind

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()
        if self.write_engine.pool is not self.engine.pool:
            self.write_engine.dispose()


def open_database(
    url: str,
    *,
    echo: bool = False,
    busy_deadline_s: float = WRITE_DEADLINE_S,
    app_name: str = "",
) -> Database:
    """Create the engine and its session factories (no schema changes).

    Args:
        url: The database URL.
        echo: Log every statement.
        busy_deadline_s: How long a write retries SQLite's write lock before
            ``DatabaseBusyError``.
        app_name: The program on the server (``application_name``); by default
            ``kiosk@<this PC>``.
    """
    busy = BusyWait(deadline_s=busy_deadline_s)
    engine = make_engine(url, echo=echo, busy=busy, app_name=app_name)
    write_engine: Engine = engine.execution_options(sqlite_immediate=True)
    if not is_sqlite(url):
        # Writes get a pool of their own whose prepared statements keep one generic plan.
        # They are the same few point statements run all day (call next, no-show, issue), and
        # re-planning one costs the server more than running it (0.4 ms against 0.1 ms for a
        # call-next): 8 desks on one server feel that (issue 13, P6). Reads keep planning each
        # run, which suits a report over a date range.
        write_engine = make_engine(url, echo=echo, app_name=app_name, generic_plans=True)
    return Database(
        engine=engine,
        write=sessionmaker(write_engine, expire_on_commit=False),
        read=sessionmaker(engine, expire_on_commit=False),
        busy=busy,
        app_name=app_name,
    )


def is_link_failure(exc: BaseException) -> bool:
    """True when ``exc`` says the database could not be reached or written (not a bug, not a rule).

    PostgreSQL: a refused, reset or timed-out connection, or a server shutting down (SQLSTATE
    class 08 and 57P), a server out of disk, memory or connections (class 53), or a read-only
    server (25006, a standby); a cancelled statement or a deadlock is not a link failure.
    SQLite: a file that cannot be opened, read or written (read-only, disk full); a busy
    database is not a link failure either.
    """
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if exc.orig is not None:
            exc = exc.orig
    sqlstate = getattr(exc, "sqlstate", None)
    if isinstance(sqlstate, str):
        return sqlstate.startswith(("08", "57P", "53")) or sqlstate == "25006"
    if type(exc).__name__ == "OperationalError":  # psycopg's or sqlite3's, without SQLSTATE
        text = str(exc).lower()
        return "locked" not in text and "busy" not in text
    return isinstance(exc, OSError)
