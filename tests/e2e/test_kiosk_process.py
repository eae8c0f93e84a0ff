"""``kiosk run`` as systemd runs it: READY and watchdog pings, and the exit code policy."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.services.context import CLI_ACTOR, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.systemd import STAFF_EXIT, UNEXPECTED_EXIT
from tests.conftest import write_config
from tests.e2e.probes import Probe, desk_probe, desk_staff

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
STAFF_PIN = "4821"
WAIT_S = 120.0


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    """A fake systemd: a unix datagram socket the kiosk sends sd_notify messages to."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.settimeout(WAIT_S)
        yield sock


def kiosk_config(tmp_path: Path) -> Path:
    config = write_config(tmp_path, '[kiosk]\nexit_hold_s = 1\nexit_corner = "top_right"\n')
    ctx = bootstrap(load_config(str(config), env={}))
    add_helper(
        ctx, name="Trần Thị Lan", kind="staff", role="desk_officer", pin=STAFF_PIN, actor=CLI_ACTOR
    )
    ctx.db.dispose()
    return config


def run_kiosk(tmp_path: Path, mode: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": str(tmp_path / "notify"),
        "WATCHDOG_USEC": "600000",  # a ping every 0.2 s
    }
    env.pop("WATCHDOG_PID", None)
    command = [sys.executable, "-m", "tests.e2e.probe_run", str(kiosk_config(tmp_path)), mode]
    return subprocess.Popen([*command, STAFF_PIN], cwd=REPO, env=env, text=True)


def listen(sock: socket.socket, process: subprocess.Popen[str]) -> list[str]:
    """Collect sd_notify messages on a thread until the kiosk exits, as systemd would."""
    received: list[str] = []
    sock.settimeout(0.5)

    def read() -> None:
        while process.poll() is None:
            try:
                received.append(sock.recv(4096).decode())
            except TimeoutError:
                continue
            except OSError:  # the test closed the socket after the kiosk's end: it has all
                return

    threading.Thread(target=read, daemon=True).start()
    return received


def test_the_kiosk_says_ready_pings_the_watchdog_and_a_staff_exit_ends_it_with_success(
    tmp_path: Path, notify_socket: socket.socket
) -> None:
    process = run_kiosk(tmp_path, "staff-exit")
    received = listen(notify_socket, process)
    try:
        assert process.wait(timeout=WAIT_S) == STAFF_EXIT
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert received[0] == "READY=1"
    assert received[1:3] == ["WATCHDOG=1"] * 2  # two pings at least: the exit takes a second


def test_the_kiosk_window_ending_without_a_staff_exit_is_a_failure_systemd_restarts(
    tmp_path: Path, notify_socket: socket.socket
) -> None:
    process = run_kiosk(tmp_path, "quit")
    try:
        assert process.wait(timeout=WAIT_S) == UNEXPECTED_EXIT
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_desk_and_the_display_say_ready_ping_the_watchdog_and_quit_with_success(
    tmp_path: Path, probes: list[Probe]
) -> None:
    config = write_config(tmp_path)
    helper_id = desk_staff(config)[1]
    sockets: dict[str, socket.socket] = {}
    received: dict[str, list[str]] = {}
    for name in ("desk", "display"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(str(tmp_path / f"{name}.notify"))
        sockets[name], received[name] = sock, []
    env = {
        name: {"NOTIFY_SOCKET": str(tmp_path / f"{name}.notify"), "WATCHDOG_USEC": "600000"}
        for name in sockets
    }
    desk = desk_probe(config, 1, helper_id, env=env["desk"])
    display = Probe("display", "tests.e2e.probe_display", str(config), env=env["display"])
    probes.extend([desk, display])
    try:
        for name in sockets:
            sockets[name].settimeout(WAIT_S)
            while received[name].count("WATCHDOG=1") < 2:
                received[name].append(sockets[name].recv(4096).decode())
            assert received[name][0] == "READY=1", name
        # An ordered quit (as the close button or SIGTERM asks) is a success systemd keeps.
        assert [probe.stop()[0] for probe in (desk, display)] == [0, 0]
    finally:
        for sock in sockets.values():
            sock.close()


def test_the_unit_restarts_only_on_failure_and_has_a_watchdog() -> None:
    unit = (REPO / "kiosk.service").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#")
    )
    assert settings["Restart"] == "on-failure"
    assert settings["Type"] == "notify"
    assert int(settings["WatchdogSec"]) > 0
    assert STAFF_EXIT == 0 and UNEXPECTED_EXIT != 0  # 0 is the only success systemd knows here
    assert "SuccessExitStatus" not in settings and "RestartPreventExitStatus" not in settings


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    unit = (REPO / "kiosk.service").read_text(encoding="utf-8")
    # Point the unit at this checkout's program, which systemd-analyze checks exists.
    program = Path(sys.executable).with_name("kiosk")
    local = tmp_path / "commune-kiosk.service"
    local.write_text(unit.replace("/opt/commune-kiosk/.venv/bin/kiosk", str(program)), "utf-8")

    done = subprocess.run(
        [analyze, "verify", str(local)], capture_output=True, text=True, timeout=60, check=False
    )

    problems = [line for line in done.stderr.splitlines() if local.name in line]
    assert problems == []
