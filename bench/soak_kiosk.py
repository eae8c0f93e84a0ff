"""The visitor kiosk under the soak agent (``python -m bench.soak_kiosk``).

Started through the one shell with the kiosk's program (``ui.kiosk.program.SPEC``), as ``kiosk
run``. Every command is a visitor at the touchscreen: take a number, read a guide to its last
step, rate a visit. Only this module knows the kiosk's screens; adapt it here when they change.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from bench.soak_agent import Pace, SoakClock, Step, Wait, run
from bench.soak_agent import swipe_left as agent_swipe_left
from bench.soak_agent import tap as agent_tap

WINDOW = "KioskRoot"


def _at_home(window: Any) -> bool:
    return window.current_screen() is window.home


def tap(button: Any, *, unless: Wait | None = None) -> Iterator[Wait]:
    """A visitor's tap, after the kiosk's quiet time that follows each screen change.

    The kiosk ignores a tap within 0.5 s of a screen change (the second half of a double
    tap); a visitor reads before tapping. The guard's clock runs at the soak's pace, like every
    timer, so the quiet time is 0.5 s / speed.
    """
    window = button.window()
    yield lambda: not window.tap_guard.is_quiet()
    yield from agent_tap(button, unless=unless)


def swipe_left(widget: Any) -> Iterator[Wait]:
    """A finger's swipe to the next page, after the same quiet time as a tap."""
    window = widget.window()
    yield lambda: not window.tap_guard.is_quiet()
    yield from agent_swipe_left(widget)


def ready(window: Any) -> Step:
    """Wait until the database is open and the lines are on the choose screen."""
    window.tap_guard.set_clock(Pace.clock)
    yield lambda: hasattr(window, "choose") and bool(window.choose.line_buttons)
    return {"lines": list(window.choose.line_buttons)}


def take(window: Any, line: str, leave: str) -> Step:
    """Home, "take a number", a line; the number shown once printed.

    ``leave``: ``done`` taps "Xong" to go home; ``wait`` leaves the ticket on screen until the
    kiosk goes home by itself (its idle timer), as a visitor who walks away.
    """
    yield _at_home_again(window)
    before = window.ticket.ticket()
    yield from tap(window.home.buttons["take_number"])
    yield from tap(window.choose.line_buttons[line])

    def shown() -> bool:
        ticket = window.ticket.ticket()
        done = window.ticket.print_state() not in ("", "printing")
        return ticket is not None and ticket is not before and done

    yield shown
    ticket, state = window.ticket.ticket(), window.ticket.print_state()
    if leave == "done":
        # The ticket screen also goes home by itself; a slow visitor may find it gone already.
        yield from tap(window.ticket.done, unless=lambda: _at_home(window))
        yield _at_home_again(window)
    return {"number": ticket.number, "print": state}


def _at_home_again(window: Any) -> Any:
    # The ticket and thanks screens go home by themselves (the idle timer): wait for it.
    return lambda: _at_home(window)


def guide(window: Any, index: int) -> Step:
    """Open the ``index``-th guide (round robin), swipe to its end, go back home."""
    yield _at_home_again(window)
    yield from tap(window.home.buttons["guides"])
    screen = window.tile_screen("guides")
    yield lambda: bool(screen.list.guide_buttons)
    ids = sorted(screen.list.guide_buttons)
    guide_id = ids[index % len(ids)]
    yield from tap(screen.list.guide_buttons[guide_id])
    steps = 0
    while screen.current() is screen.step:
        shown = screen.step.index()
        yield from swipe_left(screen.step.body)
        yield lambda s=shown: screen.current() is not screen.step or screen.step.index() != s
        steps += 1
    yield lambda: screen.current() is screen.info
    yield from tap(screen.info.back)
    yield from tap(screen.step.back)
    yield from tap(screen.list.back)
    yield _at_home_again(window)
    return {"guide": guide_id, "steps": steps}


def rate(window: Any, number: str, level: int) -> Step:
    """Tap the tile of the visit that just ended, choose a face (and a reason), thanks.

    The rating screen offers the visits that ended in the last minutes at each counter; the
    visit the desk just finished is among them, so no number is typed.
    """
    yield _at_home_again(window)
    yield from tap(window.home.buttons["rate"])
    screen = window.tile_screen("rate")

    def tile() -> Any:
        if screen.current() is not screen.visits:
            return None
        ids = [v.visit_id for v in screen.visits.visits() if v.ticket_number == number]
        return screen.visits.tiles.get(ids[0]) if ids else None

    yield lambda: tile() is not None
    yield from tap(tile())
    yield lambda: screen.current() is screen.scale
    yield from tap(screen.scale.level_buttons[level])
    # The thanks screen goes home by itself after 8 s / speed (67 ms at 120x): on a loaded
    # machine it may be gone before a poll sees it, so home counts as "thanked" too.
    thanked = lambda: screen.current() is screen.thanks or _at_home(window)  # noqa: E731
    yield lambda: screen.current() is screen.reason or thanked()
    if screen.current() is screen.reason:
        yield from tap(next(iter(screen.reason.reason_buttons.values())))
    yield thanked
    yield _at_home_again(window)  # the thanks timer
    return {"rated": number, "level": level}


def describe(window: Any) -> str:
    """What the kiosk shows (for a hang report)."""
    screen = window.current_screen()
    inner = screen.current() if hasattr(screen, "current") else None
    return f"showing {type(screen).__name__}" + (f"/{type(inner).__name__}" if inner else "")


def launch(config: Any, clock: SoakClock) -> int:
    """``kiosk run``'s own start-up."""
    from ui.kiosk.program import SPEC
    from ui.shell import run_program

    return run_program(SPEC, config, clock=clock)


if __name__ == "__main__":
    commands = {"ready": ready, "take": take, "guide": guide, "rate": rate}
    sys.exit(run(window_name=WINDOW, commands=commands, launch=launch, describe=describe))
