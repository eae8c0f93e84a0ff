"""Taps that land just after the screen changed are ignored: the second half of a double tap.

An elderly visitor often taps twice, or keeps a finger down a moment too long. Without this,
the second tap of "Lấy số thứ tự" took a ticket for whatever line lay under the finger on the
next screen, and a tap just as the ticket screen went home by itself raised a helper alert
from the tile now under the finger. Every screen change (a stack page, an overlay opening or
closing, automatic or not) starts a quiet time in which presses, and the rest of those
touches, never reach a widget.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

QUIET_S = 0.5

_STARTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
)
_FOLLOWS = frozenset(
    {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.MouseButtonRelease}
)
_ENDS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel})


class TapGuard(QObject):
    """An event filter for a window (its QWindow): quiet for ``quiet_s`` after a change.

    ``now_s`` is a monotonic clock in seconds; tests pass one they move by hand.
    """

    def __init__(
        self,
        *,
        quiet_s: float = QUIET_S,
        now_s: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._quiet_s = quiet_s
        self._now_s = now_s
        self._changed_at: float | None = None
        self._swallowing = False
        self._watched: set[int] = set()
        self.ignored = 0  # how many taps were ignored (tests, logs)

    def set_clock(self, now_s: Callable[[], float]) -> None:
        """Read time from another monotonic clock (a test's)."""
        self._now_s = now_s

    def screen_changed(self) -> None:
        """Something new is on screen: taps are ignored for the quiet time from now."""
        self._changed_at = self._now_s()

    def is_quiet(self) -> bool:
        """True while a tap would be ignored."""
        if self._changed_at is None:
            return False
        elapsed = self._now_s() - self._changed_at
        return 0 <= elapsed < self._quiet_s

    def watch(self, root: QWidget) -> None:
        """Count every page change of every stack under ``root`` as a screen change."""
        for stack in [root, *root.findChildren(QStackedWidget)]:
            if isinstance(stack, QStackedWidget) and id(stack) not in self._watched:
                self._watched.add(id(stack))
                stack.currentChanged.connect(self._on_stack_current_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _STARTS:
            self._swallowing = self.is_quiet()
            if self._swallowing:
                self.ignored += 1
            return self._swallowing
        if self._swallowing and (kind in _FOLLOWS or kind in _ENDS):
            if kind in _ENDS:
                self._swallowing = False
            return True
        return False

    @Slot(int)
    def _on_stack_current_changed(self, _index: int) -> None:
        self.screen_changed()
