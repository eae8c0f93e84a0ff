"""A stack of pages that asks only for the room of the page it shows."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """``QStackedWidget`` sizes itself for its largest page, hidden ones included.

    A window whose pages differ in height (the manager's gate, summary and export form) then
    asks for more than the screen as soon as a row is added above the stack, and grows past the
    screen's edge. Here only the current page counts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
