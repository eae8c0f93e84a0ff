"""The database, reports and spooled tickets are private to the kiosk user, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.clock import FixedClock
from kiosk.services.context import bootstrap
from kiosk.services.reports import write_day_reports
from kiosk.services.tickets import issue_ticket
from printing.settings import PrinterSettings
from printing.worker import PrinterWorker
from tests.conftest import make_config
from tests.printing.transports import ticket_slip


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_private(tmp_path: Path, clock: FixedClock) -> None:
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'kiosk.sqlite3'}"
    ctx = bootstrap(make_config(tmp_path, url=url), clock=clock)
    try:
        issue_ticket(ctx, line_code="A")  # a write, so the -wal and -shm files exist
        files = sorted(data.iterdir())
        assert mode(data) == 0o700
        assert {f.name for f in files} >= {"kiosk.sqlite3", "kiosk.sqlite3-wal"}
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        ctx.db.dispose()


def test_an_old_world_readable_database_is_made_private_when_opened(
    tmp_path: Path, clock: FixedClock
) -> None:
    database = tmp_path / "old" / "kiosk.sqlite3"
    bootstrap(make_config(tmp_path, url=f"sqlite:///{database}"), clock=clock).db.dispose()
    database.chmod(0o644)
    database.parent.chmod(0o755)

    bootstrap(make_config(tmp_path, url=f"sqlite:///{database}"), clock=clock).db.dispose()

    assert (mode(database.parent), mode(database)) == (0o700, 0o600)


def test_day_reports_and_their_folder_are_private(tmp_path: Path, clock: FixedClock) -> None:
    ctx = bootstrap(make_config(tmp_path), clock=clock)
    try:
        pdf, csv = write_day_reports(ctx)
    finally:
        ctx.db.dispose()

    assert mode(pdf.parent) == 0o700
    assert (mode(pdf), mode(csv)) == (0o600, 0o600)


def test_spooled_tickets_and_the_spool_folder_are_private(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    worker = PrinterWorker.from_settings(PrinterSettings(spool_dir=spool))
    try:
        worker.submit("A001", ticket_slip()).result(timeout=30)
    finally:
        worker.close()
    assert worker.wait_idle(30)

    assert mode(spool) == 0o700
    written = list(spool.iterdir())
    assert len(written) == 2
    assert {mode(f) for f in written} == {0o600}


def test_a_shared_sticky_folder_such_as_tmp_is_never_changed(tmp_path: Path) -> None:
    from kiosk.private_files import private_dir

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)

    private_dir(shared)

    assert mode(shared) == 0o1777
