"""PySide6 no longer reads the source of every module imported after it (ui.import_hook)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh process: in the test process the UI (and so the workaround) is imported already.
LATE_IMPORT = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import {first}
import late_module_for_the_hook
read = [name for name in linecache.cache if name.endswith("late_module_for_the_hook.py")]
print("read" if read else "not read")
"""


def import_after(first: str, tmp_path: Path) -> str:
    (tmp_path / "late_module_for_the_hook.py").write_text("VALUE = 1\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", LATE_IMPORT.format(first=first), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_pyside_alone_reads_each_later_module_as_source(tmp_path: Path) -> None:
    # What the workaround is for; if a PySide6 release stops doing this, drop ui.import_hook.
    assert import_after("PySide6.QtCore", tmp_path) == "read"


def test_after_the_ui_a_module_is_imported_without_reading_its_source(tmp_path: Path) -> None:
    assert import_after("ui.runtime", tmp_path) == "not read"
