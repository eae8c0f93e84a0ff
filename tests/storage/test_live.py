"""Change notices and link state from the watchers, on real SQLite files and real PostgreSQL."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from kiosk.services.changes import signal_change
from kiosk.services.context import AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.storage.engine import application_name, open_database
from kiosk.storage.live import WatchTimings, make_watcher
from tests.tcp_proxy import TcpProxy

WAIT_S = 10.0


class Recorder:
    """The events a watcher reported, for a test to wait on."""

    def __init__(self) -> None:
        self.changes = 0
        self.links: list[bool] = []
        self._condition = threading.Condition()

    def changed(self) -> None:
        with self._condition:
            self.changes += 1
            self._condition.notify_all()

    def link(self, up: bool, reason: str) -> None:
        with self._condition:
            self.links.append(up)
            self._condition.notify_all()

    def wait_for(self, what: str, predicate: Callable[[], bool]) -> None:
        with self._condition:
            if not self._condition.wait_for(predicate, timeout=WAIT_S):
                raise AssertionError(f"no {what} within {WAIT_S} s: {self.links}, {self.changes}")

    def is_up(self) -> bool:
        return bool(self.links) and self.links[-1]


@contextmanager
def watching(url: str, timings: WatchTimings | None = None) -> Iterator[Recorder]:
    recorder = Recorder()
    watcher = make_watcher(url, app_name="test-live", events=recorder, timings=timings)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        recorder.wait_for("link up", recorder.is_up)
        yield recorder
    finally:
        stop.set()
        thread.join(timeout=10)
        assert not thread.is_alive()


def settle(recorder: Recorder, quiet_s: float = 0.5) -> int:
    """The change count once no notice came for ``quiet_s`` (the start-up read is done)."""
    seen = -1
    while seen != recorder.changes:
        seen = recorder.changes
        time.sleep(quiet_s)
    return seen


def test_sqlite_a_commit_by_another_connection_is_heard(sqlite_ctx: AppContext) -> None:
    with watching(sqlite_ctx.config.database_url) as recorder:
        before = settle(recorder)
        issue_ticket(sqlite_ctx, line_code="A")
        recorder.wait_for("a change", lambda: recorder.changes > before)


def test_sqlite_a_file_that_cannot_be_opened_is_a_link_down_until_it_can(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.mkdir()  # a folder where the database should be: sqlite cannot open it
    recorder = Recorder()
    watcher = make_watcher(f"sqlite:///{path}", app_name="test", events=recorder)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        recorder.wait_for("link down", lambda: recorder.links == [False])
        path.rmdir()
        recorder.wait_for("link up", recorder.is_up)
        assert recorder.links == [False, True]  # reported once per change of state
    finally:
        stop.set()
        thread.join(timeout=10)


def test_postgres_a_committed_change_is_heard_and_a_rolled_back_one_is_not(
    postgres_ctx: AppContext,
) -> None:
    with watching(postgres_ctx.config.database_url) as recorder:
        before = settle(recorder)
        with postgres_ctx.db.write() as session:
            signal_change(session, "ticket")
            session.rollback()
        time.sleep(1.0)
        assert recorder.changes == before
        issue_ticket(postgres_ctx, line_code="A")
        recorder.wait_for("a change", lambda: recorder.changes > before)


def test_postgres_a_change_in_another_schema_is_not_heard(
    postgres_ctx: AppContext, postgres_schema_url: str
) -> None:
    other = postgres_schema_url.replace("search_path%3D", "search_path%3Dother_")
    with watching(other) as recorder:
        before = settle(recorder)
        issue_ticket(postgres_ctx, line_code="A")
        time.sleep(1.5)
        assert recorder.changes == before


@pytest.fixture
def private_database(postgres_url: str) -> Iterator[str]:
    """A database of its own, so the server's transaction count is this test's alone."""
    name = f"live_{uuid.uuid4().hex[:10]}"
    admin = make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield make_url(postgres_url).set(database=name).render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


STATS_SETTLE_S = 11.0


def server_transactions(url: str, database: str) -> int:
    """Committed and rolled-back transactions of ``database``, as the server counted them."""
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            value = connection.execute(
                text(
                    "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = :name"
                ),
                {"name": database},
            ).scalar_one()
    finally:
        db.dispose()
    return int(value)


def test_postgres_an_idle_watcher_costs_the_server_no_transaction(
    postgres_url: str, private_database: str
) -> None:
    name = make_url(private_database).database
    assert name is not None
    # A reply may wait as long as it likes: on a starved machine (a niced test run beside a
    # soak) a 1.5 s reply timeout reconnected the watcher, and each reconnect's SELECT and
    # LISTEN are transactions. What is measured here is the heartbeat, not reconnects.
    patient = WatchTimings(reply_timeout_s=60.0)
    with watching(private_database, patient) as recorder:
        settle(recorder)
        # A backend that goes idle publishes its counts within 1 s, or up to 10 s later when
        # it published less than a second before (PostgreSQL's PGSTAT_IDLE_INTERVAL): the
        # watcher's connect and LISTEN must be counted before the window opens.
        time.sleep(STATS_SETTLE_S)
        before = server_transactions(postgres_url, name)
        time.sleep(3.0)  # six heartbeats
        after = server_transactions(postgres_url, name)
        assert recorder.links == [True], "the watcher connected once and stayed up"
    assert after == before


FAST = WatchTimings(heartbeat_s=0.2, reply_timeout_s=0.6, retry_s=0.2)


@pytest.mark.parametrize("fault", ["cut", "drop"])
def test_postgres_a_cut_link_is_reported_down_once_and_up_again(
    postgres_ctx: AppContext, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    url = make_url(postgres_ctx.config.database_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    with proxy, watching(proxy.url(postgres_ctx.config.database_url), FAST) as recorder:
        before = settle(recorder)
        getattr(proxy, fault)()
        recorder.wait_for("link down", lambda: recorder.links == [True, False])
        issue_ticket(postgres_ctx, line_code="A")  # while the screen cannot hear it
        time.sleep(1.0)  # several failed reconnects: none of them is reported again
        assert recorder.links == [True, False]
        proxy.restore()
        recorder.wait_for("link up", lambda: recorder.links == [True, False, True])
        # The change made meanwhile is not lost: the watcher says "read again".
        recorder.wait_for("a change", lambda: recorder.changes > before)
    # One line when the link went, one when it came back: not one per try.
    assert caplog.text.count("database unreachable") == 1
    assert caplog.text.count("database reachable again") == 1


def test_postgres_connections_name_the_program_and_the_pc_and_bound_statements(
    postgres_schema_url: str,
) -> None:
    db = open_database(postgres_schema_url, app_name=application_name("desk-2", host="PC-7"))
    try:
        with db.engine.connect() as connection:
            name = connection.execute(
                text("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
            ).scalar_one()
            timeout = connection.execute(text("SHOW statement_timeout")).scalar_one()
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    finally:
        db.dispose()
    assert (name, timeout) == ("desk-2@PC-7", "30s")
    assert schema == make_url(postgres_schema_url).query["options"].split("=")[-1]
