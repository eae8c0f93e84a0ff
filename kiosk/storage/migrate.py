"""Alembic migrations, run programmatically at start-up and by ``kiosk db upgrade``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> AlembicConfig:
    """An Alembic config bound to ``engine`` (no alembic.ini needed)."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest migration shipped with this version."""
    script = ScriptDirectory.from_config(alembic_config_for_scripts())
    head = script.get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def alembic_config_for_scripts() -> AlembicConfig:
    """An Alembic config for reading scripts only."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the schema up to ``revision``; returns (before, after)."""
    before = current_revision(engine)
    # On SQLite the whole upgrade holds the write lock from its first statement, so PCs
    # starting together never interleave DDL (ignored on PostgreSQL).
    command.upgrade(alembic_config(engine.execution_options(sqlite_immediate=True)), revision)
    after = current_revision(engine)
    assert after is not None
    return before, after
