"""``kiosk village`` and ``kiosk demo village`` as real processes through the one shell."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import write_config
from tests.village.conftest import PLACE

START_TIMEOUT_S = 120  # a busy machine; the program itself is ready in about a second


def kiosk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_BENCH_EXIT": "ready",  # the shell quits once the first data is on screen
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    for name in ("KIOSK_DATABASE_URL", "KIOSK_CONFIG"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
        check=False,
    )


def test_kiosk_village_on_a_pc_that_is_no_village_point_says_what_to_set(tmp_path: Path) -> None:
    result = kiosk(tmp_path, "--config", str(write_config(tmp_path)), "village")
    assert result.returncode == 2
    assert "[village] place" in result.stderr and "Traceback" not in result.stderr


def test_kiosk_village_starts_the_touch_program_on_a_village_point(tmp_path: Path) -> None:
    body = f'[village]\nplace = "{PLACE}"\nkey_file = "{tmp_path / "village.key"}"\n'
    result = kiosk(tmp_path, "--config", str(write_config(tmp_path, body)), "village")
    assert result.returncode == 0, result.stderr
    assert "kiosk-bench ready" in result.stdout


def test_kiosk_demo_village_seeds_its_own_database_once(tmp_path: Path) -> None:
    for _ in range(2):  # no config file: the defaults, as on a fresh PC
        result = kiosk(tmp_path, "demo", "village")
        assert result.returncode == 0, result.stderr
        assert "kiosk-bench ready" in result.stdout
    [database] = (tmp_path / "data").rglob("village-demo.sqlite3")
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM helper")).scalars().all()
    engine.dispose()
    assert len(names) == 5 and all(name.startswith("[DEMO] ") for name in names)
    assert not list((tmp_path / "data").rglob("demo.sqlite3"))  # the desk's demo is untouched
