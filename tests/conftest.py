"""Shared fixtures: offscreen Qt, a fixed clock, real SQLite per test, real PostgreSQL if set."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# As in the product, before the tests' own modules: without ui.import_hook, PySide6 (loaded
# already by pytest-qt) reads each of them as source.
import ui  # noqa: F401
from kiosk.config import Config, load_config
from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext, bootstrap

# The qasync loop fixtures every Qt test folder uses.
pytest_plugins = ["tests.qt_support"]

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"

# 09:00 in Vietnam (UTC+7) on a Monday.
MONDAY_9AM = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def write_config(
    tmp_path: Path, body: str = "", *, url: str | None = None, guides: Path | None = None
) -> Path:
    """A config file for a test: the given TOML plus a database, spool, reports, backups and
    commune guides folder in tmp_path (so no test reads the guides of the machine it runs on)."""
    path = tmp_path / "config.toml"
    db = url or f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    path.write_text(
        f'[database]\nurl = "{db}"\n\n'
        f'[printer]\nkind = "dummy"\nspool_dir = "{tmp_path / "spool"}"\n\n'
        f'[reports]\ndir = "{tmp_path / "reports"}"\n\n'
        f'[backup]\ndir = "{tmp_path / "backups"}"\n\n'
        f'[guides]\ndir = "{guides or tmp_path / "commune-guides"}"\n\n{body}',
        encoding="utf-8",
    )
    return path


def make_config(
    tmp_path: Path, body: str = "", *, url: str | None = None, guides: Path | None = None
) -> Config:
    """Load a test config (see ``write_config``) without touching the environment."""
    return load_config(str(write_config(tmp_path, body, url=url, guides=guides)), env={})


@pytest.fixture
def clock() -> FixedClock:
    """A clock that starts Monday 09:00 local time and moves only when told."""
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def sqlite_ctx(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A migrated SQLite database in a temp file with the default lines and counters."""
    ctx = bootstrap(make_config(tmp_path), clock=clock)
    yield ctx
    ctx.db.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The PostgreSQL server to test against, or a visible skip."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: PostgreSQL tests skipped (.ci/run sets it)")
    return url


@pytest.fixture
def postgres_schema_url(postgres_url: str) -> Iterator[str]:
    """A fresh schema per test, dropped afterwards; the URL sets it as the search path."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def postgres_ctx(
    tmp_path: Path, clock: FixedClock, postgres_schema_url: str
) -> Iterator[AppContext]:
    """Like ``sqlite_ctx`` on a fresh PostgreSQL schema."""
    ctx = bootstrap(make_config(tmp_path, url=postgres_schema_url), clock=clock)
    yield ctx
    ctx.db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def ctx(request: pytest.FixtureRequest) -> AppContext:
    """Each test using it runs on SQLite and on PostgreSQL."""
    name = "sqlite_ctx" if request.param == "sqlite" else "postgres_ctx"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]
