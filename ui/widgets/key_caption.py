"""A small key name ("F2") in a button's top-right corner, for desks that have a keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ui.widgets.style import set_style


class KeyCaption(QLabel):
    """The caption rides on its button: placed in the corner on every resize, taps pass through."""

    def __init__(self, button: QPushButton, key_name: str, *, reserve: bool = False) -> None:
        """Ride on ``button``; ``reserve`` widens a button sized by its words to fit both."""
        super().__init__(key_name, button)
        self._button, self._reserve = button, reserve
        self.setObjectName("KeyCaption")
        set_style(self, textStyle="caption", off=not button.isEnabled())
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        button.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        button = getattr(self, "_button", None)  # a style change may come before __init__ ends
        if button is None:
            return
        self.adjustSize()
        # The corner inside the rounded border, clear of the centred words.
        pad = max(2, button.height() // 12)
        self.move(button.width() - self.width() - 2 * pad, pad)
        self.raise_()
        if not self._reserve:
            return  # a wide button (a grid's) has room beside its centred words
        # A button as narrow as its words keeps the caption's width free on both sides.
        words = button.fontMetrics().horizontalAdvance(button.text())
        need = words + 2 * (self.width() + 3 * pad)
        if button.minimumWidth() < need:
            button.setMinimumWidth(need)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._place()  # the stylesheet set the caption's size after it was placed
        elif event.type() == QEvent.Type.EnabledChange:
            # A property, not ":disabled" on the button: Qt's stylesheets do not check an
            # ancestor's pseudo-state, so that rule inked every caption, dark on dark buttons.
            set_style(self, off=not self.isEnabled())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.Show):
            self._place()
        return False
