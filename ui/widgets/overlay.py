"""Overlays instead of modal dialogs: a dimmed layer over the window with a panel in the middle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget


class Overlay(QWidget):
    """Covers its parent (and follows its size); touches never reach what lies beneath.

    Subclasses put their content into ``panel_layout``. Nothing closes it but its own buttons
    or the owner (a tap beside the panel does nothing: elderly visitors touch by accident).

    Signals:
        opened: the overlay became visible.
        closed: the overlay was hidden.
    """

    opened = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("OverlayScrim")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.panel = QFrame(self)
        self.panel.setProperty("panel", "surface")
        self.panel_layout = QVBoxLayout(self.panel)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()

    def set_panel_width(self, width_px: int) -> None:
        """The panel's width; its height follows the content."""
        self.panel.setFixedWidth(width_px)

    def set_margins(self, margin_px: int, spacing_px: int) -> None:
        """Space around and between the panel's content."""
        self.panel_layout.setContentsMargins(margin_px, margin_px, margin_px, margin_px)
        self.panel_layout.setSpacing(spacing_px)

    def open(self) -> None:
        """Show over everything else."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.fit_panel()
        self.raise_()
        self.show()
        self.opened.emit()

    def close_overlay(self) -> None:
        """Hide; ``closed`` is emitted only if it was open."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def fit_panel(self) -> None:
        """Give the panel the height its (wrapped) content needs at its width.

        WORKAROUND: a box layout sizes a fixed-width panel from its size hint, which guesses
        the height of word-wrapped labels at another width; ask for the real height instead.
        """
        self.panel_layout.activate()
        width = self.panel.width() if self.panel.minimumWidth() == 0 else self.panel.minimumWidth()
        height = self.panel_layout.totalHeightForWidth(width)
        if height < 0:
            height = self.panel_layout.totalSizeHint().height()
        limit = self.height() if self.height() > 0 else height
        self.panel.setFixedHeight(min(height, limit))

    def is_open(self) -> bool:
        """True while shown."""
        return self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        # The parent's size is followed only while shown (``open`` takes it at once): a
        # filter on a window's root sees every event of the window, and on the kiosk's tap
        # each of the three overlays was one more wait for the printer thread's GIL before
        # the ticket could paint.
        parent = self.parentWidget()
        if parent is not None:
            parent.installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False
