"""Alembic migrations, run programmatically at start-up and by ``kiosk db upgrade``.

Alembic (about 100 ms of imports and script loading) loads only when there is work for it: a
database already at the newest shipped revision is recognised by reading its version row and
the revision lines of the shipped scripts, which every command that opens the database does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"
# `revision: str = "0002"` and `down_revision: str | None = "0001"` (or None), as every script
# here writes them; anything else (a merge with a tuple) leaves the decision to Alembic.
_REVISION_LINE = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=]*)?=\s*(?P<value>None|\"[^\"]+\"|'[^']+')\s*$",
    re.MULTILINE,
)


def alembic_config(engine: Engine) -> AlembicConfig:
    """An Alembic config bound to ``engine`` (no alembic.ini needed)."""
    config = alembic_config_for_scripts()
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest migration shipped with this version."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config_for_scripts())
    head = script.get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def alembic_config_for_scripts() -> AlembicConfig:
    """An Alembic config for reading scripts only."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def shipped_head() -> str | None:
    """The newest shipped revision read from the scripts' revision lines, without Alembic.

    Returns:
        The one revision no other script revises, or None when the scripts do not say it
        plainly (no scripts, several heads, a merge): then Alembic decides.
    """
    revised: set[str] = set()
    revisions: set[str] = set()
    for script in VERSIONS_DIR.glob("*.py"):
        found = {m["name"]: m["value"] for m in _REVISION_LINE.finditer(script.read_text("utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"].strip("\"'"))
        if found["down_revision"] != "None":
            revised.add(found["down_revision"].strip("\"'"))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        versions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return versions[0][0] if len(versions) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the schema up to ``revision``; returns (before, after)."""
    before = current_revision(engine)
    if revision == "head" and before is not None and before == shipped_head():
        return before, before
    from alembic import command

    # On SQLite the whole upgrade holds the write lock from its first statement, so PCs
    # starting together never interleave DDL (ignored on PostgreSQL).
    command.upgrade(alembic_config(engine.execution_options(sqlite_immediate=True)), revision)
    after = current_revision(engine)
    assert after is not None
    return before, after
