"""``kiosk run`` in its own process, driven like a person would: ``python -m tests.e2e.probe_run
CONFIG MODE PIN``.

The kiosk runs under the real shell (``ui.shell.run_program``), as ``kiosk run`` starts it.
MODE ``staff-exit``: once the home screen is up, hold the exit corner and type PIN.
MODE ``quit``: once it is up, end the Qt event loop without asking the shell (as a lost display
would). The process exits with whatever ``run_program`` returns.
"""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(config_path: str, mode: str, pin: str) -> int:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from ui.kiosk.program import SPEC, KioskProgram
    from ui.shell import Runtime, run_program

    def drive(window: Any, step: QTimer, held: list[bool]) -> None:
        if window.windowHandle() is None:
            return
        if mode == "quit":
            step.stop()
            QApplication.exit(0)  # not through the shell: nobody asked the kiosk to quit
            return
        corner = QPoint(window.width() - 5, 5)
        handle = window.windowHandle()
        if not held:
            QTest.mousePress(
                handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
            )
            held.append(True)
        elif window.exit_overlay.is_open():
            step.stop()
            QTest.mouseRelease(
                handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
            )
            for digit in [*pin, "ok"]:
                window.exit_overlay.keypad.press(digit)

    def started(program: KioskProgram, _runtime: Runtime) -> None:
        assert program.controller is not None
        step = QTimer(program.window)
        step.setInterval(100)
        held: list[bool] = []
        step.timeout.connect(lambda: drive(program.window, step, held))
        program.controller.ready.connect(step.start)

    return run_program(SPEC, load_config(config_path, env={}), on_start=started)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
