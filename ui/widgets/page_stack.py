"""A stack of pages that asks only for the room of the page it shows."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """``QStackedWidget`` sizes itself for its largest page, hidden ones included.

    A window whose pages differ in height (the manager's gate, summary and export form) then
    asks for more than the screen as soon as a row is added above the stack, and grows past the
    screen's edge. Here only the current page counts.

    The same holds for the height at a width: Qt's stack answers it by laying out the words of
    every page at that width, and every page change asks again (the change hides one page and
    shows another, which voids the layout's answers). The kiosk's window holds six screens and
    its tiles' screens, so a tap on "Hộ tịch" laid out the text of all of them before the
    ticket could paint: 2 ms of a 9 ms tap. Here the stack takes the room it is given, and each
    page lays out its own words at that size when it is shown.
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

    def hasHeightForWidth(self) -> bool:
        # Told yes, a layout asks the stack's QStackedLayout (not this widget), and that asks
        # every page, past the answers their layout items keep. The stack fills the room its
        # window gives it, and the page on view lays out its words in that room.
        return False

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
