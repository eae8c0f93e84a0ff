"""A bar of words across a screen: what just happened, an error, or an offer to undo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.screen import plain_label
from ui.widgets.style import set_style

# tone -> the panel whose colours the bar takes (see the stylesheet's QFrame[panel]).
PANELS = {"success": "success_soft", "danger": "danger_soft", "info": "surface"}


class MessageBar(QFrame):
    """Words and, optionally, one action button ("Hoàn tác"); hidden while empty.

    Signals:
        action_clicked: the action button was tapped.
    """

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", PANELS["info"])
        self.text = plain_label()
        self.text.setWordWrap(True)
        self.text.setProperty("textStyle", "body")
        self.action = action_button("primary")
        self.action.clicked.connect(self.action_clicked)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self._layout.addWidget(self.action, 0)
        self._tone = ""
        self.hide()

    def show_message(self, text: str, *, tone: str = "info", action: str = "") -> None:
        """Show words in a tone (success, danger, info) with an action button if named."""
        self._tone = tone
        set_style(self, panel=PANELS[tone])
        self.text.setText(text)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        """Hide the bar and forget its words."""
        self._tone = ""
        self.text.clear()
        self.hide()

    def tone(self) -> str:
        """The tone shown, or ``""`` when hidden (for tests)."""
        return self._tone

    def reserved_height(self) -> int:
        """The bar's height with one line of words and its button, for a row kept for it."""
        self.ensurePolished()
        self.action.ensurePolished()
        margins = self._layout.contentsMargins()
        line = self.text.fontMetrics().height()
        frame = 2 * self.frameWidth()  # the panel's border, from the stylesheet
        return max(self.action.sizeHint().height(), line) + margins.top() + margins.bottom() + frame

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 3, pad // 3, pad // 3)
        self._layout.setSpacing(pad)
