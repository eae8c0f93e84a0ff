"""``kiosk backup [DIR]`` and ``kiosk restore FILE [--dry-run]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.restore import BackupContents

RESTORE_EPILOG = """\
Stop the kiosk, the desks and the display first (sudo systemctl stop commune-kiosk ...).
The current database is backed up before it is replaced, so a wrong file can be undone by
restoring that backup. An older backup is migrated to this version after it is restored.
"""


def register(sub: Any) -> None:
    """Add the backup and restore subcommands to the parser."""
    p = sub.add_parser(
        "backup",
        help="back the database up now (SQLite backup API, or pg_dump for PostgreSQL)",
        description="Write one backup file and delete backups older than [backup] keep_days.",
    )
    p.add_argument(
        "dir", nargs="?", type=Path, help="folder for the backup (default: [backup] dir)"
    )
    p.set_defaults(handler=_backup)
    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (--dry-run: only show what it holds)",
        epilog=RESTORE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="a kiosk-YYYYMMDD-HHMMSS.sqlite3 or .pgdump file")
    p.add_argument(
        "--dry-run", action="store_true", help="show what the backup holds; change nothing"
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=_restore)


def _context(args: argparse.Namespace) -> AppContext:
    """The database opened as it is: no migration, no config sync (nothing written)."""
    from kiosk.cli import load_or_exit
    from kiosk.services.context import AppContext
    from kiosk.storage.engine import open_database

    config = load_or_exit(args)
    return AppContext(config=config, db=open_database(config.database_url))


def _backup(args: argparse.Namespace) -> int:
    from kiosk.services.backup import list_backups, make_backup

    ctx = _context(args)
    try:
        path = make_backup(ctx, args.dir)
    finally:
        ctx.db.dispose()
    kept = list_backups(path.parent)
    print(f"Backup written: {path} ({path.stat().st_size / 1_000_000:.1f} MB)")
    print(f"{len(kept)} backup(s) in {path.parent}, oldest from {kept[0].taken_at:%Y-%m-%d}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kiosk.services.restore import describe_backup, restore_backup

    contents = describe_backup(args.file)
    print("\n".join(contents_lines(contents)))
    if args.dry_run:
        return 0
    if not args.yes and not _confirmed():
        print("Nothing restored.")
        return 1
    ctx = _context(args)
    try:
        safety = restore_backup(ctx, args.file)
    finally:
        ctx.db.dispose()
    print(f"Restored {args.file}.")
    print(f"The database as it was before is saved as {safety}.")
    return 0


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        print("error: add --yes to restore without a terminal.", file=sys.stderr)
        return False
    answer = input("This replaces the whole database. Type RESTORE to go on: ")
    return answer.strip() == "RESTORE"


def contents_lines(contents: BackupContents) -> list[str]:
    """What a backup holds, as the dry run prints it."""
    lines = [
        f"Backup: {contents.path}",
        f"  kind: {contents.kind}, {contents.size_bytes / 1_000_000:.1f} MB",
    ]
    if contents.revision:
        lines.append(f"  schema revision: {contents.revision}")
    if contents.first_day:
        lines.append(f"  tickets from {contents.first_day} to {contents.last_day}")
    if contents.last_change:
        lines.append(f"  last change recorded: {contents.last_change} (UTC)")
    for table, count in contents.rows.items():
        lines.append(f"  {table}: {'?' if count is None else count} row(s)")
    lines += [f"  {note}" for note in contents.notes]
    return lines
