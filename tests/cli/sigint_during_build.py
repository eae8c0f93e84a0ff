"""A program whose window is still being built when Ctrl+C arrives (run by test_demo.py).

The SIGINT is raised from inside a Qt virtual (``event``, sent synchronously while the build
runs), where a Python exception is printed and swallowed by PySide; the process must still
quit, with 0.
"""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import load_config
from ui.shell import STAFF, Env, ProgramBase, ProgramSpec, Runtime, run_program

BUILDING = QEvent.Type(QEvent.registerEventType())


class _Window(QWidget):
    def event(self, event: QEvent) -> bool:
        if event.type() == BUILDING:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C while Qt is inside the build
            return True
        return super().event(event)


class _Program(ProgramBase[_Window]):
    def _start(self, runtime: Runtime) -> None:
        runtime.ready()


def _build(env: Env) -> _Program:
    from ui.i18n import I18n

    window = _Window()
    QApplication.sendEvent(window, QEvent(BUILDING))
    window.resize(env.size)
    return _Program(window, i18n=I18n())


if __name__ == "__main__":
    spec = ProgramSpec(name="sigint-probe", policy=STAFF, build=_build)
    sys.exit(run_program(spec, load_config(sys.argv[1], env={})))
