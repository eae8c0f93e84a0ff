"""Emptying a layout without leaking its items."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout


def empty_layout(layout: QLayout) -> None:
    """Take every item out of ``layout`` and free it; the widgets stay where they are owned.

    WORKAROUND: an item ``QLayout.takeAt`` returns is owned by nobody in PySide6 6.11 (the
    layout gave it up, the Python wrapper does not delete it), so a grid laid out again by
    taking its items leaked one item per widget each time: 95 bytes each, ~20 a visitor flow
    in the kiosk (heaptrack in bench/soak.py). Deleting the item leaves its widget alone.
    """
    while (item := layout.takeAt(0)) is not None:
        shiboken6.delete(item)
