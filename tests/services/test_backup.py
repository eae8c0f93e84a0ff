"""Backups: taken daily after closing, kept N days, shown by a dry run, restored round trip."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import sqlite3
import stat
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk import cli
from kiosk.config import BackupConfig
from kiosk.domain.clock import FixedClock
from kiosk.services.backup import BackupError, list_backups, make_backup
from kiosk.services.closing import close_if_due
from kiosk.services.context import CLI_ACTOR, AppContext, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.services.restore import describe_backup, restore_backup
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import Helper, Ticket
from kiosk.storage.sqlite_copy import copy_database
from tests.conftest import make_config
from tests.sqlite_memory import fill, sqlite_library


def count(ctx: AppContext, model: type[Ticket] | type[Helper]) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_restore_brings_back_exactly_what_the_backup_held(ctx: AppContext) -> None:
    if not ctx.db.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    for _ in range(3):
        issue_ticket(ctx, line_code="A")
    backup = make_backup(ctx)
    issue_ticket(ctx, line_code="B")
    add_helper(ctx, name="Mới Vào", kind="volunteer", role="teacher", actor=CLI_ACTOR)

    safety = restore_backup(ctx, backup)

    assert (count(ctx, Ticket), count(ctx, Helper)) == (3, 0)
    assert issue_ticket(ctx, line_code="A").number == "A004"  # the numbering came back too
    if ctx.db.is_sqlite:
        assert describe_backup(safety).rows["ticket"] == 4


def test_a_dry_run_shows_what_an_sqlite_backup_holds_and_writes_nothing_beside_it(
    sqlite_ctx: AppContext,
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    backup = make_backup(sqlite_ctx)
    before = sorted(backup.parent.iterdir())

    contents = describe_backup(backup)

    assert contents.kind == "SQLite" and contents.rows["ticket"] == 1
    assert contents.first_day == contents.last_day == "2026-11-23"
    assert contents.revision is not None
    assert sorted(backup.parent.iterdir()) == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_closing_takes_one_backup_a_day_and_keeps_only_the_configured_days(
    tmp_path: Path, clock: FixedClock
) -> None:
    config = make_config(tmp_path)
    folder = tmp_path / "backups"
    ctx = bootstrap(replace(config, backup=BackupConfig(folder, keep_days=3)), clock=clock)
    folder.mkdir(parents=True)
    (folder / "kiosk-20261101-180000.sqlite3").write_bytes(b"old")
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    try:
        for _day in range(4):
            clock.advance(hours=9)  # 18:00, after closing
            assert close_if_due(ctx) is not None
            assert close_if_due(ctx) is None  # once a day, however often it is asked
            clock.advance(hours=15)
    finally:
        ctx.db.dispose()

    days = [b.taken_at.date().isoformat() for b in list_backups(folder)]
    assert days == ["2026-11-24", "2026-11-25", "2026-11-26"]
    assert (folder / "notes.txt").exists()


def test_a_missing_usb_stick_does_not_stop_closing_and_is_logged_once(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "usb-not-plugged"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    config = make_config(tmp_path)
    ctx = bootstrap(replace(config, backup=BackupConfig(blocked / "kiosk")), clock=clock)
    clock.advance(hours=9)
    try:
        result = close_if_due(ctx)
        for _ in range(3):
            clock.advance(minutes=1)
            close_if_due(ctx)
    finally:
        ctx.db.dispose()

    assert result is not None and result.pdf.exists() and result.backup is None
    failures = [r for r in caplog.records if "daily backup failed" in r.getMessage()]
    assert len(failures) == 1 and failures[0].levelno == logging.WARNING


def test_without_pg_dump_the_backup_says_which_package_to_install(
    postgres_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="postgresql-client"):
        make_backup(postgres_ctx)


def test_backup_and_restore_from_the_command_line(
    sqlite_ctx: AppContext,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    config = sqlite_ctx.config.source
    usb = tmp_path / "usb"

    assert cli.main(["--config", config, "backup", str(usb)]) == 0
    (backup,) = list_backups(usb)
    assert cli.main(["--config", config, "restore", str(backup.path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ticket: 1 row(s)" in out and "kind: SQLite" in out

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: no terminal to confirm on
    assert cli.main(["--config", config, "restore", str(backup.path)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert cli.main(["--config", config, "restore", str(backup.path), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out


def test_the_clock_in_the_backup_name_is_local_time(sqlite_ctx: AppContext) -> None:
    backup = make_backup(sqlite_ctx)
    local = sqlite_ctx.clock().astimezone(sqlite_ctx.tz)
    assert backup.name == f"kiosk-{local:%Y%m%d-%H%M%S}.sqlite3"
    assert list_backups(backup.parent)[0].taken_at == local.replace(tzinfo=None)


def test_the_backup_copy_takes_little_memory_on_a_big_database(tmp_path: Path) -> None:
    # It runs in a child process beside the kiosk, on PCs with 2 GB.
    lib = sqlite_library()
    database = tmp_path / "kiosk.sqlite3"
    fill(str(database), rows=8000)
    lib.sqlite3_memory_highwater(1)
    (tmp_path / "copy.sqlite3").touch()
    copy_database(database, tmp_path / "copy.sqlite3")
    peak_kib = lib.sqlite3_memory_highwater(0) // 1024
    # 8 MB of pages; SQLite's default caches took 4,239 KiB for this copy, 128 KiB ones 381.
    assert peak_kib < 1024
    with closing(sqlite3.connect(tmp_path / "copy.sqlite3")) as copy:
        assert copy.execute("SELECT count(*) FROM filler").fetchone() == (8000,)


def _database_handles(database: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    targets = []
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            targets.append(os.readlink(fd))
    return sorted(t for t in targets if t.startswith(str(database)))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_the_nightly_backup_leaves_the_kiosk_process_as_it_found_it(
    sqlite_ctx: AppContext,
) -> None:
    # The kiosk runs for months and backs up every night. Taken in its own process, each
    # backup left SQLite holding the copy's handle on the database (deferred while the
    # kiosk's connections hold locks) and the copy's heap with the allocator.
    issue_ticket(sqlite_ctx, line_code="A")
    database = Path(str(sqlite_ctx.db.engine.url.database))
    watcher = sqlite3.connect(database, isolation_level=None)  # as the live watcher reads
    with sqlite_ctx.db.read() as session:  # the kiosk's pooled connection, open on the file
        session.scalar(select(func.count()).select_from(Ticket))
        before = _database_handles(database)
        assert before, "the kiosk's connections hold the database open"
        backup = make_backup(sqlite_ctx)
        assert _database_handles(database) == before
    watcher.close()
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("SELECT count(*) FROM ticket").fetchone() == (1,)


def test_a_backup_of_a_broken_database_file_says_why(
    sqlite_ctx: AppContext, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    ctx = replace(sqlite_ctx, config=replace(sqlite_ctx.config, database_url=f"sqlite:///{broken}"))
    with pytest.raises(BackupError) as caught:
        make_backup(ctx, tmp_path / "backups")
    assert caught.value.code == BackupError.default_code
    assert "not a database" in str(caught.value)
    assert not list((tmp_path / "backups").iterdir()), "no half backup is left behind"
