"""The desk's main screen: this counter's ticket and actions, the waiting queue, alerts, undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.enums import AlertKind, TicketStatus
from kiosk.domain.views import TicketView
from ui.desk.alert_list import AlertList
from ui.desk.current_panel import CurrentPanel
from ui.desk.desk_keys import ACTION_KEYS, ENTER_KEYS, UNDO_KEY, key_name
from ui.desk.waiting_list import WaitingList, WaitingRow, WaitingSection
from ui.formatting import format_time
from ui.i18n import I18n, translate
from ui.staff.texts import SEPARATOR, priority_text, status_text, ticket_caption, wait_text
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.key_caption import KeyCaption
from ui.widgets.message_bar import MessageBar
from ui.widgets.packed_grid import scroll_column
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from kiosk.services.alerts import AlertView
    from kiosk.services.desk_feed import DeskSnapshot

# QWIDGETSIZE_MAX, which PySide6 does not export: no bound on a widget's width.
ANY_WIDTH = 16_777_215
# More would push the queue off the screen; the oldest come first and are handled first.
MAX_ALERTS = 3


def enabled_actions(ticket: TicketView | None) -> set[str]:
    """The actions that fit the counter's current ticket."""
    if ticket is None:
        return {"call_next"}
    if ticket.status is TicketStatus.SERVING:
        return {"finish", "transfer", "cancel", "reprint"}
    return {"recall", "start", "finish", "no_show", "transfer", "cancel", "reprint"}


class QueueScreen(Screen):
    """Toolbar, alerts, the current ticket beside the waiting list, undo and message bars.

    A portrait screen stacks what a landscape one puts side by side: the toolbar's name,
    search and buttons on three rows, the current ticket above the waiting list.

    Signals:
        action_clicked(str): a current-ticket action (see ``current_panel.ACTIONS``).
        ticket_chosen(int): a waiting ticket was tapped (its id).
        find_requested(str): a ticket number was typed into the search field.
        alert_resolved(int): an alert was marked handled (its id).
        undo_clicked: the undo bar's button was tapped.
        walk_in_clicked: record help given without a ticket.
        roster_clicked: open the helper roster (managers).
        sign_out_clicked: the staff member signs out.
    """

    action_clicked = Signal(str)
    ticket_chosen = Signal(int)
    find_requested = Signal(str)
    alert_resolved = Signal(int)
    undo_clicked = Signal()
    walk_in_clicked = Signal()
    roster_clicked = Signal()
    sign_out_clicked = Signal()

    def __init__(
        self, *, i18n: I18n, config: Config, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._i18n, self._config, self._clock = i18n, config, clock
        self._snapshot: DeskSnapshot | None = None
        self._counter = 0
        self._name = ""
        self.who = ElidedLabel()  # gives way to the buttons when the text is large
        self.who.setProperty("textStyle", "info")
        self.search = QLineEdit()
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search_button, self.walk_in, self.roster, self.sign_out = (
            back_button() for _ in range(4)
        )
        self.search_button.clicked.connect(self._on_search_return_pressed)
        self.walk_in.clicked.connect(self.walk_in_clicked)
        self.roster.clicked.connect(self.roster_clicked)
        self.sign_out.clicked.connect(self.sign_out_clicked)
        self.alerts = AlertList()
        self.alerts.resolve_clicked.connect(self.alert_resolved)
        self.current = CurrentPanel()
        self.current.action_clicked.connect(self.action_clicked)
        self.waiting = WaitingList()
        self.waiting.ticket_chosen.connect(self.ticket_chosen)
        self.undo_bar = MessageBar()
        self.undo_bar.action_clicked.connect(self.undo_clicked)
        self.message = MessageBar()
        self.key_captions = {
            action: KeyCaption(self.current.buttons[action], key_name(key))
            for action, key in ACTION_KEYS.items()
        }
        self.key_captions["undo"] = KeyCaption(
            self.undo_bar.action, key_name(UNDO_KEY), reserve=True
        )
        self._build()
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def _build(self) -> None:
        find = QHBoxLayout()
        find.addWidget(self.search)
        find.addWidget(self.search_button)
        tools = QHBoxLayout()
        for widget in (self.walk_in, self.roster, self.sign_out):
            tools.addWidget(widget)
        self._toolbar_rows = (find, tools)
        self._toolbar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._toolbar.addWidget(self.who, 1)
        self._toolbar.addLayout(find, 0)
        self._toolbar.addLayout(tools, 0)
        # WORKAROUND: the panel scrolls only when large text makes it taller than the screen;
        # a stack's pages share one minimum height, so no page may demand more than it has.
        current = QVBoxLayout()
        current.setContentsMargins(0, 0, 0, 0)
        current.addWidget(self.current)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._current_area = scroll_column(current)
        self._body.addWidget(self._current_area, 2)
        self._body.addWidget(self.waiting, 3)
        # The bars' row keeps its height while they are hidden, so the buttons above never
        # move under a finger when a bar appears (a taller, wrapped message still fits).
        self.bars = QWidget()
        self._bars = QHBoxLayout(self.bars)
        self._bars.setContentsMargins(0, 0, 0, 0)
        self._bars.addWidget(self.undo_bar, 1)
        self._bars.addWidget(self.message, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._toolbar)
        self._layout.addWidget(self.alerts)
        self._layout.addLayout(self._body, 1)
        self._layout.addWidget(self.bars)

    # -- setters -----------------------------------------------------------------------------

    def set_session(self, *, name: str, counter_number: int, manager: bool) -> None:
        """Who is signed in at which counter; the roster button only for managers."""
        self._counter = counter_number
        self._name = name
        self.roster.setVisible(manager)
        self.retranslate()

    def show_snapshot(self, snapshot: DeskSnapshot) -> None:
        """Show a fresh read of the queue."""
        self._snapshot = snapshot
        self._show_current()
        self._show_waiting()
        self._show_alerts()

    def current_ticket(self) -> TicketView | None:
        """This counter's called or served ticket, as last read."""
        return None if self._snapshot is None else self._snapshot.current(self._counter)

    def snapshot(self) -> DeskSnapshot | None:
        """The last snapshot shown."""
        return self._snapshot

    def refresh_times(self) -> None:
        """Waiting times move on with the clock (once a minute); no database read needed."""
        if self._snapshot is not None:
            self._show_waiting()

    def press_key(self, key: int, text: str) -> bool:
        """A key typed on the desk's keyboard; True when the screen used it.

        F-keys press their button (as a tap would, so not while it is off); letters and
        digits typed outside a field go into the number search, Enter there searches.
        """
        buttons = {int(k): self.current.buttons[a] for a, k in ACTION_KEYS.items()}
        buttons[int(UNDO_KEY)] = self.undo_bar.action
        button = buttons.get(key)
        if button is not None:
            if button.isVisible() and button.isEnabled():
                button.click()
            return True
        if key in ENTER_KEYS:
            # The field has already searched when Enter was typed into it.
            if not self.search.hasFocus():
                self._on_search_return_pressed()
            return True
        if len(text) == 1 and text.isalnum() and self.search.isEnabled():
            self.search.setFocus()
            self.search.insert(text)
            return True
        return False

    def set_busy(self, busy: bool) -> None:
        """Actions off while one runs."""
        self.current.set_busy(busy)

    def set_live(self, live: bool) -> None:
        """Grey out the queue and its actions while it cannot be read (it may be stale)."""
        for part in (self.current, self.waiting, self.alerts, self.search_button, self.walk_in):
            part.setEnabled(live)

    def is_live(self) -> bool:
        """Whether what is shown is the queue as it is now."""
        return self.waiting.isEnabled()

    def show_error(self, text: str) -> None:
        """A refusal or failure, in red."""
        self.message.show_message(text, tone="danger")

    def show_info(self, text: str) -> None:
        """What just happened."""
        self.message.show_message(text, tone="info")

    def offer_undo(self, text: str) -> None:
        """What was done, with an undo button (the owner hides it when time is up)."""
        self.undo_bar.show_message(
            text, tone="success", action=translate("QueueScreen", "Hoàn tác")
        )

    # -- building the parts ------------------------------------------------------------------

    def _show_current(self) -> None:
        ticket = self.current_ticket()
        if ticket is None:
            self.current.set_ticket(
                number="",
                caption=translate("QueueScreen", "Chưa gọi số nào. Bấm “Gọi số tiếp theo”."),
                priority="",
                status="",
                enabled=enabled_actions(None),
            )
            return
        self.current.set_ticket(
            number=ticket.number,
            caption=ticket_caption(ticket, self._i18n),
            priority=priority_text(self._config, self._i18n, ticket.priority_group),
            status=status_text(ticket, self._config.site.tz),
            enabled=enabled_actions(ticket),
        )

    def _show_waiting(self) -> None:
        assert self._snapshot is not None
        now = self._clock()
        mine = next((c.lines for c in self._config.counters if c.number == self._counter), ())
        lines = sorted(self._snapshot.lines, key=lambda line: line.code not in mine)
        sections = []
        for line in lines:
            rows = tuple(
                WaitingRow(
                    ticket_id=t.id,
                    number=t.number,
                    caption=SEPARATOR.join(
                        part
                        for part in (
                            wait_text(t.issued_at, now),
                            priority_text(self._config, self._i18n, t.priority_group),
                            self._i18n.text(t.procedure) if t.procedure else "",
                        )
                        if part
                    ),
                    priority=t.priority_group is not None,
                )
                for t in self._snapshot.waiting
                if t.line_code == line.code
            )
            if not rows and line.code not in mine:
                continue
            title = translate("QueueScreen", "{code} · {name}: {count} người chờ").format(
                code=line.code, name=self._i18n.text(line.name), count=len(rows)
            )
            empty = translate("QueueScreen", "Không có ai chờ.")
            sections.append(WaitingSection(title, rows, empty))
        self.waiting.set_sections(sections)

    def _alert_text(self, alert: AlertView) -> str:
        at = format_time(alert.created_at, self._config.site.tz)
        if alert.kind is AlertKind.HELP_REQUESTED:
            return translate(
                "QueueScreen", "{time} — Khách ở máy lấy số cần cán bộ hỗ trợ."
            ).format(time=at)
        if alert.kind is AlertKind.KIOSK_PAUSED:
            return translate(
                "QueueScreen",
                "{time} — Máy lấy số tạm dừng: không ghi được vào cơ sở dữ liệu. "
                "Khách được mời đến thẳng quầy.",
            ).format(time=at)
        assert self._snapshot is not None
        number = next((t.number for t in self._snapshot.waiting if t.id == alert.ticket_id), "")
        if number:
            return translate(
                "QueueScreen", "{time} — Máy in không in được số {number}: khách cần nhớ số."
            ).format(time=at, number=number)
        return translate("QueueScreen", "{time} — Máy in gặp sự cố.").format(time=at)

    def _show_alerts(self) -> None:
        assert self._snapshot is not None
        self.alerts.set_alerts(
            [(alert.id, self._alert_text(alert)) for alert in self._snapshot.alerts[:MAX_ALERTS]],
            button_text=translate("QueueScreen", "Đã xử lý"),
        )

    # -- theme and language ------------------------------------------------------------------

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._toolbar.setSpacing(spacing // 2)
        for row in self._toolbar_rows:
            row.setSpacing(spacing // 2)
        self._bars.setSpacing(spacing // 2)
        self._body.setSpacing(spacing // 2 if theme.portrait else margin)
        self._arrange(theme)
        for part in (self.alerts, self.current, self.waiting, self.undo_bar, self.message):
            part.apply_theme(theme)
        self.bars.setMinimumHeight(self.undo_bar.reserved_height())

    def _arrange(self, theme: Theme) -> None:
        """One toolbar row and the ticket beside the queue, or all stacked on a portrait screen.

        A portrait screen is too narrow for the name, the search and four buttons on one row
        (the name was elided away and every button cut): each gets a row of its own, the
        search field as wide as the row. The ticket's panel is as tall as it needs (its
        buttons sit beside it there); the waiting list scrolls in the rest.
        """
        if theme.portrait:
            self._toolbar.setDirection(QBoxLayout.Direction.TopToBottom)
            self._toolbar.setStretch(0, 0)
            self.search.setMinimumWidth(theme.px(300))
            self.search.setMaximumWidth(ANY_WIDTH)
            self._body.setDirection(QBoxLayout.Direction.TopToBottom)
            self._body.setStretch(0, 0)
            self._body.setStretch(1, 1)
            self._current_area.set_tall(True)
        else:
            self._toolbar.setDirection(QBoxLayout.Direction.LeftToRight)
            self._toolbar.setStretch(0, 1)
            self.search.setFixedWidth(theme.px(300))
            self._body.setDirection(QBoxLayout.Direction.LeftToRight)
            self._body.setStretch(0, 2)
            self._body.setStretch(1, 3)
            self._current_area.set_tall(False)

    def retranslate(self) -> None:
        self.who.setText(
            translate("QueueScreen", "Quầy {number} · {name}").format(
                number=self._counter, name=self._name
            )
        )
        self.search.setPlaceholderText(translate("QueueScreen", "Số vé, ví dụ A012"))
        self.search_button.setText(translate("QueueScreen", "Tìm số"))
        self.walk_in.setText(translate("QueueScreen", "Hỗ trợ không có số"))
        self.roster.setText(translate("QueueScreen", "Người hỗ trợ"))
        self.sign_out.setText(translate("QueueScreen", "Đăng xuất"))
        self.current.retranslate()
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    @Slot()
    def _on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if text:
            self.find_requested.emit(text)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
