"""A kiosk whose database cannot be reached or written says so at once, and resumes by itself.

Real faults: a read-only data folder (a read-only mount: needs root, skipped otherwise), a
database at its size limit (``PRAGMA max_page_count``: SQLite's own
"database or disk is full"), and PostgreSQL behind a TCP proxy that is cut and restored.
A kiosk on PostgreSQL that holds numbers issues offline instead (``test_kiosk_offline``):
here it is cut before it could take any.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from kiosk.config import load_config
from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import AlertKind
from kiosk.services.alerts import open_alerts
from kiosk.services.context import bootstrap
from kiosk.services.tickets import issue_ticket
from tests.conftest import write_config
from tests.tcp_proxy import TcpProxy
from tests.ui.conftest import Running
from ui.kiosk.notice_overlay import PAUSED

PAUSED_TEXT = "Máy lấy số tạm dừng. Mời ông/bà đến thẳng quầy."
ONE_WAITING = "Hiện có 1 người đang chờ."
# Long enough for several watcher retries (0.5 s) and write probes (2 s) while paused.
PAUSED_FOR_MS = 4_500


def _tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info]


def _count(caplog: pytest.LogCaptureFixture, text: str) -> int:
    return sum(text in r.getMessage() for r in caplog.records)


def _paused_and_sends_to_desk(kiosk: Running) -> None:
    """Home says where to go, and the number tile says it again instead of opening lines."""
    window = kiosk.program.window
    kiosk.qtbot.wait_until(lambda: kiosk.home.waiting.text() == PAUSED_TEXT, timeout=10_000)
    kiosk.tap_take_number()
    assert window.notice.is_open() and window.notice.kind() == PAUSED
    assert window.current_screen() is kiosk.home  # never the "Đang chuẩn bị…" lines
    window.notice.ok.click()


def _issues_again(kiosk: Running, number: str) -> None:
    window = kiosk.program.window
    kiosk.qtbot.wait_until(lambda: kiosk.home.waiting.text() == ONE_WAITING, timeout=15_000)
    kiosk.tap_take_number()
    assert window.current_screen() is window.choose
    window.choose.line_buttons["A"].click()
    kiosk.qtbot.wait_until(lambda: window.current_screen() is window.ticket, timeout=10_000)
    ticket = window.ticket.ticket()
    assert ticket is not None and ticket.number == number


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` a read-only mount of itself (root only).

    File modes would not do: root ignores them, and for its owner the kiosk makes its data
    folder 0700 again when it opens the database (``kiosk.private_files``).
    """
    if os.geteuid() != 0:
        pytest.skip("a read-only folder needs a read-only mount, which needs root")
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], check=False)
    if mounted.returncode != 0:
        pytest.skip("running as root without the right to mount")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_data_folder_pauses_the_kiosk_at_once_and_it_resumes_by_itself(
    tmp_path: Path, start_kiosk: Any, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    folder = tmp_path / "data"
    folder.mkdir()
    config = load_config(str(write_config(folder)), env={})
    ctx = bootstrap(config, clock=clock)
    issue_ticket(ctx, line_code="A")
    ctx.db.dispose()  # the last connection closes: SQLite removes its -wal and -shm files
    with read_only(folder):
        kiosk = start_kiosk(config)
        _paused_and_sends_to_desk(kiosk)
        kiosk.qtbot.wait(PAUSED_FOR_MS)  # retries go on meanwhile: none may log a traceback
        assert kiosk.home.waiting.text() == PAUSED_TEXT
    _issues_again(kiosk, "A002")
    assert _tracebacks(caplog) == []
    assert _count(caplog, "database unreachable") == 1  # one line per change of state
    assert _count(caplog, "kiosk paused") <= 1


def test_a_full_database_pauses_the_kiosk_alerts_the_desks_and_resumes_when_freed(
    tmp_path: Path, start_kiosk: Any, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    config = load_config(str(write_config(tmp_path)), env={})
    ctx = bootstrap(config, clock=clock)
    issue_ticket(ctx, line_code="A")
    full = [True]

    @event.listens_for(ctx.db.engine, "checkout")
    def _size_limit(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # No page more than the file has now while "full": SQLite's own disk-full error.
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages if full[0] else 1_073_741_823}")
        cursor.close()

    desk = bootstrap(config, clock=clock)  # another PC's view of the same database
    try:
        kiosk = start_kiosk(config, context=ctx)
        _paused_and_sends_to_desk(kiosk)
        kiosk.qtbot.wait_until(
            lambda: [a.kind for a in open_alerts(desk)] == [AlertKind.KIOSK_PAUSED],
            timeout=10_000,
        )
        full[0] = False
        _issues_again(kiosk, "A002")
        assert open_alerts(desk) == []  # the kiosk closed its alert when it resumed
    finally:
        desk.db.dispose()
    assert _tracebacks(caplog) == []
    assert _count(caplog, "kiosk paused") == 1
    assert _count(caplog, "kiosk issues tickets again") == 1


@pytest.mark.postgres
def test_postgresql_cut_at_start_pauses_the_kiosk_until_the_link_returns(
    tmp_path: Path,
    postgres_schema_url: str,
    start_kiosk: Any,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    url = make_url(postgres_schema_url)
    config = load_config(str(write_config(tmp_path, url=postgres_schema_url)), env={})
    direct = bootstrap(config, clock=clock)
    issue_ticket(direct, line_code="A")
    (tmp_path / "kiosk").mkdir()
    with TcpProxy(url.host or "127.0.0.1", url.port or 5432) as proxy:
        proxied = write_config(tmp_path / "kiosk", url=proxy.url(postgres_schema_url))
        proxy.cut()
        kiosk = start_kiosk(load_config(str(proxied), env={}))
        _paused_and_sends_to_desk(kiosk)
        proxy.restore()
        kiosk.qtbot.wait_until(lambda: kiosk.home.waiting.text() == ONE_WAITING, timeout=15_000)
        _issues_again(kiosk, "A002")
    direct.db.dispose()
    assert _tracebacks(caplog) == []
