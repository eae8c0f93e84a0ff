"""Statements on sqlite3's own connection, under a SQLAlchemy ``Connection`` (the hot paths).

SQLAlchemy's statement path costs about 0.25 ms a statement on SQLite, sqlite3's 0.03 ms, and a
tap or a call runs several. They run here in the transaction SQLAlchemy began on the connection
(``BEGIN IMMEDIATE`` on the write engine, ``kiosk.storage.engine``). Values go in and come out
through the dialect's own converters, so the rows are those the ORM writes and reads. sqlite3's
own errors reach callers as they are: ``kiosk.storage.engine.is_link_failure`` knows them.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date
from sqlalchemy.engine import Connection, Dialect

from kiosk.storage.models import UtcDateTime


@dataclass(frozen=True, slots=True)
class Converters:
    """The dialect's own converters for dates and UTC times, both ways."""

    day: Callable[[date], Any]
    day_out: Callable[[Any], date | None]
    time_in: Callable[[datetime], Any]
    time_out: Callable[[Any], datetime | None]

    def bind(self, params: Mapping[str, object]) -> dict[str, object]:
        """``params`` with their dates and times as the database stores them."""
        return {name: self._bound(value) for name, value in params.items()}

    def _bound(self, value: object) -> object:
        if isinstance(value, datetime):  # before date: a datetime is a date too
            return self.time_in(value)
        if isinstance(value, date):
            return self.day(value)
        return value


@functools.cache
def _converters(dialect: Dialect) -> Converters:
    # What SQLAlchemy's compiled statements apply to these types on this dialect.
    day, time = Date().dialect_impl(dialect), UtcDateTime().dialect_impl(dialect)
    return Converters(
        day=day.bind_processor(dialect) or _same,
        day_out=day.result_processor(dialect, None) or _same,
        time_in=time.bind_processor(dialect) or _same,
        time_out=time.result_processor(dialect, None) or _same,
    )


def _same(value: Any) -> Any:
    return value


def sqlite_of(conn: Connection) -> tuple[sqlite3.Connection, Converters] | None:
    """The driver's connection under ``conn`` and the converters, on SQLite; else None."""
    if conn.dialect.name != "sqlite":
        return None
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)  # pysqlite, as kiosk.storage.engine opens it
    return driver, _converters(conn.dialect)
