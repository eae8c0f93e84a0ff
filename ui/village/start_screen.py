"""The first step: who helps this visitor; above the names, the help session of the day."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.theme import Theme
from ui.village.step_screen import StepScreen
from ui.widgets.buttons import action_button
from ui.widgets.screen import text_label
from ui.widgets.style import set_style


class StartScreen(StepScreen):
    """Helpers to tap (several; the first tapped leads) and the session strip.

    Signals:
        session_clicked: start a help session, or end the one that is open.
    """

    session_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(multiple=True, columns=3, parent=parent)
        self.session_panel = QFrame()
        self.session_panel.setProperty("panel", "surface")
        self.session_text = text_label("body")
        self.session_button: QPushButton = action_button("primary")
        self.session_button.clicked.connect(self.session_clicked)
        self._session_row = QHBoxLayout(self.session_panel)
        self._session_row.addWidget(self.session_text, 1)
        self._session_row.addWidget(self.session_button, 0)
        self._layout.insertWidget(2, self.session_panel)

    def set_session(self, *, text: str, button: str, open_now: bool) -> None:
        """What the session strip says; green while a session is open."""
        self.session_text.setText(text)
        self.session_button.setText(button)
        set_style(self.session_panel, panel="success_soft" if open_now else "surface")

    def apply_theme(self, theme: Theme) -> None:
        """The step's sizes, and the strip's padding."""
        super().apply_theme(theme)
        pad = theme.px(theme.sizes.spacing)
        self._session_row.setContentsMargins(pad, pad // 3, pad // 3, pad // 3)
        self._session_row.setSpacing(pad)
