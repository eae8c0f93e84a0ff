"""The strip along the bottom of the village program: what waits to go to the commune, and how."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.screen import plain_label
from ui.widgets.style import set_style

# tone -> the panel whose colours the strip takes (the stylesheet's QFrame[panel]).
PANELS = {"ok": "success_soft", "waiting": "surface", "trouble": "danger_soft"}


class SyncBar(QFrame):
    """Two lines of words (records waiting; the link to the commune) and "send now".

    Signals:
        send_clicked: the volunteer asks for a sync now.
    """

    send_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VillageSyncBar")
        self.setProperty("panel", PANELS["waiting"])
        self.waiting = plain_label()
        self.waiting.setProperty("textStyle", "body")
        self.waiting.setWordWrap(True)
        self.link = plain_label()
        self.link.setProperty("textStyle", "body")
        self.link.setWordWrap(True)
        self.send: QPushButton = action_button("primary")
        self.send.clicked.connect(self.send_clicked)
        words = QFrame()
        column = QHBoxLayout(words)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.waiting, 1)
        column.addWidget(self.link, 2)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(words, 1)
        self._layout.addWidget(self.send, 0)
        self._tone = "waiting"

    def show_state(self, *, waiting: str, link: str, tone: str, can_send: bool) -> None:
        """Words and colour for the state; "send now" only when a network sync is possible."""
        self._tone = tone
        set_style(self, panel=PANELS[tone])
        self.waiting.setText(waiting)
        self.link.setText(link)
        self.send.setVisible(can_send)

    def set_sending(self, sending: bool, text: str) -> None:
        """While a sync runs the button says so and cannot be tapped again."""
        self.send.setEnabled(not sending)
        self.send.setText(text)

    def tone(self) -> str:
        """The tone shown (tests)."""
        return self._tone

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 3, pad // 3, pad // 3)
        self._layout.setSpacing(pad)
