"""bench/ticket.py runs and reports every figure with its goal (a bench that rots says nothing).

The tap driver reaches into the kiosk (the controller's issue call, the printer's submit, the
ticket screen's number): a rename there would break the bench silently, long before anyone
runs ``make bench``. Only that the figures are printed is checked here, never their values.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_the_ticket_bench_prints_the_tap_against_both_floors_and_the_render_share() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ticket.py"), "--taps", "5", "--tickets", "5"],
        cwd=ROOT,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = run.stdout[-4000:] + run.stderr[-3000:]
    assert run.returncode == 0, report
    out = run.stdout
    assert re.search(r"raw sqlite3 INSERT \+ COMMIT: min [\d.]+ ms", out), report
    for moment in ("committed", "painted", "handed to the printer"):
        assert f"honest floor, plain PySide6 tap -> {moment}: min" in out, report
        assert re.search(rf"\n  tap -> {moment}: min [\d.]+ ms, .* the honest floor", out), report
    p2 = re.search(
        r"tap -> committed \+ painted \+ handed to the printer \(P2\): .*"
        r"goal <= 2x honest floor and < 100 ms  (PASS|FAIL)",
        out,
    )
    assert p2, report
    for paper in (80, 58):
        for case in ("steady", "first after start"):
            figure = rf"{paper} mm, {case}: min [\d.]+%, median [\d.]+% \(P3\)"
            assert re.search(figure + r"  goal <= 5%  (PASS|FAIL)", out), report
