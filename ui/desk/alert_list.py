"""Open alerts for the desks (a visitor asks for help, printer trouble), each with "handled"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.packed_grid import retire
from ui.widgets.screen import text_label


class AlertList(QFrame):
    """A red-tinted panel listing alerts; hidden when there are none.

    Signals:
        resolve_clicked(int): the "handled" button of an alert was tapped (its id).
    """

    resolve_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "danger_soft")
        self._layout = QVBoxLayout(self)
        self._rows: list[QWidget] = []
        self.buttons: dict[int, QPushButton] = {}
        self._theme: Theme | None = None
        self.hide()

    def set_alerts(self, alerts: Sequence[tuple[int, str]], *, button_text: str) -> None:
        """The alerts as (id, words); the same words on every "handled" button."""
        for row in self._rows:
            self._layout.removeWidget(row)
            retire(row)
        self._rows = []
        self.buttons = {}
        for alert_id, words in alerts:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = text_label("body")
            label.setText(words)
            button = QPushButton(button_text)
            button.setProperty("kind", "action")
            button.setProperty("tone", "danger")
            button.setProperty("alert_id", alert_id)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self._on_button_clicked)
            line.addWidget(label, 1)
            line.addWidget(button, 0)
            self._layout.addWidget(row)
            self._rows.append(row)
            self.buttons[alert_id] = button
        self.setVisible(bool(alerts))

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        self._theme = theme
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 2, pad // 2, pad // 2)
        self._layout.setSpacing(pad // 2)

    @Slot()
    def _on_button_clicked(self) -> None:
        self.resolve_clicked.emit(int(self.sender().property("alert_id")))
