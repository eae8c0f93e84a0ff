"""The garbage collector while a window starts: held, then released after the first frame."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli
from tests.conftest import write_config

ROOT = Path(__file__).resolve().parents[2]

# The real command line in a process of its own; the shell's first-frame step is watched.
PROBE = """
import gc, sys
from ui.shell import Shell
from kiosk import cli

after_first_frame = Shell.after_first_frame

def watched(self):
    during = "on" if gc.isenabled() else "off"
    after_first_frame(self)
    after = "on" if gc.isenabled() else "off"
    print(f"build {during}, after the first frame {after}, frozen {gc.get_freeze_count()}")

Shell.after_first_frame = watched
sys.exit(cli.main(["--config", sys.argv[1], "run"]))
"""


def test_the_collector_is_held_while_the_window_is_built_then_spared_start_up(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_BENCH_EXIT": "paint"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(write_config(tmp_path))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("build "))
    head, frozen = line.rsplit(" ", 1)
    assert head == "build off, after the first frame on, frozen"
    assert int(frozen) > 10_000  # the modules, classes and widgets built before the frame


def test_without_a_display_the_collector_is_back_on_and_nothing_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    frozen = gc.get_freeze_count()
    assert cli.main(["--config", str(write_config(tmp_path)), "run"]) == 1
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
