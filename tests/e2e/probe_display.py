"""The calling display as a probe: ``python -m tests.e2e.probe_display CONFIG``.

Prints ``ready``, then ``update`` (each counter's number, waiting per line) after every
refresh the real polling makes, and ``announce`` for every sentence the display would speak.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.e2e.probe_common import Commands, emit, start_app


class PrintedVoice:
    """A voice that prints what it would say."""

    available = True

    async def say(self, text: str) -> None:
        emit("announce", text=text)

    async def play(self) -> None:
        emit("chime")


def main(config_path: str) -> int:
    from PySide6.QtCore import QSize

    from kiosk.config import load_config
    from ui.display.app import build_display
    from ui.display.backend import DisplayBackend

    app, loop = start_app()
    config = load_config(config_path, env={})
    voice = PrintedVoice()
    parts = build_display(
        app=app,
        loop=loop,
        config=config,
        backend=DisplayBackend(config),
        clock=DisplayBackend(config).clock,
        size=QSize(1280, 720),
        speech=voice,
        chime=voice,
    )

    def report() -> None:
        snapshot = parts.controller.snapshot()
        assert snapshot is not None
        emit(
            "update",
            counters={
                str(c.number): c.current.number if c.current else "" for c in snapshot.counters
            },
            waiting={line.code: line.waiting for line in snapshot.lines},
        )

    def handle(_command: dict[str, Any]) -> None:
        pass

    parts.controller.refreshed.connect(report)
    parts.controller.ready.connect(lambda: emit("ready"))
    commands = Commands(handle)
    commands.closed.connect(app.quit)
    parts.screen.show()
    parts.controller.start()
    try:
        loop.run_forever()
    finally:
        parts.close()
        parts.backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
