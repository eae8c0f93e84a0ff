"""The village program's window: header, the steps in a stack, the sync strip at the bottom.

``VillageFlow`` decides which step shows; the window only holds them and the header's toggles.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.domain.clock import Clock
from ui.formatting import format_date, format_time
from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.village.done_screen import DoneScreen
from ui.village.look import village_stylesheet
from ui.village.note_screen import NoteScreen
from ui.village.start_screen import StartScreen
from ui.village.step_screen import StepScreen
from ui.village.sync_bar import SyncBar
from ui.widgets.header_bar import HeaderBar
from ui.widgets.link_banner import LinkBanner
from ui.widgets.minute_timer import MinuteTimer
from ui.widgets.page_stack import PageStack
from ui.widgets.screen import Screen

# Names and outcomes in three columns: a laptop's landscape screen shows a whole roster or all
# of the seed's eleven outcomes without scrolling (two columns left a third of them hidden).
WIDE_COLUMNS = 3


class VillageWindow(QWidget):
    """Every step of the village form, one at a time, at any screen size."""

    def __init__(self, *, config: Config, i18n: I18n, clock: Clock, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("VillageRoot")
        self.setWindowTitle(translate("VillageWindow", "Điểm hỗ trợ thôn"))
        self._config, self._i18n, self._clock, self._theme = config, i18n, clock, theme
        self.header = HeaderBar()
        self.link = LinkBanner()
        self.start = StartScreen()
        self.need = StepScreen(multiple=False, advance_on_tap=True)
        self.outcomes = StepScreen(multiple=True, columns=WIDE_COLUMNS)
        self.procedure = StepScreen(multiple=False, columns=1, advance_on_tap=True)
        self.age = StepScreen(multiple=False, advance_on_tap=True)
        self.sex = StepScreen(multiple=False, advance_on_tap=True)
        self.note = NoteScreen()
        self.done = DoneScreen()
        self.members = StepScreen(multiple=True, columns=WIDE_COLUMNS)
        self.end_session = StepScreen(multiple=False)
        self.stack = PageStack()
        for screen in self.screens():
            self.stack.addWidget(screen)
        self.sync = SyncBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.link)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.sync)
        self.minutes = MinuteTimer(self)
        self.minutes.minute_changed.connect(self._show_clock)
        self.minutes.start()
        self.header.language_clicked.connect(self._on_header_language_clicked)
        self.header.large_text_toggled.connect(self._on_header_large_text_toggled)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.apply_theme(theme)
        self.retranslate()

    def screens(self) -> tuple[Screen, ...]:
        """Every step, in the order a visit goes through them, then the session steps."""
        return (
            self.start,
            self.need,
            self.outcomes,
            self.procedure,
            self.age,
            self.sex,
            self.note,
            self.done,
            self.members,
            self.end_session,
        )

    @property
    def i18n(self) -> I18n:
        """The program's language."""
        return self._i18n

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return self._theme

    def current_screen(self) -> QWidget:
        """The step shown."""
        screen = self.stack.currentWidget()
        assert screen is not None
        return screen

    def show_screen(self, screen: QWidget) -> None:
        """Bring one step to the front."""
        self.stack.setCurrentWidget(screen)

    def set_link_up(self, up: bool) -> None:
        """The red banner while this PC's own database cannot be used."""
        self.link.set_link_up(up)

    def set_place(self, place: str) -> None:
        """The village point's name in the header."""
        self._place = place
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """The stylesheet, then every step's sizes."""
        self._theme = theme
        app = QApplication.instance()
        sheet = village_stylesheet(theme)
        if isinstance(app, QApplication) and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        self.header.apply_theme(theme, corner_reserve_left=0, corner_reserve_right=0)
        self.link.apply_theme(theme)
        self.sync.apply_theme(theme)
        for screen in self.screens():
            screen.apply_theme(theme)

    def retranslate(self) -> None:
        """Header words in the current language."""
        place = getattr(self, "_place", "") or self._config.village.place
        self.header.set_place(place, self._config.site.header.place_line())
        other = "English" if self._i18n.language == "vi" else "Tiếng Việt"
        self.header.set_toggle_texts(
            language=other, large_text=translate("VillageWindow", "Chữ to")
        )
        self.link.retranslate()
        self._show_clock()

    @Slot()
    def _show_clock(self) -> None:
        now = self._clock()
        tz = self._config.site.tz
        self.header.set_clock(format_time(now, tz), format_date(now.astimezone(tz).date()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if QSize(self._theme.width_px, self._theme.height_px) != size and not size.isEmpty():
            self.apply_theme(self._theme.with_size(size.width(), size.height()))

    @Slot()
    def _on_header_language_clicked(self) -> None:
        self._i18n.set_language("en" if self._i18n.language == "vi" else "vi")

    @Slot(bool)
    def _on_header_large_text_toggled(self, on: bool) -> None:
        self.apply_theme(self._theme.with_large_text(on))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
