"""Ticket: the number very large, where to go, how long, and whether the ticket printed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.numbers import format_number
from kiosk.domain.views import TicketView
from ui.formatting import format_minutes
from ui.i18n import I18n, translate
from ui.kiosk.print_state import FAILED, PRINTED, PRINTING
from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
from ui.widgets.screen import Screen, plain_label, set_page_margins, text_label
from ui.widgets.style import set_style

_PANELS = {PRINTING: "surface", PRINTED: "success_soft", FAILED: "danger_soft"}
_ICONS = {PRINTING: "printer", PRINTED: "check", FAILED: "warning"}


class TicketScreen(Screen):
    """Shows one ticket; the print state changes underneath while the visitor reads.

    Signals:
        done_clicked: the visitor is done (the window also goes home by itself).
    """

    done_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._ticket: TicketView | None = None
        self._priority_name: str | None = None
        self._state = PRINTING
        self._panel_state: str | None = None  # the state the status panel is dressed for
        self.heading = text_label("info")
        self.number = plain_label()
        self.number.setObjectName("TicketNumber")
        self.line_name = text_label("title")
        self.priority = text_label("info")
        for label in (self.heading, self.number, self.line_name, self.priority):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.facts: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        facts_box = QFrame()
        facts_box.setProperty("panel", "surface")
        self._facts_grid = QGridLayout(facts_box)
        for row, (key, icon) in enumerate(
            (("counters", "counter"), ("ahead", "people"), ("wait", "clock"))
        ):
            picture, caption, value = QLabel(), text_label("body"), text_label("info")
            picture.setProperty("icon", icon)
            self._facts_grid.addWidget(picture, row, 0, Qt.AlignmentFlag.AlignTop)
            self._facts_grid.addWidget(caption, row, 1)
            self._facts_grid.addWidget(value, row, 2)
            self.facts[key] = (picture, caption, value)
        self._facts_grid.setColumnStretch(1, 1)
        self.status_panel = QFrame()
        self.status_icon = QLabel()
        self.status_title = text_label("info")
        self.status_text = text_label("body")
        status_layout = QGridLayout(self.status_panel)
        status_layout.addWidget(self.status_icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        status_layout.addWidget(self.status_title, 0, 1)
        status_layout.addWidget(self.status_text, 1, 1)
        status_layout.setColumnStretch(1, 1)
        self._status_layout = status_layout
        self.done = QPushButton()
        self.done.setProperty("kind", "action")
        self.done.setProperty("tone", "primary")
        self.done.clicked.connect(self.done_clicked)
        left = QVBoxLayout()
        left.addStretch(1)
        for label in (self.heading, self.number, self.line_name, self.priority):
            left.addWidget(label)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addStretch(1)
        right.addWidget(facts_box)
        right.addWidget(self.status_panel)
        right.addStretch(1)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(left, 1)
        self._body.addLayout(right, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._body, 1)
        self._layout.addWidget(self.done)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def ticket(self) -> TicketView | None:
        """The ticket shown."""
        return self._ticket

    def print_state(self) -> str:
        """``printing``, ``printed`` or ``failed``."""
        return self._state

    def show_ticket(self, ticket: TicketView, *, priority_name: str | None) -> None:
        """A new ticket, in the printing state."""
        self._ticket = ticket
        self._priority_name = priority_name
        self._state = PRINTING
        self.retranslate()

    def set_print_state(self, ticket_id: int, state: str) -> None:
        """The print result of a ticket; ignored if another ticket is shown by now."""
        if self._ticket is None or self._ticket.id != ticket_id:
            return
        self._state = state
        self._show_status()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self._body.setSpacing(spacing)
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        # Side by side with large text, the facts' words need more than half the width or they
        # wrap into more lines than the screen is tall; the number keeps the width it needs.
        wide_facts = theme.large_text and not theme.portrait
        self._body.setStretch(0, 2 if wide_facts else 1)
        self._body.setStretch(1, 3 if wide_facts else 1)
        for grid in (self._facts_grid, self._status_layout):
            grid.setContentsMargins(spacing, spacing, spacing, spacing)
            grid.setHorizontalSpacing(spacing)
            grid.setVerticalSpacing(spacing // 2)
        ink = theme.colors.text_pairs()["surface_accent"][0]
        side = theme.px(theme.sizes.small_icon)
        for picture, _caption, _value in self.facts.values():
            name = str(picture.property("icon"))
            picture.setPixmap(icon_pixmap(name, side, ink, self.devicePixelRatioF()))
        self._dress_status_panel(self._state, force=True)  # new colours or icon size
        self._show_status()

    def retranslate(self) -> None:
        self.heading.setText(translate("TicketScreen", "Số của bạn là"))
        self.done.setText(translate("TicketScreen", "Xong, về màn hình chính"))
        ticket = self._ticket
        if ticket is not None:
            language = self._i18n.language
            self.number.setText(ticket.number)
            self.line_name.setText(self._i18n.text(ticket.line_name))
            self.priority.setVisible(self._priority_name is not None)
            text = translate("TicketScreen", "Ưu tiên: {group}")
            self.priority.setText(text.format(group=self._priority_name or ""))
            counters = ", ".join(format_number(n, language=language) for n in ticket.counters)
            ahead = translate("TicketScreen", "{count} người", None, ticket.people_ahead)
            wait = format_minutes(ticket.estimated_wait_min, language)
            if ticket.estimated_wait_min <= 0:
                wait = translate("TicketScreen", "Sắp đến lượt bạn")
            ahead = ahead.format(count=format_number(ticket.people_ahead, language=language))
            if not ticket.queue_known:  # issued while the server was gone: no figure to give
                ahead = wait = "–"
            values = {
                "counters": (translate("TicketScreen", "Quầy phục vụ"), counters or "–"),
                "ahead": (translate("TicketScreen", "Người chờ trước bạn"), ahead),
                "wait": (translate("TicketScreen", "Thời gian chờ dự kiến"), wait),
            }
            for key, (caption, value) in values.items():
                self.facts[key][1].setText(caption)
                self.facts[key][2].setText(value)
        self._show_status()

    def _show_status(self) -> None:
        number = self._ticket.number if self._ticket else ""
        if self._state == PRINTED:
            title = translate("TicketScreen", "Mời bạn lấy vé ở khe máy in.")
            text = translate("TicketScreen", "Hãy chờ đến khi số của bạn được gọi.")
        elif self._state == FAILED:
            title = translate("TicketScreen", "Máy in đang gặp sự cố.")
            text = translate(
                "TicketScreen",
                "Xin hãy nhớ số của bạn: {number}. Cán bộ đã được báo và sẽ gọi số này.",
            ).format(number=number)
        else:
            title = translate("TicketScreen", "Vé của bạn đang được in…")
            text = translate("TicketScreen", "Xin chờ một chút.")
        self.status_title.setText(title)
        self.status_text.setText(text)
        self._dress_status_panel(self._state)

    def _dress_status_panel(self, state: str, *, force: bool = False) -> None:
        """The panel's colours and icon for ``state``; nothing to do if it wears them."""
        theme = self.theme
        if state == self._panel_state and not force:
            return
        set_style(self.status_panel, panel=_PANELS[state])
        if theme is not None:
            ink = theme.colors.text_pairs()[_PANELS[state]][0]
            side = theme.px(theme.sizes.button_icon)
            icon = icon_pixmap(_ICONS[state], side, ink, self.devicePixelRatioF())
            self.status_icon.setPixmap(icon)
            self._panel_state = state

    def showEvent(self, event: QShowEvent) -> None:
        self._dress_status_panel(self._state)  # shown again without a new ticket
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # The next ticket starts as "printing". Restyling the panel takes 0.6 ms of Qt's
        # stylesheet work; done now, once the visitor has left (after this frame), it is not
        # in the next visitor's tap, between the commit and the ticket's frame.
        QTimer.singleShot(0, self, self._on_hidden_dress_for_next)

    @Slot()
    def _on_hidden_dress_for_next(self) -> None:
        if not self.isVisible():
            self._dress_status_panel(PRINTING)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
