"""The desk console window: header, the screens in a stack, the ticket overlay, the clock.

Navigation that needs no database lives here; ``DeskController`` and its flows drive the
screens through their setters after reading or writing the core.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.clock import Clock
from ui.desk.counter_screen import CounterScreen
from ui.desk.pin_screen import PinScreen
from ui.desk.queue_screen import QueueScreen
from ui.desk.roster_screen import RosterScreen
from ui.desk.staff_screen import StaffScreen
from ui.desk.ticket_overlay import TicketOverlay
from ui.desk.visit_screen import VisitScreen
from ui.formatting import format_date, format_time
from ui.i18n import I18n, translate
from ui.staff.look import desk_stylesheet
from ui.theme import Theme
from ui.widgets.header_bar import HeaderBar
from ui.widgets.link_banner import BusyBanner, LinkBanner
from ui.widgets.minute_timer import MinuteTimer
from ui.widgets.page_stack import PageStack
from ui.widgets.screen import Screen


class DeskWindow(QWidget):
    """The console at any monitor size, with the link's banner and the busy strip on top."""

    def __init__(self, *, config: Config, i18n: I18n, clock: Clock, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("DeskRoot")
        self.setWindowTitle(translate("DeskWindow", "Quầy tiếp dân"))
        self._config, self._i18n, self._clock, self._theme = config, i18n, clock, theme
        self._session_text = ""
        self.header = HeaderBar()
        self.link = LinkBanner()
        self.busy = BusyBanner()
        self.staff = StaffScreen(i18n=i18n)
        self.pin = PinScreen(i18n=i18n)
        self.counters = CounterScreen(i18n=i18n, config=config)
        self.queue = QueueScreen(i18n=i18n, config=config, clock=clock)
        self.visit = VisitScreen(i18n=i18n, config=config)
        self.roster = RosterScreen(i18n=i18n)
        self.stack = PageStack()
        for screen in (self.staff, self.pin, self.counters, self.queue, self.visit, self.roster):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.link)
        layout.addWidget(self.busy)
        layout.addWidget(self.stack, 1)
        self.ticket_overlay = TicketOverlay(self)
        self.minutes = MinuteTimer(self)
        self.minutes.minute_changed.connect(self._on_minutes_minute_changed)
        self.minutes.start()
        self.header.language_clicked.connect(self._on_header_language_clicked)
        self.header.large_text_toggled.connect(self._on_header_large_text_toggled)
        self.pin.back_clicked.connect(self.show_staff)
        self.visit.back_clicked.connect(self.show_queue)
        self.roster.back_clicked.connect(self.show_queue)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.apply_theme(theme)
        self.retranslate()

    @property
    def i18n(self) -> I18n:
        """The desk's language."""
        return self._i18n

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return self._theme

    def current_screen(self) -> QWidget:
        """The screen shown."""
        screen = self.stack.currentWidget()
        assert screen is not None
        return screen

    def show_staff(self) -> None:
        """The names to sign in with."""
        self.ticket_overlay.close_overlay()
        self.roster.pin_overlay.close_overlay()
        self.stack.setCurrentWidget(self.staff)

    def show_pin(self, name: str) -> None:
        """The keypad for one person."""
        self.pin.show_for(name)
        self.stack.setCurrentWidget(self.pin)

    def show_counters(self) -> None:
        """Which counter to open."""
        self.stack.setCurrentWidget(self.counters)

    def show_queue(self) -> None:
        """The console's main screen."""
        self.stack.setCurrentWidget(self.queue)

    def show_visit(self) -> None:
        """The finish or walk-in form."""
        self.stack.setCurrentWidget(self.visit)

    def show_roster(self) -> None:
        """The helper roster (managers)."""
        self.stack.setCurrentWidget(self.roster)

    def set_link_up(self, up: bool) -> None:
        """Show the banner while the database cannot be reached."""
        self.link.set_link_up(up)

    def set_busy(self, busy: bool) -> None:
        """Say "busy, retrying" while an action waits over a second for the database."""
        self.busy.set_busy(busy)

    def set_session_text(self, text: str) -> None:
        """Who works at which counter, under the desk's name ("" when nobody is signed in)."""
        self._session_text = text
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Adopt a theme: stylesheet, then every screen's sizes."""
        self._theme = theme
        app = QApplication.instance()
        sheet = desk_stylesheet(theme)
        if isinstance(app, QApplication) and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        self.header.apply_theme(theme, corner_reserve_left=0, corner_reserve_right=0)
        self.link.apply_theme(theme)
        self.busy.apply_theme(theme)
        for index in range(self.stack.count()):
            screen = self.stack.widget(index)
            if isinstance(screen, Screen):
                screen.apply_theme(theme)
        self.ticket_overlay.apply_theme(theme)

    def retranslate(self) -> None:
        """Header texts in the current language."""
        header = self._config.site.header
        self.header.set_place(header.desk_name, self._session_text or header.place_line())
        other = "English" if self._i18n.language == "vi" else "Tiếng Việt"
        self.header.set_toggle_texts(language=other, large_text=translate("DeskWindow", "Chữ to"))
        self.ticket_overlay.retranslate()
        self.link.retranslate()
        self.busy.retranslate()
        self._show_clock()

    def _show_clock(self) -> None:
        now = self._clock()
        tz = self._config.site.tz
        self.header.set_clock(format_time(now, tz), format_date(now.astimezone(tz).date()))

    # -- Qt overrides -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys no field used arrive here: the PIN keypad and the queue's shortcuts take them.
        key, screen = event.key(), self.current_screen()
        if self.ticket_overlay.is_open():
            used = key == Qt.Key.Key_Escape
            if used:
                self.ticket_overlay.close_overlay()
        elif screen is self.pin:
            used = self.pin.keypad.type_key(key)
        elif screen is self.counters:
            used = self._press_counter(event.text())
        elif screen is self.queue:
            used = self.queue.press_key(key, event.text())
        else:
            used = False
        if used:
            event.accept()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if QSize(self._theme.width_px, self._theme.height_px) != size and not size.isEmpty():
            self.apply_theme(self._theme.with_size(size.width(), size.height()))

    def _press_counter(self, text: str) -> bool:
        """A counter's number typed on the counter screen opens it, as its button would."""
        button = self.counters.buttons.get(int(text)) if text.isdigit() else None
        if button is None:
            return False
        if button.isVisible() and button.isEnabled():
            button.click()
        return True

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_minutes_minute_changed(self) -> None:
        self._show_clock()
        self.queue.refresh_times()

    @Slot()
    def _on_header_language_clicked(self) -> None:
        self._i18n.set_language("en" if self._i18n.language == "vi" else "vi")

    @Slot(bool)
    def _on_header_large_text_toggled(self, on: bool) -> None:
        self.apply_theme(self._theme.with_large_text(on))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
