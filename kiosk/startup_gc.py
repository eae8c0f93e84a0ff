"""Python's cyclic garbage collector held off while a window starts, then spared what it built.

A window's start builds about 50,000 objects that live as long as the process (modules,
classes, functions, widgets' wrappers) and next to no garbage (under 900 objects). The
collector still walks them again and again while they are being built: holding it saves
5.5 % of the instructions to the first frame (callgrind, ``kiosk run``: 1,379 M -> 1,303 M).
So a window command holds it (``hold``) and the shell releases it after the first frame
(``release``), which first moves everything built so far out of its sight (``gc.freeze``):
the day's full collections then walk only what came after. The few start-up cycles frozen
with the rest are never freed, a few kilobytes once. When no frame comes (no display, a
config error), ``resume`` turns it back on without freezing: a test process calling the
command line goes on as before.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No automatic collection until ``release`` (explicit ``gc.collect`` calls still run)."""
    gc.disable()


def release() -> None:
    """Freeze what exists and collect as usual again; once, and only after ``hold``."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def resume() -> None:
    """Collect as usual again, freezing nothing (a no-op after ``release``)."""
    gc.enable()
