"""The visitor kiosk as a probe: ``python -m tests.e2e.probe_kiosk CONFIG``.

Prints ``ready``; ``{"take": "A"}`` on stdin taps "take a number" and line A as a visitor
would, then prints ``ticket`` with the number shown.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.e2e.probe_common import Commands, emit, start_app


def main(config_path: str) -> int:
    from escpos.printer import Dummy
    from PySide6.QtCore import QSize, QTimer

    from kiosk.config import load_config
    from printing.worker import PrinterWorker
    from ui.kiosk.backend import KioskBackend
    from ui.kiosk.factory import build_kiosk
    from ui.ticket_printing import TicketPrinter

    app, loop = start_app()
    config = load_config(config_path, env={})
    backend = KioskBackend(config)
    worker = PrinterWorker(Dummy, width_dots=config.printer.width_dots, timeout_s=5)
    parts = build_kiosk(
        app=app,
        loop=loop,
        config=config,
        backend=backend,
        printer=TicketPrinter(config=config, worker=worker),
        clock=backend.clock,
        size=QSize(1080, 1920),
    )
    window = parts.window

    watch = QTimer()
    watch.setInterval(50)
    before: list[object] = []

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
    parts.controller.ready.connect(lambda: emit("ready"))
    commands = Commands(handle)
    commands.closed.connect(app.quit)
    window.show()
    window.first_painted.connect(parts.controller.start)
    try:
        loop.run_forever()
    finally:
        parts.close()
        worker.close()
        backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
