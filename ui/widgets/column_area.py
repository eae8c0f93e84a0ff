"""A scrolling column that can ask its parent layout for its content's whole height."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QScrollArea, QWidget


class ColumnArea(QScrollArea):
    """A ``QScrollArea`` whose height hint is its content's, once ``set_tall(True)``.

    Qt bounds a scroll area's size hint to 24 lines of its font, so a layout that gives the
    area only its hint (stretch 0, above a list that takes the rest) leaves a tall panel
    scrolled, its last line cut at the edge. Asked to be tall, the area hints the content's
    height at its width and follows the content when it grows or shrinks; it still scrolls
    when the screen is shorter than that (large text).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tall = False

    def set_tall(self, tall: bool) -> None:
        """Ask for the content's whole height (True), or for Qt's bounded hint (False)."""
        if tall != self._tall:
            self._tall = tall
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        inner = self.widget()
        if not self._tall or inner is None:
            return hint
        width = self.viewport().width()
        if inner.hasHeightForWidth() and width > 0:
            height = inner.heightForWidth(width)
        else:
            height = inner.sizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The content's layout changed (a line shown, a text rewrapped): hint the new height.
        if self._tall and watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)
