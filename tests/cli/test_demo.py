"""``kiosk demo [PROGRAM]``: every program on the one demo database, and Ctrl+C stops it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.cli_demo import demo_launch
from kiosk.cli_gui import program_spec
from kiosk.config import load_config
from kiosk.demo import DEMO_COMMUNE, DEMO_DATABASE, DEMO_MANAGER_PIN, DEMO_STAFF_PIN
from tests.conftest import write_config

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 120.0
CLEARED = ("KIOSK_DATABASE_URL", "KIOSK_CONFIG", "NOTIFY_SOCKET", "WATCHDOG_USEC")


def demo_env(tmp_path: Path) -> dict[str, str]:
    """A fresh machine: no config file, the platform folders inside ``tmp_path``."""
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


@pytest.fixture
def fresh_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in demo_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data" / "commune-kiosk" / DEMO_DATABASE


@pytest.mark.parametrize(
    ("argv", "program", "counter", "spec_name"),
    [
        (["demo"], "kiosk", None, "kiosk"),
        (["demo", "desk", "--counter", "1"], "desk", 1, "desk-1"),
        (["demo", "desk"], "desk", None, "desk"),
        (["demo", "display"], "display", None, "display"),
        (["demo", "rate", "--counter", "1"], "rate", 1, "rate-1"),
        (["demo", "manager"], "manager", None, "manager"),
    ],
)
def test_each_demo_program_opens_the_real_program_on_the_demo_database(
    fresh_machine: Path, argv: list[str], program: str, counter: int | None, spec_name: str
) -> None:
    args = build_parser().parse_args(argv)
    assert args.handler.__name__ == "_demo"
    plan = demo_launch(args, load_config(None))
    assert (plan.program, plan.counter, plan.demo) == (program, counter, True)
    assert plan.config.database_url == f"sqlite:///{fresh_machine}"
    assert plan.config.site.commune == DEMO_COMMUNE
    assert program_spec(plan).name == spec_name


def test_the_demo_rate_screen_needs_its_counter(fresh_machine: Path) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["demo", "rate"])


def test_the_help_gives_every_demo_pin_and_program(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["demo", "--help"])
    text = capsys.readouterr().out
    for word in (DEMO_STAFF_PIN, DEMO_MANAGER_PIN, "desk", "display", "rate", "manager"):
        assert word in text
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    assert "kiosk demo desk --counter 1" in capsys.readouterr().out


@pytest.mark.slow
def test_ctrl_c_stops_the_demo_kiosk_cleanly_and_the_database_is_intact(tmp_path: Path) -> None:
    env = {**demo_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    lines: list[str] = []
    ready = threading.Event()
    with subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "demo"],
        cwd=REPO,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:

        def read_log() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                if "kiosk ready" in line:  # the seeded queue is on screen
                    ready.set()
            ready.set()

        reader = threading.Thread(target=read_log, daemon=True)
        reader.start()
        try:
            assert ready.wait(WAIT_S) and process.poll() is None, "".join(lines)
            process.send_signal(signal.SIGINT)  # what Ctrl+C in the terminal sends
            out = process.stdout.read() if process.stdout else ""
            process.wait(timeout=WAIT_S)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        reader.join(WAIT_S)
    err = "".join(lines)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "signal 2: quitting" in err
    assert DEMO_STAFF_PIN in out  # the terminal says how to leave, too
    database = tmp_path / "data" / "commune-kiosk" / DEMO_DATABASE
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = {row[0] for row in db.execute("SELECT name FROM helper")}
    assert "[DEMO] Lãnh Đạo Xã" in names


@pytest.mark.slow
def test_ctrl_c_while_the_window_is_being_built_still_quits_with_0(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    env = {**demo_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.cli.sigint_during_build", str(config)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )
    # Before the fix: KeyboardInterrupt inside a Qt virtual, then a segmentation fault.
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
