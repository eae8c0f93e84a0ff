"""A desk console as a probe: ``python -m tests.e2e.probe_desk CONFIG COUNTER HELPER_ID PIN``.

Signs in by tapping the name and the keypad; prints ``signed_in``, then ``update`` after every
refresh (its current ticket, the waiting numbers, whether the queue is shown as live),
``link`` when the banner comes or goes, ``tapped`` when it taps and ``message`` for the words
the queue screen shows; ``{"tap": "call_next"}`` on stdin taps that action.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from tests.e2e.probe_common import Commands, emit, run_probe

TAP_RETRY_MS = 50
TAP_TRIES = 1200  # 60 s, within the tests' wait for what the tap does (probes.WAIT_S)


def main(config_path: str, counter: int, helper_id: int, pin: str) -> int:
    from PySide6.QtCore import QTimer

    from ui.desk.program import DeskProgram, spec
    from ui.shell import Runtime

    def on_start(program: DeskProgram, runtime: Runtime, commands: Commands) -> None:
        window, controller = program.window, program.controller
        assert controller is not None

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
                live=window.queue.is_live(),
            )

        def link(up: bool) -> None:
            def report_link() -> None:  # after every other slot of the signal has run
                banner = not window.link.isHidden()
                emit("link", up=up, banner=banner, live=window.queue.is_live())

            QTimer.singleShot(0, report_link)

        def tap_when_lit(button: Any, tries: int = TAP_TRIES) -> None:
            # The actions are off while one runs (the sign-in, a refresh): on a busy machine
            # a command can come in that moment, and a click on a dark button does nothing.
            # Staff tap again once it lights up; so does the probe.
            if button.isEnabled() or tries <= 0:
                emit("tapped", action=button.property("action"), enabled=button.isEnabled())
                button.click()
                return
            QTimer.singleShot(TAP_RETRY_MS, lambda: tap_when_lit(button, tries - 1))

        def handle(command: dict[str, Any]) -> None:
            if "tap" in command:
                tap_when_lit(window.queue.current.buttons[command["tap"]])

        def tell(method: Callable[[str], None], tone: str) -> Callable[[str], None]:
            def shown(text: str) -> None:
                emit("message", tone=tone, text=text)  # a refusal or failure ends in no update
                method(text)

            return shown

        queue = window.queue
        queue.show_error = tell(queue.show_error, "danger")  # type: ignore[method-assign]
        queue.show_info = tell(queue.show_info, "info")  # type: ignore[method-assign]
        controller.ready.connect(sign_in)
        controller.signed_in.connect(lambda helper: emit("signed_in", helper=helper.id))
        controller.refreshed.connect(report)
        runtime.live.link_changed.connect(link)
        commands.received.connect(handle)

    return run_probe(spec(counter), config_path, on_start)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]))
