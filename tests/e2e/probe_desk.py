"""A desk console as a probe: ``python -m tests.e2e.probe_desk CONFIG COUNTER HELPER_ID PIN``.

Signs in by tapping the name and the keypad, prints ``signed_in`` and then ``update`` (its
current ticket, the waiting numbers) after every refresh; ``{"tap": "call_next"}`` on stdin
taps that action button.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.e2e.probe_common import Commands, emit, start_app


def main(config_path: str, counter: int, helper_id: int, pin: str) -> int:
    from escpos.printer import Dummy
    from PySide6.QtCore import QSize

    from kiosk.config import load_config
    from printing.worker import PrinterWorker
    from ui.desk.app import build_desk
    from ui.desk.backend import DeskBackend
    from ui.ticket_printing import TicketPrinter

    app, loop = start_app()
    config = load_config(config_path, env={})
    backend = DeskBackend(config)
    worker = PrinterWorker(Dummy, width_dots=config.printer.width_dots, timeout_s=5)
    parts = build_desk(
        app=app,
        loop=loop,
        config=config,
        backend=backend,
        printer=TicketPrinter(config=config, worker=worker),
        clock=backend.clock,
        size=QSize(1366, 768),
        fixed_counter=counter,
    )
    window = parts.window

    def sign_in() -> None:
        window.staff.buttons[helper_id].click()
        for key in [*pin, "ok"]:
            window.pin.keypad.press(key)

    def report() -> None:
        current = window.queue.current_ticket()
        snapshot = window.queue.snapshot()
        emit(
            "update",
            counter=counter,
            current=current.number if current else "",
            waiting=[t.number for t in snapshot.waiting] if snapshot else [],
        )

    def handle(command: dict[str, Any]) -> None:
        if "tap" in command:
            window.queue.current.buttons[command["tap"]].click()

    parts.controller.ready.connect(sign_in)
    parts.controller.signed_in.connect(lambda helper: emit("signed_in", helper=helper.id))
    parts.controller.refreshed.connect(report)
    commands = Commands(handle)
    commands.closed.connect(app.quit)
    window.show()
    parts.controller.start()
    try:
        loop.run_forever()
    finally:
        parts.controller.sign_out("staff")
        parts.close()
        worker.close()
        backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]))
