"""The counter's current ticket, big, with one button per desk action."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.screen import text_label

# Action key -> (tone, row, column, column span) in the button grid.
ACTIONS: dict[str, tuple[str, int, int, int]] = {
    "call_next": ("primary", 0, 0, 1),
    "finish": ("help", 0, 1, 1),
    "recall": ("neutral", 1, 0, 1),
    "start": ("neutral", 1, 1, 1),
    "no_show": ("neutral", 2, 0, 1),
    "transfer": ("neutral", 2, 1, 1),
    "cancel": ("danger", 3, 0, 1),
    "reprint": ("neutral", 3, 1, 1),
}


def action_words() -> dict[str, str]:
    """The words on the action buttons, in the current language."""
    return {
        "call_next": translate("CurrentPanel", "Gọi số tiếp theo"),
        "recall": translate("CurrentPanel", "Gọi lại"),
        "start": translate("CurrentPanel", "Khách đã đến"),
        "finish": translate("CurrentPanel", "Hoàn thành…"),
        "no_show": translate("CurrentPanel", "Vắng mặt"),
        "transfer": translate("CurrentPanel", "Chuyển hàng…"),
        "cancel": translate("CurrentPanel", "Huỷ số"),
        "reprint": translate("CurrentPanel", "In lại số"),
    }


class CurrentPanel(QFrame):
    """Number, line and procedure, status, then the action buttons (enabled per state).

    The buttons sit under the ticket in the narrow column of a landscape desk, and beside it
    across the full width of a portrait screen (so the waiting list keeps half the height),
    unless large text makes their words too wide for that.

    Signals:
        action_clicked(str): an action button was tapped (its key, see ``ACTIONS``).
    """

    action_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "surface")
        self.heading = text_label("small")
        self.number = text_label("title", wrap=False)
        self.number.setObjectName("DeskNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = text_label("body")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority = text_label("accent")
        self.priority.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = text_label("muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for key, (tone, row, column, span) in ACTIONS.items():
            button = QPushButton()
            button.setProperty("kind", "action")
            button.setProperty("tone", tone)
            button.setProperty("action", key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(self._on_button_clicked)
            grid.addWidget(button, row, column, 1, span)
            self.buttons[key] = button
        self._grid = grid
        self._info = QVBoxLayout()
        self._info.setContentsMargins(0, 0, 0, 0)
        for label in (self.heading, self.number, self.caption, self.priority, self.status):
            self._info.addWidget(label)
        self._info.addStretch(1)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.addLayout(self._info, 1)
        self._layout.addLayout(grid, 0)
        self._enabled: set[str] = {"call_next"}
        self._busy = False
        self.retranslate()

    def set_ticket(
        self, *, number: str, caption: str, priority: str, status: str, enabled: Collection[str]
    ) -> None:
        """Show a ticket (an empty number shows a dash) and which actions fit its state."""
        self.number.setText(number or "—")
        self.caption.setText(caption)
        self.priority.setText(priority)
        self.priority.setVisible(bool(priority))
        self.status.setText(status)
        self._enabled = set(enabled)
        self._apply_enabled()

    def set_busy(self, busy: bool) -> None:
        """All actions off while one is running (no double taps)."""
        self._busy = busy
        self._apply_enabled()

    def _apply_enabled(self) -> None:
        for key, button in self.buttons.items():
            button.setEnabled(not self._busy and key in self._enabled)

    def apply_theme(self, theme: Theme) -> None:
        """Padding and spacing for the theme."""
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._info.setSpacing(spacing // 2)
        self._grid.setSpacing(spacing // 2)
        # Beside the ticket the buttons take the wider share, their words need it most; with
        # large text "Gọi số tiếp theo" no longer fits half of that, so they go under it.
        if theme.portrait and not theme.large_text:
            self._layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._layout.setSpacing(margin)
            self._layout.setStretch(0, 2)
            self._layout.setStretch(1, 3)
        else:
            self._layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._layout.setSpacing(spacing // 2)
            self._layout.setStretch(0, 1)
            self._layout.setStretch(1, 0)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(translate("CurrentPanel", "Số đang phục vụ tại quầy"))
        for key, words in action_words().items():
            self.buttons[key].setText(words)

    @Slot()
    def _on_button_clicked(self) -> None:
        self.action_clicked.emit(str(self.sender().property("action")))
