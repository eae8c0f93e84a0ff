"""The rating tile's screen: ticket number, faces, a reason when unhappy, thanks, then home."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.domain.ratings import RatingLevel
from kiosk.domain.recent_visits import RecentVisit
from ui.i18n import I18n, translate
from ui.rating.rate_number_screen import RateNumberScreen
from ui.rating.rate_reason_screen import RateReasonScreen
from ui.rating.rate_scale_screen import RateScaleScreen
from ui.rating.rate_visit_screen import RateVisitScreen
from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
from ui.widgets.page_stack import PageStack
from ui.widgets.screen import Screen, text_label

THANKS_S = 8.0


class RateThanksScreen(Screen):
    """Thank you; nothing to decide (the screen goes home by itself)."""

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = text_label("title")
        self.text = text_label("info")
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        ink = theme.colors.text_pairs()["page_accent"][0]
        side = theme.px(theme.sizes.tile_icon)
        self.picture.setPixmap(icon_pixmap("check", side, ink, self.devicePixelRatioF()))

    def retranslate(self) -> None:
        self.title.setText(translate("RateThanksScreen", "Cảm ơn bạn đã đánh giá!"))
        self.text.setText(
            translate("RateThanksScreen", "Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.")
        )

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()


class RateScreen(Screen):
    """Rate a finished visit: one that just ended, a scanned ticket, or a typed number.

    The owner checks and stores. When the screen opens it shows the keypad and asks for the
    visits that just ended (``opened``); if there are any, and the visitor has not started
    typing, their tiles come first (``show_visits``).

    Signals:
        home_requested: the visitor is done (or gave up).
        opened: the screen was shown; answer with ``show_visits``.
        number_entered(str): check this ticket number (then ``show_scale`` or a problem).
        code_scanned(str): check this scanned code (then ``show_scale`` or a problem).
        rating_chosen(str, int, str): store (number, level, reason or "").
        visit_rating_chosen(int, int, str): store (visit id, level, reason or "").
    """

    home_requested = Signal()
    opened = Signal()
    number_entered = Signal(str)
    code_scanned = Signal(str)
    rating_chosen = Signal(str, int, str)
    visit_rating_chosen = Signal(int, int, str)

    def __init__(
        self,
        *,
        i18n: I18n,
        letters: Sequence[str],
        levels: Sequence[RatingLevel],
        counter_names: Mapping[int, str],
        tz: ZoneInfo,
        scanner: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._levels = {level.value: level for level in levels}
        self._number = ""
        self._visit_id = 0  # the visit being rated from its tile; 0: a ticket number
        self._level = 0
        self._awaiting_visits = False
        self.visits = RateVisitScreen(
            i18n=i18n, counter_names=counter_names, tz=tz, scanner=scanner
        )
        self.number = RateNumberScreen(i18n=i18n, letters=letters, scanner=scanner)
        self.scale = RateScaleScreen(i18n=i18n, levels=levels)
        self.reason = RateReasonScreen(i18n=i18n)
        self.thanks = RateThanksScreen(i18n=i18n)
        self._pages = (self.visits, self.number, self.scale, self.reason, self.thanks)
        self.stack = PageStack()
        for page in self._pages:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.number)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(round(THANKS_S * 1000))
        self._thanks_timer.timeout.connect(self._on_thanks_timer_timeout)
        self.visits.back_clicked.connect(self.home_requested)
        self.visits.keypad_clicked.connect(self._on_visits_keypad_clicked)
        self.visits.visit_chosen.connect(self._on_visits_visit_chosen)
        self.number.back_clicked.connect(self._on_number_back_clicked)
        self.number.number_entered.connect(self._on_number_number_entered)
        self.scale.back_clicked.connect(self._on_scale_back_clicked)
        self.scale.level_chosen.connect(self._on_scale_level_chosen)
        self.reason.back_clicked.connect(self._on_reason_back_clicked)
        self.reason.reason_chosen.connect(self._on_reason_reason_chosen)

    def current(self) -> QWidget:
        """The page shown."""
        page = self.stack.currentWidget()
        assert page is not None
        return page

    def show_visits(self, visits: Sequence[RecentVisit]) -> None:
        """The visits that just ended: their tiles first, unless the visitor already acted."""
        if not self._awaiting_visits:
            return
        self._awaiting_visits = False
        if self.number.typed() or self.current() is not self.number:
            return  # never change the page under a visitor's finger
        self.visits.set_visits(visits)
        if visits:
            self.stack.setCurrentWidget(self.visits)

    def take_scan(self, text: str) -> None:
        """A scanner read ``text`` (whatever page is shown): check it, as ``code_scanned``."""
        self._awaiting_visits = False
        self._visit_id = 0
        self._thanks_timer.stop()
        self.number.set_busy(True)
        self.stack.setCurrentWidget(self.number)
        self.code_scanned.emit(text)

    def show_scale(self, number: str) -> None:
        """The ticket can be rated: ask how satisfied."""
        self._awaiting_visits = False
        self._number, self._visit_id = number, 0
        self.scale.set_subject(translate("RateScreen", "Vé số {number}").format(number=number))
        self.stack.setCurrentWidget(self.scale)

    def show_problem(self, kind: str, number: str) -> None:
        """Back on the page the rating started from, with a message.

        A visit's tile: ``RateVisitScreen.show_problem``; otherwise the keypad's
        ``RateNumberScreen.show_problem``.
        """
        self.number.set_busy(False)
        if self._visit_id:
            self._visit_id = 0
            self.visits.show_problem(kind)
            self.stack.setCurrentWidget(self.visits)
            return
        self.number.show_problem(kind, number)
        self.stack.setCurrentWidget(self.number)

    def show_thanks(self) -> None:
        """Stored: thank, then go home by itself after ``THANKS_S``."""
        self.stack.setCurrentWidget(self.thanks)
        self._thanks_timer.start()

    def finish_thanks(self) -> None:
        """What the thanks timer does: home."""
        self._thanks_timer.stop()
        self.home_requested.emit()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for page in self._pages:
            page.apply_theme(theme)

    def retranslate(self) -> None:
        for page in self._pages:
            page.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self._awaiting_visits = True
            self.opened.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        # The next visitor starts on an empty keypad.
        self._thanks_timer.stop()
        self._awaiting_visits = False
        self._visit_id = 0
        self.number.reset()
        self.number.set_busy(False)
        self.visits.set_visits(())
        self.stack.setCurrentWidget(self.number)
        super().hideEvent(event)

    @Slot()
    def _on_visits_keypad_clicked(self) -> None:
        self.visits.show_problem("")
        self.stack.setCurrentWidget(self.number)

    @Slot(int)
    def _on_visits_visit_chosen(self, visit_id: int) -> None:
        self._visit_id = visit_id
        self.visits.show_problem("")
        tile = self.visits.tiles[visit_id]
        self.scale.set_subject(tile.label())
        self.stack.setCurrentWidget(self.scale)

    @Slot()
    def _on_number_back_clicked(self) -> None:
        if self.visits.visits():
            self.number.reset()
            self.stack.setCurrentWidget(self.visits)
        else:
            self.home_requested.emit()

    @Slot(str)
    def _on_number_number_entered(self, number: str) -> None:
        self._awaiting_visits = False
        self._visit_id = 0
        self.number_entered.emit(number)

    @Slot()
    def _on_scale_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.visits if self._visit_id else self.number)

    @Slot(int)
    def _on_scale_level_chosen(self, value: int) -> None:
        self._level = value
        if self._levels[value].needs_reason:
            self.stack.setCurrentWidget(self.reason)
        else:
            self._emit_rating("")

    @Slot()
    def _on_reason_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.scale)

    @Slot(str)
    def _on_reason_reason_chosen(self, reason: str) -> None:
        self._emit_rating(reason)

    def _emit_rating(self, reason: str) -> None:
        if self._visit_id:
            self.visit_rating_chosen.emit(self._visit_id, self._level, reason)
        else:
            self.rating_chosen.emit(self._number, self._level, reason)

    @Slot()
    def _on_thanks_timer_timeout(self) -> None:
        self.finish_thanks()
