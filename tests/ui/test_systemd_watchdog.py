"""The systemd watchdog is fed by the Qt event loop: a frozen screen stops it, a busy database not.

systemd is played by a real unix datagram socket given as ``NOTIFY_SOCKET``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.services.context import AppContext
from kiosk.services.tickets import issue_ticket
from kiosk.systemd import notify, watchdog_interval_s
from tests.storage.lock_holder import release, write_lock_held
from ui.watchdog import SystemdWatchdog, start_watchdog

PERIOD_USEC = "300000"  # systemd's period 0.3 s: a ping every 0.1 s


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[tuple[socket.socket, dict[str, str]]]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.setblocking(False)
        yield sock, {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": PERIOD_USEC}


def drain(sock: socket.socket) -> list[str]:
    received = []
    while True:
        try:
            received.append(sock.recv(4096).decode())
        except BlockingIOError:
            return received


def count_pings(sock: socket.socket, seen: list[str]) -> int:
    """Add what arrived to ``seen``; how many watchdog pings it holds now."""
    seen.extend(drain(sock))
    return seen.count("WATCHDOG=1")


def test_notify_speaks_the_datagram_protocol_and_is_silent_outside_systemd(
    systemd: tuple[socket.socket, dict[str, str]],
) -> None:
    sock, env = systemd
    assert notify("READY=1", env)
    assert drain(sock) == ["READY=1"]
    assert not notify("READY=1", {})
    assert watchdog_interval_s(env) == 0.3
    assert watchdog_interval_s({}) is None
    assert watchdog_interval_s({**env, "WATCHDOG_PID": "1"}) is None  # for another process


def test_ready_then_pings_while_the_event_loop_runs(
    qtbot: QtBot, systemd: tuple[socket.socket, dict[str, str]]
) -> None:
    sock, env = systemd
    owner = QObject()
    watchdog = start_watchdog(owner, env)
    assert isinstance(watchdog, SystemdWatchdog)
    received: list[str] = []

    qtbot.wait_until(lambda: count_pings(sock, received) >= 3, timeout=10_000)
    watchdog.stop()

    assert received[0] == "READY=1"
    assert set(received[1:]) == {"WATCHDOG=1"}


def test_a_frozen_event_loop_sends_no_ping(
    qtbot: QtBot, systemd: tuple[socket.socket, dict[str, str]]
) -> None:
    sock, env = systemd
    owner = QObject()
    watchdog = start_watchdog(owner, env)
    assert watchdog is not None
    qtbot.wait_until(lambda: "WATCHDOG=1" in drain(sock), timeout=10_000)

    time.sleep(1.0)  # the UI thread stuck for more than three ping periods
    frozen = drain(sock)
    qtbot.wait_until(lambda: "WATCHDOG=1" in drain(sock), timeout=10_000)
    watchdog.stop()

    assert frozen == []


def test_a_database_thread_waiting_for_a_locked_database_does_not_stop_the_pings(
    qtbot: QtBot, systemd: tuple[socket.socket, dict[str, str]], sqlite_ctx: AppContext
) -> None:
    sock, env = systemd
    database = sqlite_ctx.db.engine.url.database
    assert database is not None
    with write_lock_held(database) as holder:
        writer = threading.Thread(target=lambda: issue_ticket(sqlite_ctx, line_code="A"))
        writer.start()
        qtbot.wait_until(lambda: sqlite_ctx.db.busy.retrying_for_s() > 0, timeout=10_000)
        owner = QObject()
        watchdog = start_watchdog(owner, env)
        assert watchdog is not None
        pings: list[str] = []

        qtbot.wait_until(lambda: count_pings(sock, pings) >= 5)

        assert writer.is_alive()  # the database write is still waiting all this time
        watchdog.stop()
        release(holder)
        writer.join(timeout=60)


def test_a_systemd_that_stopped_reading_never_blocks_the_ui_thread(
    systemd: tuple[socket.socket, dict[str, str]],
) -> None:
    _sock, env = systemd  # nobody reads: its queue fills up after a few hundred pings
    sent = [notify("WATCHDOG=1", env) for _ in range(5000)]
    assert sent[0] and not sent[-1]  # the pings past a full queue are dropped, not waited on
