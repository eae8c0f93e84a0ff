"""The database rows of ``bench/faults.py``: a kiosk whose database cannot be reached or written.

The real kiosk runs offscreen and opens its database as the shell does (on first use). Faults:
a read-only data folder (a read-only bind mount: needs root, skipped otherwise), a database at
its size limit (``PRAGMA max_page_count``: SQLite's own "database or disk is full"), and
PostgreSQL behind a TCP proxy that refuses it (``KIOSK_TEST_POSTGRES_URL``). Per row: seconds
until home tells visitors to go to a counter, whether "take a number" then says so too,
seconds until the kiosk issues again once the fault is lifted, and tickets lost (committed
before the fault, or issued after it, missing). Goal: message shown, recovered, 0 lost.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from kiosk.config import Config, load_config
from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext, bootstrap
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import Ticket
from tests.tcp_proxy import TcpProxy
from ui.kiosk.notice_overlay import PAUSED
from ui.kiosk.program import build as build_kiosk
from ui.live import Live
from ui.operations import Ops
from ui.screenshots import spin_until
from ui.shell import Env, Runtime
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter

PAUSED_TEXT = "Máy lấy số tạm dừng. Mời ông/bà đến thẳng quầy."
WAIT_S = 30.0


@dataclass
class Setup:
    """A database in a fault: the kiosk's config, its context if it needs one, the switch."""

    config: Config
    context: AppContext | None
    lift: Callable[[], None]


DatabaseFault = Callable[[Path, FixedClock], AbstractContextManager[Setup | None]]


def _config(folder: Path, url: str | None = None) -> Config:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    url = url or f"sqlite:///{folder / 'kiosk.sqlite3'}"
    path.write_text(
        f'[database]\nurl = "{url}"\n[printer]\nkind = "dummy"\nspool_dir = "{folder / "spool"}"\n',
        encoding="utf-8",
    )
    return load_config(str(path), env={})


@contextmanager
def read_only_folder(tmp: Path, clock: FixedClock) -> Iterator[Setup | None]:
    """The data folder becomes read-only after one ticket."""
    folder = tmp / "data"
    config = _config(folder)
    ctx = bootstrap(config, clock=clock)
    issue_ticket(ctx, line_code="A")
    ctx.db.dispose()
    # File modes would not do: root ignores them, and the kiosk makes its own folder 0700.
    if (
        os.geteuid() != 0
        or subprocess.run(["mount", "--bind", str(folder), str(folder)], check=False).returncode
    ):
        yield None  # no right to mount: no way to deny writes
        return
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
    mounted = [True]

    def lift() -> None:
        subprocess.run(["umount", str(folder)], check=True)
        mounted[0] = False

    try:
        yield Setup(config, None, lift)
    finally:
        if mounted[0]:
            lift()


@contextmanager
def full_database(tmp: Path, clock: FixedClock) -> Iterator[Setup | None]:
    """No page more than the file has: SQLite's "database or disk is full"."""
    config = _config(tmp)
    ctx = bootstrap(config, clock=clock)
    issue_ticket(ctx, line_code="A")
    full = [True]

    @event.listens_for(ctx.db.engine, "checkout")
    def _limit(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages if full[0] else 1_073_741_823}")
        cursor.close()

    yield Setup(config, ctx, lambda: full.__setitem__(0, False))


@contextmanager
def postgres_refused(tmp: Path, clock: FixedClock) -> Iterator[Setup | None]:
    """PostgreSQL behind a proxy that resets every connection, from the kiosk's start."""
    from bench.harness import postgres_schema

    url = os.environ.get("KIOSK_TEST_POSTGRES_URL", "")
    if not url:
        yield None
        return
    with postgres_schema(url, "faults") as schema_url:
        direct = bootstrap(_config(tmp / "desk", schema_url), clock=clock)
        issue_ticket(direct, line_code="A")
        parsed = make_url(schema_url)
        with TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432) as proxy:
            proxy.cut()
            yield Setup(_config(tmp / "kiosk", proxy.url(schema_url)), None, proxy.restore)
        direct.db.dispose()


DATABASE_FAULTS: tuple[tuple[str, DatabaseFault], ...] = (
    ("SQLite: read-only data folder", read_only_folder),
    ("SQLite: database full", full_database),
    ("PostgreSQL: server refused", postgres_refused),
)


def run_database_fault(
    app: QApplication, loop: asyncio.AbstractEventLoop, tmp: Path, fault: DatabaseFault
) -> dict[str, str] | None:
    """One fault: the cells of its row, or None when it cannot be made on this machine."""
    clock = FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    with fault(tmp, clock) as setup:
        if setup is None:
            return None
        runner = TaskRunner(loop=loop)
        ops = Ops(runner=runner, config=setup.config, clock=clock, context=setup.context)
        live = Live(url=setup.config.database_url, app_name="bench/faults-live")
        runtime = Runtime(runner=runner, ops=ops, live=live)
        env = Env(app=app, config=setup.config, clock=clock, size=QSize(1920, 1080))
        program = build_kiosk(env, printer=TicketPrinter(config=setup.config, clock=clock))
        window = program.window
        started = time.monotonic()
        window.show()
        live.start()
        program.start(runtime)
        try:
            spin_until(lambda: window.home.waiting.text() == PAUSED_TEXT, timeout_s=WAIT_S)
            shown_s = time.monotonic() - started
            window.home.buttons["take_number"].click()
            told = window.notice.is_open() and window.notice.kind() == PAUSED
            window.notice.ok.click()
            setup.lift()
            lifted = time.monotonic()
            spin_until(lambda: window.home.waiting.text().startswith("Hiện"), timeout_s=WAIT_S)
            recovered_s = time.monotonic() - lifted
            window.show_choose()
            window.choose.line_buttons["A"].click()
            spin_until(lambda: window.current_screen() is window.ticket, timeout_s=WAIT_S)
            shown = window.ticket.ticket()
            numbers = _numbers(ops)
            lost = len({"A001", shown.number if shown else "-"} - numbers)
        finally:
            program.close()
            runtime.close()
            spin_until(runner.is_idle)
            ops.close()
    return {
        "message": f"{shown_s:4.1f} s",
        "tap says": "yes" if told else "no",
        "recovered": f"{recovered_s:4.1f} s",
        "lost": str(lost),
    }


def _numbers(ops: Ops) -> set[str]:
    with ops.context().db.read() as session:
        return set(session.scalars(select(Ticket.number)))
