"""The calling display under the soak agent (``python -m bench.soak_display``).

Started through the one shell with the display's program (``ui.display.program.SPEC``), as
``kiosk display``, with its real voice and chime programs when the machine has them. Its one
command waits until a called number is on the screen's list of last calls, as a visitor
watching the TV would. Only this module knows the display's screen.
"""

from __future__ import annotations

import sys
from typing import Any

from bench.soak_agent import SoakClock, Step, run

WINDOW = "DisplayRoot"


def ready(screen: Any) -> Step:
    """Wait until the first read of the queue is on screen (the lines' waiting counts)."""
    yield lambda: any(left for left, _ in screen.waiting.row_texts())
    return {"lines": [left for left, _ in screen.waiting.row_texts() if left]}


def called(screen: Any, number: str) -> Step:
    """Wait until ``number`` is among the last calls shown."""
    yield lambda: any(left == number for left, _ in screen.calls.row_texts())
    return {"shown": number}


def launch(config: Any, clock: SoakClock) -> int:
    """``kiosk display``'s own start-up."""
    from ui.display.program import SPEC
    from ui.shell import run_program

    return run_program(SPEC, config, clock=clock)


if __name__ == "__main__":
    sys.exit(run(window_name=WINDOW, commands={"ready": ready, "called": called}, launch=launch))
