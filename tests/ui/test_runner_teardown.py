"""Teardown: a database call that ends after Qt shut down must not reach into the dead loop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_a_database_call_ending_after_qt_shut_down_touches_nothing() -> None:
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.runner_teardown_child"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert "survived" in child.stdout
    # Before the fix the worker thread emitted a signal of the deleted qasync loop object:
    # "RuntimeError: Signal source has been deleted" here, or a segfault on a busy machine.
    assert "exception calling callback" not in child.stderr, child.stderr[-2000:]
