"""``kiosk demo desk --counter 1`` opens a real window on a real X server (Xvfb).

The display is ``$KIOSK_TEST_X11_DISPLAY`` when set (an Xvfb already running); otherwise the
test starts its own Xvfb on a free display number (``-displayfd``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_demo import demo_env

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
DISPLAY_ENV = "KIOSK_TEST_X11_DISPLAY"
WAIT_S = 120.0


@pytest.fixture
def x_display() -> Iterator[str]:
    """A running X server's display name."""
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    if os.environ.get(DISPLAY_ENV):
        yield os.environ[DISPLAY_ENV]
        return
    if shutil.which("Xvfb") is None:
        pytest.skip(f"no Xvfb, and {DISPLAY_ENV} is not set")
    read, write = os.pipe()
    server = subprocess.Popen(
        # -noreset: xdotool's polls come and go; a reset then could refuse the program.
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            "1366x768x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(WAIT_S)


def wait_for_window(display: str, title: str, process: subprocess.Popen[str]) -> list[str]:
    """Window ids ``xdotool`` finds with this title, once the program shows it."""
    env = {**os.environ, "DISPLAY": display}
    while process.poll() is None:
        try:
            found = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", title],
                env=env,
                capture_output=True,
                text=True,
                timeout=WAIT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return []
        if found.returncode == 0 and found.stdout.split():
            return found.stdout.split()
    return []


def test_demo_desk_opens_its_window_on_a_real_x_server(tmp_path: Path, x_display: str) -> None:
    env = {**demo_env(tmp_path), "DISPLAY": x_display}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "demo", "desk", "--counter", "1"],
        cwd=REPO,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        try:
            windows = wait_for_window(x_display, "Quầy tiếp dân", process)
            alive = process.poll() is None
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=WAIT_S)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert alive and windows, err
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "Demo staff PIN: 2468" in out
