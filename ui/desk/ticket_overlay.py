"""One ticket's choices over the queue: call it now, move it to another line, cancel, reprint."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.enums import TicketStatus
from kiosk.domain.views import TicketView
from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.overlay import Overlay
from ui.widgets.packed_grid import retire
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import text_label

# action key -> tone; the order is the order on screen.
ACTION_TONES = {
    "call": "primary",
    "reactivate": "primary",
    "transfer": "neutral",
    "reprint": "neutral",
    "cancel": "danger",
}


def ticket_actions(ticket: TicketView) -> list[str]:
    """What can be done from here with a ticket in its state."""
    if ticket.status is TicketStatus.WAITING:
        return ["call", "transfer", "reprint", "cancel"]
    if ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING):
        return ["transfer", "reprint", "cancel"]
    if ticket.status is TicketStatus.NO_SHOW:
        return ["reactivate"]
    return []


class TicketOverlay(Overlay):
    """Page one: the ticket and its actions. Page two: the lines to move it to.

    Signals:
        action_chosen(str): an action for the ticket shown (``call``, ``transfer``, ...);
            ``transfer`` turns to the lines page by itself.
        line_chosen(str): the line to move the ticket to (its code).
    """

    action_chosen = Signal(str)
    line_chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._ticket: TicketView | None = None
        self.title = text_label("title")
        self.caption = text_label("body")
        self.status = text_label("muted")
        # Two pages shown one at a time; not a QStackedWidget, whose height is its tallest page's.
        self.actions_page = QWidget()
        self._actions_layout = QVBoxLayout(self.actions_page)
        self._actions_layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key, tone in ACTION_TONES.items():
            button = QPushButton()
            button.setProperty("kind", "action")
            button.setProperty("tone", tone)
            button.setProperty("action", key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self._on_action_clicked)
            self._actions_layout.addWidget(button)
            self.buttons[key] = button
        self.lines_page = QWidget()
        self._lines_grid = QGridLayout(self.lines_page)
        self._lines_grid.setContentsMargins(0, 0, 0, 0)
        self._lines_grid.setColumnStretch(0, 1)
        self._lines_grid.setColumnStretch(1, 1)
        self.line_buttons: dict[str, PictureButton] = {}
        self._theme: Theme | None = None
        self.lines_page.hide()
        self.close_button: QPushButton = back_button()
        self.close_button.clicked.connect(self.close_overlay)
        for widget in (
            self.title,
            self.caption,
            self.status,
            self.actions_page,
            self.lines_page,
            self.close_button,
        ):
            self.panel_layout.addWidget(widget)
        self.retranslate()

    def ticket(self) -> TicketView | None:
        """The ticket shown."""
        return self._ticket

    def show_ticket(self, ticket: TicketView, *, caption: str, status: str) -> None:
        """Open on the actions that fit the ticket's state."""
        self._ticket = ticket
        self.title.setText(translate("TicketOverlay", "Số {number}").format(number=ticket.number))
        self.caption.setText(caption)
        self.status.setText(status)
        allowed = ticket_actions(ticket)
        for key, button in self.buttons.items():
            button.setVisible(key in allowed)
        self._show_page(lines=False)
        self.open()

    def show_lines(
        self, ticket: TicketView, lines: Sequence[tuple[str, str]], *, caption: str
    ) -> None:
        """Open on the lines a ticket can move to (code, name), its own line left out."""
        self._ticket = ticket
        self.title.setText(
            translate("TicketOverlay", "Chuyển số {number} sang hàng:").format(number=ticket.number)
        )
        self.caption.setText(caption)
        self.status.setText(translate("TicketOverlay", "Số giữ nguyên và giữ chỗ theo giờ lấy số."))
        for button in self.line_buttons.values():
            self._lines_grid.removeWidget(button)
            retire(button)
        self.line_buttons = {}
        targets = [(code, name) for code, name in lines if code != ticket.line_code]
        for index, (code, name) in enumerate(targets):
            # Words that wrap: a long name ("… và VNeID") is never cut at the button's edge.
            button = PictureButton(kind="action", tone="neutral")
            button.set_label(f"{code} · {name}")
            button.setProperty("line", code)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            if self._theme is not None:
                button.apply_theme(self._theme)
            button.clicked.connect(self._on_line_clicked)
            # One column: a line's whole name on one button, whatever its length.
            self._lines_grid.addWidget(button, index, 0)
            self.line_buttons[code] = button
        self._show_page(lines=True)
        self.open()
        self.fit_panel()  # the wrapped names' height is known only once laid out

    def showing_lines(self) -> bool:
        """True on the lines page."""
        return not self.lines_page.isHidden()

    def _show_page(self, *, lines: bool) -> None:
        self.actions_page.setVisible(not lines)
        self.lines_page.setVisible(lines)

    def apply_theme(self, theme: Theme) -> None:
        """Panel size and spacing for the theme."""
        self._theme = theme
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self.set_margins(margin, spacing)
        for button in self.line_buttons.values():
            button.apply_theme(theme)
        self._actions_layout.setSpacing(spacing // 2)
        self._lines_grid.setSpacing(spacing // 2)
        self.set_panel_width(min(theme.px(1000), round(theme.width_px * 0.9)))
        if self.is_open():
            self.fit_panel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        words = {
            "call": translate("TicketOverlay", "Gọi số này đến quầy của tôi"),
            "reactivate": translate("TicketOverlay", "Khách đã quay lại: cho chờ tiếp"),
            "transfer": translate("TicketOverlay", "Chuyển sang hàng khác…"),
            "reprint": translate("TicketOverlay", "In lại số"),
            "cancel": translate("TicketOverlay", "Huỷ số này"),
        }
        for key, text in words.items():
            self.buttons[key].setText(text)
        self.close_button.setText(translate("TicketOverlay", "Đóng"))

    @Slot()
    def _on_action_clicked(self) -> None:
        self.action_chosen.emit(str(self.sender().property("action")))

    @Slot()
    def _on_line_clicked(self) -> None:
        self.line_chosen.emit(str(self.sender().property("line")))
