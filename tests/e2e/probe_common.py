"""What the probes share: a real program run by the real shell, JSON lines out, commands in.

A probe is one of the programs (desk, display, kiosk) in its own OS process, started by
``ui.shell.run_program`` exactly as ``kiosk desk`` starts it (first frame, operations, the live
path with its watcher, ordered shutdown); it prints one JSON object per line on stdout for
every update, each with ``t`` (``time.monotonic()``, comparable across processes on one PC),
and reads commands (JSON lines) from stdin. The end of stdin quits the program in order.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal

from kiosk.config import load_config
from ui.shell import ProgramSpec, Runtime, run_program

OnStart = Callable[[Any, Runtime, "Commands"], None]


def emit(event: str, **data: Any) -> None:
    """Print one event as a JSON line, at once."""
    line = json.dumps({"event": event, "t": time.monotonic(), **data}, ensure_ascii=False)
    print(line, flush=True)


class Commands(QObject):
    """Reads JSON lines from stdin on a thread and hands them to the Qt thread.

    Signals:
        received(object): a command (a dict) arrived.
        closed: stdin reached its end (the test is done): time to quit.
    """

    received = Signal(object)
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.received.emit(json.loads(line))
        self.closed.emit()


def run_probe(spec: ProgramSpec, config_path: str, on_start: OnStart) -> int:
    """Run ``spec`` under the shell with ``on_start(program, runtime, commands)`` hooked in.

    The end of stdin quits the program in order (``Runtime.quit``).
    """
    kept: list[Commands] = []

    def started(program: Any, runtime: Runtime) -> None:
        commands = Commands()
        commands.closed.connect(lambda: runtime.quit(0))
        kept.append(commands)
        on_start(program, runtime, commands)

    return run_program(spec, load_config(config_path, env={}), on_start=started)
