"""What a backup holds (``kiosk restore FILE --dry-run``), and putting it back.

A restore first backs the current database up (so a wrong file can be undone), copies the
backup in (SQLite's backup API, or ``pg_restore --clean``), then migrates it to this
version's schema. Stop the kiosk, desks and display before restoring.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import pathname2url

from sqlalchemy.engine import make_url

from kiosk.private_files import make_private, open_private
from kiosk.services.backup import (
    SQLITE_SUFFIX,
    BackupError,
    make_backup,
    pg_connection,
    run_pg_tool,
)
from kiosk.services.context import AppContext
from kiosk.storage.migrate import upgrade

# Tables whose row counts a dry run shows, in this order.
COUNTED = ("ticket", "visit", "helper", "rating", "alert", "audit_entry")


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a backup file holds, as far as can be told without restoring it."""

    path: Path
    kind: str
    size_bytes: int
    revision: str | None = None
    rows: dict[str, int | None] = field(default_factory=dict)
    first_day: str | None = None
    last_day: str | None = None
    last_change: str | None = None
    notes: tuple[str, ...] = ()


def describe_backup(path: Path) -> BackupContents:
    """Read a backup without changing it (nor creating files beside it, e.g. on a USB stick).

    Raises:
        BackupError: The file is missing or is not a kiosk backup.
    """
    if not path.is_file():
        raise BackupError("{path}: no such backup file.", path=str(path))
    if path.suffix == SQLITE_SUFFIX:
        return _describe_sqlite(path)
    return _describe_pg(path)


def restore_backup(ctx: AppContext, path: Path) -> Path:
    """Replace the database with the backup; returns the backup made of it just before.

    Raises:
        BackupError: The backup is unreadable, of the other database kind, or the restore
            failed (the database is then as it was, or as the safety backup holds it).
    """
    contents = describe_backup(path)
    url = make_url(ctx.config.database_url)
    sqlite_target = url.get_backend_name() == "sqlite"
    if sqlite_target != (contents.kind == "SQLite"):
        raise BackupError(
            "{path} is a {kind} backup, but this PC's database is {target}.",
            path=str(path),
            kind=contents.kind,
            target="SQLite" if sqlite_target else "PostgreSQL",
        )
    safety = make_backup(ctx)
    ctx.db.dispose()
    if sqlite_target:
        _restore_sqlite(path, Path(str(url.database)))
    else:
        _restore_pg(path, ctx)
    upgrade(ctx.db.engine)
    return safety


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    # immutable: no -wal or -shm file is created beside a backup, and nothing is written.
    connection = sqlite3.connect(f"file:{pathname2url(str(path.resolve()))}?immutable=1", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _describe_sqlite(path: Path) -> BackupContents:
    try:
        with _read_only(path) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "ticket"} <= tables:
                raise BackupError("{path} is not a kiosk database backup.", path=str(path))
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
            rows: dict[str, int | None] = {
                name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # names: COUNTED
                for name in COUNTED
                if name in tables
            }
            first, last = db.execute(
                "SELECT min(service_day), max(service_day) FROM ticket"
            ).fetchone()
            (changed,) = db.execute("SELECT max(at) FROM audit_entry").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError("{path} cannot be read: {reason}.", path=str(path), reason=exc) from None
    return BackupContents(
        path=path,
        kind="SQLite",
        size_bytes=path.stat().st_size,
        revision=revision[0] if revision else None,
        rows=rows,
        first_day=first,
        last_day=last,
        last_change=changed,
    )


def _describe_pg(path: Path) -> BackupContents:
    listing = run_pg_tool(
        "pg_restore", ["--list", str(path)], failed=f"{path} is not a pg_dump archive: {{reason}}"
    )
    header = [line[1:].strip() for line in listing.splitlines() if line.startswith(";")]
    tables = [
        line.split()[-2]
        for line in listing.splitlines()
        if not line.startswith(";") and " TABLE DATA " in line
    ]
    notes = [h for h in header if h.startswith(("Archive created at", "dbname:", "Dumped from"))]
    notes.append("Row counts are known only once restored.")
    rows: dict[str, int | None] = dict.fromkeys(sorted(tables))
    return BackupContents(
        path, "PostgreSQL dump", path.stat().st_size, rows=rows, notes=tuple(notes)
    )


def _restore_sqlite(path: Path, database: Path) -> None:
    if not database.exists():
        open_private(database).close()
    with _read_only(path) as source:
        target = sqlite3.connect(database, timeout=30, isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
    make_private(database)


def _restore_pg(path: Path, ctx: AppContext) -> None:
    arguments, env = pg_connection(make_url(ctx.config.database_url))
    options = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    run_pg_tool(
        "pg_restore",
        [*options, *arguments, str(path)],
        env=env,
        failed="pg_restore failed, nothing was changed: {reason}",
    )
