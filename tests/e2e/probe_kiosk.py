"""The visitor kiosk as a probe: ``python -m tests.e2e.probe_kiosk CONFIG``.

Prints ``ready``; ``{"take": "A"}`` on stdin taps "take a number" and line A as a visitor
would, then prints ``ticket`` with the number shown.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.e2e.probe_common import Commands, emit, run_probe


def main(config_path: str) -> int:
    from PySide6.QtCore import QTimer

    from ui.kiosk.program import SPEC, KioskProgram
    from ui.shell import Runtime

    def on_start(program: KioskProgram, _runtime: Runtime, commands: Commands) -> None:
        window, controller = program.window, program.controller
        assert controller is not None
        before: list[object] = []
        watch = QTimer(window)
        watch.setInterval(50)

        def check_shown() -> None:
            ticket = window.ticket.ticket()
            if ticket is not None and ticket is not before[-1]:
                watch.stop()
                emit("ticket", number=ticket.number)

        def handle(command: dict[str, Any]) -> None:
            if "take" in command:
                before.append(window.ticket.ticket())
                window.home.buttons["take_number"].click()
                window.choose.line_buttons[command["take"]].click()
                watch.start()

        watch.timeout.connect(check_shown)
        controller.ready.connect(lambda: emit("ready"))
        commands.received.connect(handle)

    return run_probe(SPEC, config_path, on_start)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
