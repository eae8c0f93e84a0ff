"""Database backups: SQLite's online backup API or pg_dump, one file a day, kept N days.

A backup is one file named ``kiosk-YYYYMMDD-HHMMSS.sqlite3`` (or ``.pgdump``) with the local
time it was taken, written under a temporary name and renamed once complete and checked, so a
USB stick pulled out half-way never holds a half backup under a real name. The kiosk process
takes one after closing each day (``backup_if_due``); ``kiosk backup`` takes one by hand.
An SQLite copy is made by a child process (``kiosk.storage.sqlite_copy``), as a PostgreSQL
one is by pg_dump, so the long-running kiosk keeps none of the copy's memory or file handles.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.engine import URL, make_url

import kiosk
from kiosk.config import Config, default_data_dir
from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.private_files import open_private, private_dir
from kiosk.services.context import AppContext

SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".pgdump"
_NAME = re.compile(r"^kiosk-(\d{8}-\d{6})(-\d+)?\.(sqlite3|pgdump)$")
# A backup's child (pg_dump, pg_restore, the SQLite copy) reads every page once: 30 minutes
# is far beyond a commune's database.
BACKUP_TIMEOUT_S = 1800
PG_CLIENT_HINT = "install it with: sudo apt-get install postgresql-client"


class BackupError(KioskError):
    """A backup or restore could not be made (folder missing, disk full, pg_dump missing)."""

    default_code = ErrorCode.BACKUP_FAILED


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup in a folder, with the local time it was taken."""

    path: Path
    taken_at: datetime

    @property
    def is_sqlite(self) -> bool:
        """True for an SQLite file, False for a pg_dump archive."""
        return self.path.suffix == SQLITE_SUFFIX


def backup_folder(config: Config) -> Path:
    """Where backups go: ``[backup] dir``, else "backups" in the data folder."""
    return config.backup.dir or default_data_dir() / "backups"


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, oldest first; other files are ignored."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is not None:
            found.append(BackupFile(path, datetime.strptime(match[1], "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda backup: backup.taken_at)


def make_backup(ctx: AppContext, folder: Path | None = None) -> Path:
    """Back the database up into ``folder`` (the configured one by default), then prune.

    Returns:
        The new backup file.

    Raises:
        BackupError: The folder cannot be written, the copy failed its check, or pg_dump is
            missing or failed.
    """
    target_dir = folder or backup_folder(ctx.config)
    try:
        private_dir(target_dir)
    except OSError as exc:
        raise BackupError(
            "Cannot use the backup folder {folder}: {reason} (is the USB stick plugged in?)",
            folder=str(target_dir),
            reason=exc.strerror or str(exc),
        ) from None
    url = make_url(ctx.config.database_url)
    sqlite_file = url.get_backend_name() == "sqlite"
    target = _free_name(target_dir, ctx, SQLITE_SUFFIX if sqlite_file else PG_SUFFIX)
    partial = target.with_name(f".{target.name}.part")
    try:
        if sqlite_file:
            _sqlite_backup(Path(str(url.database)), partial)
        else:
            _pg_dump(url, partial)
        partial.replace(target)
    except (OSError, subprocess.SubprocessError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BackupError(
            "Cannot write the backup {path}: {reason}.", path=str(target), reason=reason
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    prune(
        target_dir,
        keep_days=ctx.config.backup.keep_days,
        today=ctx.clock().astimezone(ctx.tz).date(),
    )
    return target


def _free_name(folder: Path, ctx: AppContext, suffix: str) -> Path:
    """``kiosk-<local time><suffix>``, with ``-2``, ``-3``... if taken within the same second."""
    stamp = ctx.clock().astimezone(ctx.tz).strftime("%Y%m%d-%H%M%S")
    target = folder / f"kiosk-{stamp}{suffix}"
    number = 2
    while target.exists():
        target = folder / f"kiosk-{stamp}-{number}{suffix}"
        number += 1
    return target


def backup_if_due(ctx: AppContext) -> Path | None:
    """Today's backup, unless the folder already holds one from today; None then."""
    today = ctx.clock().astimezone(ctx.tz).date()
    if any(b.taken_at.date() == today for b in list_backups(backup_folder(ctx.config))):
        return None
    return make_backup(ctx)


def prune(folder: Path, *, keep_days: int, today: date) -> list[Path]:
    """Delete backups taken before the last ``keep_days`` days; returns what was deleted."""
    oldest_kept = today - timedelta(days=keep_days - 1)
    deleted = []
    for backup in list_backups(folder):
        if backup.taken_at.date() < oldest_kept:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def _sqlite_backup(database: Path, partial: Path) -> None:
    """SQLite's online backup API in a child process (``kiosk.storage.sqlite_copy``).

    A consistent copy while the kiosk keeps writing; the child returns the memory and the file
    handle the copy takes when it exits, so a kiosk that runs for months keeps neither.
    """
    open_private(partial).close()
    run_child(
        [sys.executable, "-m", "kiosk.storage.sqlite_copy", str(database), str(partial)],
        env=_child_env(),
        failed="The backup copy failed: {reason}.",
    )


def _child_env() -> dict[str, str]:
    """This environment, with the folder holding the ``kiosk`` package first on the path."""
    root = str(Path(kiosk.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL client program, or ``BackupError`` saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            "{tool} is not installed on this PC: {hint}.", tool=name, hint=PG_CLIENT_HINT
        )
    return path


def pg_connection(url: URL) -> tuple[list[str], dict[str, str]]:
    """The libpq arguments for ``url`` and the environment carrying its password (never argv).

    A ``search_path`` set in the URL's ``options`` limits the dump and restore to that schema.
    """
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    arguments = ["--dbname", plain.render_as_string(hide_password=False)]
    options = unquote(str(url.query.get("options", "")))
    schema = re.search(r"search_path=([A-Za-z0-9_]+)", options)
    if schema is not None:
        arguments += ["--schema", schema[1]]
    return arguments, env


def run_pg_tool(
    tool: str, arguments: list[str], *, env: dict[str, str] | None = None, failed: str
) -> str:
    """Run ``pg_dump`` or ``pg_restore``; its output, or ``BackupError`` with its last words.

    Args:
        tool: The program's name.
        arguments: Its arguments (never a password: that goes in ``env``).
        env: The environment, with PGPASSWORD when needed.
        failed: The message when it fails, with a ``{reason}`` field.
    """
    return run_child([pg_tool(tool), *arguments], env=env, failed=failed)


def run_child(argv: list[str], *, env: dict[str, str] | None, failed: str) -> str:
    """Run one of a backup's child programs; its output, or ``BackupError`` with its last words.

    Args:
        argv: The program and its arguments.
        env: Its environment (None: this one).
        failed: The message when it fails, with a ``{reason}`` field: its last stderr line.
    """
    done = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=BACKUP_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise BackupError(failed, reason=reason)
    return done.stdout


def _pg_dump(url: URL, partial: Path) -> None:
    arguments, env = pg_connection(url)
    open_private(partial).close()
    options = ["--format=custom", "--no-owner", f"--file={partial}"]
    run_pg_tool("pg_dump", [*options, *arguments], env=env, failed="pg_dump failed: {reason}")
