"""``kiosk run`` in its own process, driven like a person would: ``python -m tests.e2e.probe_run
CONFIG MODE PIN``.

MODE ``staff-exit``: once the home screen is up, hold the exit corner and type PIN.
MODE ``quit``: once it is up, end the Qt event loop without a staff exit (as a lost X
connection would). The process exits with whatever ``run_kiosk`` returns.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(config_path: str, mode: str, pin: str) -> int:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from ui.app import run_kiosk
    from ui.kiosk.controller import KioskController
    from ui.kiosk.window import KioskWindow

    app = QApplication(sys.argv[:1])
    step = QTimer()
    step.setInterval(100)
    state: dict[str, int] = {"held": 0}

    def window() -> KioskWindow | None:
        """The kiosk window once its controller is attached (after the first frame)."""
        found = [w for w in app.topLevelWidgets() if isinstance(w, KioskWindow)]
        if not found or found[0].findChild(KioskController) is None:
            return None
        return found[0]

    def drive() -> None:
        kiosk = window()
        if kiosk is None or kiosk.windowHandle() is None:
            return
        if mode == "quit":
            step.stop()
            kiosk.allow_close()
            app.quit()
            return
        corner = QPoint(kiosk.width() - 5, 5)
        handle = kiosk.windowHandle()
        if not state["held"]:
            QTest.mousePress(
                handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
            )
            state["held"] = 1
        elif kiosk.exit_overlay.is_open():
            step.stop()
            QTest.mouseRelease(
                handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
            )
            for digit in pin:
                kiosk.exit_overlay.keypad.press(digit)
            kiosk.exit_overlay.keypad.press("ok")

    step.timeout.connect(drive)
    step.start()
    return run_kiosk(load_config(config_path, env={}))


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
