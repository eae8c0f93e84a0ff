"""The hidden staff exit: a long press in one corner of the screen (nothing is drawn there)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

CORNERS = ("top_left", "top_right", "bottom_left", "bottom_right")


def corner_rect(area: QRect, corner: str, side_px: int) -> QRect:
    """The square of ``side_px`` in a corner of ``area``."""
    if corner not in CORNERS:
        raise ValueError(f"unknown corner {corner!r}")
    x = area.left() if corner.endswith("left") else area.right() - side_px + 1
    y = area.top() if corner.startswith("top") else area.bottom() - side_px + 1
    return QRect(x, y, side_px, side_px)


class CornerHold(QObject):
    """Watches the window's presses; one held ``hold_s`` in its corner emits ``held``.

    Install on the window's QWindow (``windowHandle()``), where every press arrives once.

    Events pass through untouched, so whatever sits in the corner still works for a tap. Only
    the release that ends a successful hold is swallowed, so it does not also click something.

    Signals:
        held: the corner was pressed long enough.
    """

    held = Signal()

    def __init__(self, *, window: QWidget, corner: str, hold_s: float, side_px: int) -> None:
        super().__init__(window)
        self._window = window
        self._corner = corner
        self._side_px = side_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(round(hold_s * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._fired = False

    def set_side(self, side_px: int) -> None:
        """The corner square's size (follows the touch target size)."""
        self._side_px = side_px

    def zone(self) -> QRect:
        """The corner square in global screen coordinates."""
        area = QRect(self._window.mapToGlobal(QPoint(0, 0)), self._window.size())
        return corner_rect(area, self._corner, self._side_px)

    def is_holding(self) -> bool:
        """True while a press in the corner is being timed."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(event, QMouseEvent):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._fired = False
            if self.zone().contains(event.globalPosition().toPoint()):
                self._timer.start()
            else:
                self._timer.stop()
        elif kind == QEvent.Type.MouseMove and self._timer.isActive():
            if not self.zone().contains(event.globalPosition().toPoint()):
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
            if self._fired:
                self._fired = False
                return True
        return False

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._fired = True
        self.held.emit()
