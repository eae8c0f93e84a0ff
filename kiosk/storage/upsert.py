"""``INSERT … ON CONFLICT`` for the session's dialect, loading only that dialect's module.

``sqlalchemy.dialects.postgresql`` loads the dialect of every PostgreSQL driver SQLAlchemy knows
(asyncpg, pg8000, psycopg2…) and asyncio with them: about 25 ms of the start of every SQLite
command that checks a PIN or takes a number, ``kiosk summary`` among them (issue 13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite


def insert_on_conflict(session: Session, table: Any) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into ``table`` that can take ``on_conflict_do_*`` on the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
