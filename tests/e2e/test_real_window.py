"""The real ``kiosk demo`` (and display) in a real X11 window under Xvfb, at every screen size.

Offscreen rendering hides what a real X server does (font rendering, a window the server
sizes); here each program runs as a commune runs it, fullscreen on an Xvfb screen, with
``KIOSK_GEOMETRY_DUMP`` set: once ready it walks its screens and checks each with the same
``ui.geometry_check`` the offscreen tests use, and writes what it found.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_config
from ui.shell import GEOMETRY_DUMP_ENV

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="Xvfb or xdotool is not installed (apt-get install xvfb xdotool): "
        "the real-window check needs an X server",
    ),
]

REPO = Path(__file__).resolve().parents[2]
SIZES = [(1920, 1080), (1366, 768), (1280, 1024), (1080, 1920)]
WAIT_S = 120.0


def _wait_for(
    what: str, ready: Any, process: subprocess.Popen[Any] | None = None, log: Path | None = None
) -> None:
    """Poll until ``ready()``; fail naming ``what`` if the process ends or ``WAIT_S`` passes.

    The failure quotes the end of the program's ``log``: a CI run once saw only "ended with
    -6", and the reason was in the log it had already deleted.
    """
    deadline = time.monotonic() + WAIT_S
    while not ready():
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: the process ended with {process.returncode}{_tail(log)}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {WAIT_S:g} s{_tail(log)}")
        time.sleep(0.1)  # waiting for another process, not measuring anything


def _tail(log: Path | None, lines: int = 12) -> str:
    if log is None or not log.exists():
        return ""
    said = log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    return "\nthe program's log ends:\n" + "\n".join(said)


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """An Xvfb server with one screen of ``width`` x ``height``; yields its DISPLAY.

    Xvfb picks a free display number itself and writes it to a pipe once it accepts clients
    (``-displayfd``). ``-noreset``: by default an X server resets when its last client goes,
    and the test's ``xdotool`` polls are clients that come and go; a program connecting
    during such a reset is refused ("could not connect to display :0", seen on a loaded CI
    machine).
    """
    read, write = os.pipe()
    screen = ["-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"]
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), *screen],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            ready, _, _ = select.select([numbers], [], [], WAIT_S)
            number = numbers.readline().strip() if ready else ""
        if not number:
            code = server.poll()
            pytest.fail(f"Xvfb: no display within {WAIT_S:g} s (exit code {code})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def program_env(tmp_path: Path, display: str, *, voice: bool) -> dict[str, str]:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        GEOMETRY_DUMP_ENV: str(tmp_path / "geometry.json"),
    }
    if not voice:  # no espeak-ng or spd-say on PATH: a machine without a voice
        empty = tmp_path / "no-voice-bin"
        empty.mkdir(exist_ok=True)
        env["PATH"] = str(empty)
    return env


def window_sizes(display: str, name: str) -> list[tuple[int, int]]:
    """The sizes of the visible windows titled ``name``, as the X server has them."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout.split()
    sizes = []
    for window in found:
        shape = subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        ).stdout
        values = dict(line.split("=", 1) for line in shape.split())
        if "WIDTH" in values:  # else the window went away between the search and now
            sizes.append((int(values["WIDTH"]), int(values["HEIGHT"])))
    return sizes


def run_and_check(
    tmp_path: Path, arguments: list[str], *, size: tuple[int, int], title: str, voice: bool
) -> dict[str, Any]:
    """Start ``kiosk ARGUMENTS`` on an Xvfb screen of ``size``; returns its geometry report."""
    report = tmp_path / "geometry.json"
    with xvfb(*size) as display:
        command = [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]
        env = program_env(tmp_path, display, voice=voice)
        log_path = tmp_path / "program.log"
        log = log_path.open("w")
        process = subprocess.Popen(
            [*command, *arguments], cwd=REPO, env=env, stdout=log, stderr=log
        )
        try:
            _wait_for("the window", lambda: size in window_sizes(display, title), process, log_path)
            _wait_for("the geometry report", report.exists, process, log_path)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def problems_in(report: dict[str, Any]) -> list[str]:
    return [f"{state}: {problem}" for state, found in report["states"].items() for problem in found]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_demo_kiosk_in_a_real_x11_window_cuts_nothing_on_any_screen(
    tmp_path: Path, width: int, height: int
) -> None:
    report = run_and_check(tmp_path, ["demo"], size=(width, height), title="Trung tâm", voice=True)
    assert report["screen"] == report["window"] == [width, height]
    assert len(report["states"]) >= 30, list(report["states"])  # vi/en, large text, 8+ screens
    assert not problems_in(report), "\n".join(problems_in(report))


def test_the_demo_kiosk_without_a_voice_cuts_nothing_at_1366x768(tmp_path: Path) -> None:
    report = run_and_check(tmp_path, ["demo"], size=(1366, 768), title="Trung tâm", voice=False)
    assert report["window"] == [1366, 768]
    assert not problems_in(report), "\n".join(problems_in(report))


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_calling_display_in_a_real_x11_window_cuts_nothing(
    tmp_path: Path, width: int, height: int
) -> None:
    config = write_config(tmp_path, "")
    report = run_and_check(
        tmp_path,
        ["--config", str(config), "display"],
        size=(width, height),
        title=".",  # any title: the display's window is the only one
        voice=False,
    )
    assert report["window"] == [width, height]
    assert "shown" in report["states"]
    assert not problems_in(report), "\n".join(problems_in(report))


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_desk_in_a_real_x11_window_cuts_nothing_before_sign_in(
    tmp_path: Path, width: int, height: int
) -> None:
    config = write_config(tmp_path, "")
    report = run_and_check(
        tmp_path,
        ["--config", str(config), "desk"],
        size=(width, height),
        title=".",
        voice=False,
    )
    assert report["window"] == [width, height]
    assert len(report["states"]) > 1, list(report["states"])  # the pages of its stack
    assert not problems_in(report), "\n".join(problems_in(report))
