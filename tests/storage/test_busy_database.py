"""A write that meets a busy SQLite database waits its turn, says so, and gives up cleanly."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.config import load_config
from kiosk.domain.errors import DatabaseBusyError
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import open_database
from kiosk.storage.models import Line, Ticket
from tests.conftest import write_config
from tests.storage.lock_holder import release, write_lock_held

# A kiosk program starting: open (and migrate) the database, sync the config.
STARTER = """
import sys
from kiosk.config import load_config
from kiosk.services.context import bootstrap
bootstrap(load_config(sys.argv[1], env={})).db.dispose()
"""
REPO = Path(__file__).resolve().parents[2]
WAIT_S = 60.0


@pytest.fixture
def holder(sqlite_ctx: AppContext) -> Iterator[subprocess.Popen[str]]:
    database = sqlite_ctx.db.engine.url.database
    assert database is not None
    with write_lock_held(database) as process:
        yield process


def wait_until(condition: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.01)


def test_write_waiting_for_another_programs_lock_says_how_long_and_then_succeeds(
    sqlite_ctx: AppContext, holder: subprocess.Popen[str]
) -> None:
    heard: list[float | None] = []
    sqlite_ctx.db.busy.add_listener(heard.append)
    result: list[object] = []
    thread = threading.Thread(
        target=lambda: result.append(issue_ticket(sqlite_ctx, line_code="A").number)
    )
    thread.start()

    # The lock is released only once the write has reported a second of retrying.
    wait_until(lambda: sqlite_ctx.db.busy.retrying_for_s() >= 1.0, "a second of retrying")
    wait_until(lambda: any(w is not None and w >= 1.0 for w in heard), "a listener heard it")
    assert thread.is_alive() and result == []
    release(holder)
    thread.join(timeout=WAIT_S)

    assert result == ["A001"]
    assert heard[0] == 0.0 and heard[-1] is None
    assert sqlite_ctx.db.busy.retrying_for_s() == 0.0


def test_write_that_stays_blocked_past_the_deadline_fails_with_a_coded_error_and_saves_nothing(
    tmp_path: Path, holder: subprocess.Popen[str], sqlite_ctx: AppContext
) -> None:
    impatient = AppContext(
        config=sqlite_ctx.config,
        db=open_database(sqlite_ctx.config.database_url, busy_deadline_s=0.5),
        clock=sqlite_ctx.clock,
    )
    try:
        with pytest.raises(DatabaseBusyError) as caught:
            issue_ticket(impatient, line_code="A")
        assert caught.value.code == "database_busy"

        release(holder)
        # The same connections work again, and the failed attempt left nothing behind.
        assert issue_ticket(impatient, line_code="A").number == "A001"
        with impatient.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Ticket)) == 1
    finally:
        impatient.db.dispose()


def test_a_fresh_database_opened_by_four_programs_at_once_is_migrated_once(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path)
    starters = [
        subprocess.Popen([sys.executable, "-c", STARTER, str(config)], cwd=REPO) for _ in range(4)
    ]
    assert [starter.wait(timeout=WAIT_S * 2) for starter in starters] == [0, 0, 0, 0]
    ctx = bootstrap(load_config(str(config), env={}))
    try:
        with ctx.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Line)) == len(ctx.config.lines)
    finally:
        ctx.db.dispose()
