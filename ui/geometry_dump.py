"""``KIOSK_GEOMETRY_DUMP=FILE``: a program checks its own screens in its real window, once.

Offscreen rendering hides what a real X server and its fonts do; the real-window test starts
a program under Xvfb with this variable set. Once the program is ready it walks its screens
(``geometry_tour``), runs ``ui.geometry_check`` on each as shown, and writes a JSON report:
``{"screen": [w, h], "window": [w, h], "states": {"home": [...problems], ...}}``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.geometry_check import geometry_problems
from ui.shell import GEOMETRY_DUMP_ENV as GEOMETRY_DUMP_ENV

logger = logging.getLogger(__name__)

# Events run this long between a screen change and its check: the layout settles in one pass,
# but a real X server answers a resize asynchronously.
SETTLE_S = 0.2
# A tour step of None means "not ready yet" (guides still loading); at most this many.
MAX_WAITS = 300

Tour = Iterator[str | None]


def stack_tour(window: QWidget) -> Tour:
    """The window as shown, then every page of every stack in it (the generic tour)."""
    yield "shown"
    stacks = [s for s in window.findChildren(QStackedWidget) if s.window() is window]
    for stack in stacks:
        if not stack.isVisibleTo(window):
            continue
        shown = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            page = stack.widget(index)
            yield f"{type(page).__name__} {index}"
        stack.setCurrentIndex(shown)


async def dump_geometry(program: Any, path: Path) -> None:
    """Walk the program's tour, check each state, write the report to ``path``."""
    window: QWidget = program.window
    screen = window.screen().geometry().size()
    make_tour = getattr(program, "geometry_tour", None)
    tour: Tour = make_tour() if make_tour is not None else stack_tour(window)
    states: dict[str, list[str]] = {}
    waits = 0
    for state in tour:
        await asyncio.sleep(SETTLE_S)
        if state is None:
            waits += 1
            if waits > MAX_WAITS:
                states["tour"] = ["the program never became ready for its tour"]
                break
            continue
        # Posted layout requests run in the sleep. Not processEvents: under qasync it steps
        # other tasks inside this one ("Cannot enter into task ... while another task ...").
        await asyncio.sleep(0)
        states[state] = geometry_problems(window, width=screen.width(), height=screen.height())
    report = {
        "screen": [screen.width(), screen.height()],
        "window": [window.width(), window.height()],
        "states": states,
    }
    partial = path.with_name(path.name + ".partial")  # the reader sees the whole file or none
    partial.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
    logger.info("geometry of %d states written to %s", len(states), path)
