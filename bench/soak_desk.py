"""A desk console under the soak agent (``python -m bench.soak_desk``).

Started through the one shell with the desk's program (``ui.desk.program.spec``), as ``kiosk
desk --counter 1``. Its command serves one visitor as staff do: sign in with the PIN when
signed out (first thing in the morning, or after the idle sign-out), call the next number, mark
the visitor arrived, finish with a second helper (a volunteer) and an outcome. Only this module
knows the desk's screens.
"""

from __future__ import annotations

import sys
from typing import Any

from bench.soak_agent import SoakClock, Step, run, tap

WINDOW = "DeskRoot"
COUNTER = 1


def ready(window: Any) -> Step:
    """Wait until the database is open and the staff names are shown."""
    yield lambda: bool(window.staff.buttons)
    return {"staff": sorted(window.staff.buttons)}


def _sign_in(window: Any, staff_id: int, pin: str) -> Step:
    yield lambda: window.current_screen() in (window.staff, window.queue)
    if window.current_screen() is window.queue:
        return False
    yield lambda: staff_id in window.staff.buttons
    yield from tap(window.staff.buttons[staff_id])
    for key in [*pin, "ok"]:
        yield from tap(window.pin.keypad.keys[key])
    yield lambda: window.current_screen() is window.queue
    return True


def serve(
    window: Any, number: str, staff_id: int, pin: str, volunteer_id: int, outcome: str
) -> Step:
    """Serve ``number`` from call to finish; returns whether a sign-in was needed first."""
    signed_in = yield from _sign_in(window, staff_id, pin)
    queue = window.queue

    def waiting() -> bool:
        snapshot = queue.snapshot()
        return snapshot is not None and number in {t.number for t in snapshot.waiting}

    yield waiting  # the desk's own live refresh saw the kiosk's ticket
    yield from tap(queue.current.buttons["call_next"])
    yield lambda: _current(queue) == number
    yield from tap(queue.current.buttons["start"])
    yield lambda: queue.current.buttons["finish"].isEnabled()
    yield from tap(queue.current.buttons["finish"])
    visit = window.visit
    yield lambda: window.current_screen() is visit and volunteer_id in visit.picker.roster_buttons
    yield from tap(visit.picker.roster_buttons[volunteer_id])
    yield from tap(visit.outcomes.button(outcome))
    yield from tap(visit.save)
    yield lambda: window.current_screen() is queue and _current(queue) != number
    return {"served": number, "signed_in": signed_in}


def _current(queue: Any) -> str:
    ticket = queue.current_ticket()
    return "" if ticket is None else str(ticket.number)


def launch(config: Any, clock: SoakClock) -> int:
    """``kiosk desk --counter 1``'s own start-up."""
    from ui.desk.program import spec
    from ui.shell import run_program

    return run_program(spec(COUNTER), config, clock=clock)


if __name__ == "__main__":
    sys.exit(run(window_name=WINDOW, commands={"ready": ready, "serve": serve}, launch=launch))
