"""What the probes share: an offscreen Qt app on qasync, JSON lines out, commands in.

A probe is a real screen object (desk, display, kiosk) in its own OS process with its real
polling against the real database; it prints one JSON object per line on stdout for every
update and reads commands (JSON lines) from stdin. The end-to-end test drives them.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication


def emit(event: str, **data: Any) -> None:
    """Print one event as a JSON line, at once."""
    print(json.dumps({"event": event, **data}, ensure_ascii=False), flush=True)


class Commands(QObject):
    """Reads JSON lines from stdin on a thread and hands them to the Qt thread.

    Signals:
        received(object): a command (a dict) arrived.
        closed: stdin reached its end (the test is done): time to quit.
    """

    received = Signal(object)
    closed = Signal()

    def __init__(self, handle: Callable[[dict[str, Any]], None]) -> None:
        super().__init__()
        self._handle = handle
        self.received.connect(self._on_self_received)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.received.emit(json.loads(line))
        self.closed.emit()

    @Slot(object)
    def _on_self_received(self, command: dict[str, Any]) -> None:
        self._handle(command)


def start_app() -> tuple[QApplication, asyncio.AbstractEventLoop]:
    """A QApplication with the qasync loop installed."""
    import qasync

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return app, loop
