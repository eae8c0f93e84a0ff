"""Statements on psycopg's own connection, under a SQLAlchemy ``Connection``, failing as it fails.

The hot paths on PostgreSQL (call-next, no-show, the estimate after a ticket) run a few fixed
statements many times a minute; SQLAlchemy's describing and typing of each result cost the
client as much as the server's work (issue 13, bench/queue.py). They run here instead, in the
transaction the ``Connection`` holds, and any driver error still reaches callers as
SQLAlchemy's ``DBAPIError``, with a lost link invalidating the pooled connection, so
``kiosk.storage.engine.is_link_failure`` and the pool behave as on every other path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import text
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:  # imported by the engine on PostgreSQL only: a SQLite kiosk never loads it
    import psycopg

# Only compiles here (SQLAlchemy's dialect classes carry no annotations).
_DIALECT = PGDialect_psycopg()  # type: ignore[no-untyped-call]


def compiled(sql: str) -> str:
    """``sql`` with ``:name`` parameters in psycopg's style (literal ``%`` doubled), once."""
    return str(text(sql).compile(dialect=_DIALECT))


def driver_of(conn: Connection) -> psycopg.Connection[tuple[Any, ...]]:
    """The psycopg connection under ``conn`` (checked out, so it has one)."""
    driver = conn.connection.driver_connection
    assert driver is not None
    assert conn.dialect.driver == "psycopg"  # the one PostgreSQL driver configured
    return cast("psycopg.Connection[tuple[Any, ...]]", driver)


@contextmanager
def sqlalchemy_errors(conn: Connection, sql: str, params: Mapping[str, object]) -> Iterator[None]:
    """Raise a psycopg error inside as SQLAlchemy would for ``sql``; a lost link invalidates."""
    dbapi = conn.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        lost = conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, None)
        if lost:
            conn.invalidate(exc)
        raise DBAPIError.instance(
            sql, dict(params), exc, dbapi.Error, connection_invalidated=lost, dialect=conn.dialect
        ) from exc
