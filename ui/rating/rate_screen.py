"""The rating tile's screen: ticket number, faces, a reason when unhappy, thanks, then home."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.ratings import RatingLevel
from ui.i18n import I18n, translate
from ui.rating.rate_number_screen import RateNumberScreen
from ui.rating.rate_reason_screen import RateReasonScreen
from ui.rating.rate_scale_screen import RateScaleScreen
from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
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
    """Rate a finished visit by ticket number; the owner checks and stores.

    Signals:
        home_requested: the visitor is done (or gave up).
        number_entered(str): check this ticket number (then ``show_scale`` or a problem).
        rating_chosen(str, int, str): store (number, level, reason or "").
    """

    home_requested = Signal()
    number_entered = Signal(str)
    rating_chosen = Signal(str, int, str)

    def __init__(
        self,
        *,
        i18n: I18n,
        letters: Sequence[str],
        levels: Sequence[RatingLevel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._levels = {level.value: level for level in levels}
        self._number = ""
        self._level = 0
        self.number = RateNumberScreen(i18n=i18n, letters=letters)
        self.scale = RateScaleScreen(i18n=i18n, levels=levels)
        self.reason = RateReasonScreen(i18n=i18n)
        self.thanks = RateThanksScreen(i18n=i18n)
        self._pages = (self.number, self.scale, self.reason, self.thanks)
        self.stack = QStackedWidget()
        for page in self._pages:
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(round(THANKS_S * 1000))
        self._thanks_timer.timeout.connect(self._on_thanks_timer_timeout)
        self.number.back_clicked.connect(self.home_requested)
        self.number.number_entered.connect(self.number_entered)
        self.scale.back_clicked.connect(self._on_scale_back_clicked)
        self.scale.level_chosen.connect(self._on_scale_level_chosen)
        self.reason.back_clicked.connect(self._on_reason_back_clicked)
        self.reason.reason_chosen.connect(self._on_reason_reason_chosen)

    def current(self) -> QWidget:
        """The page shown."""
        page = self.stack.currentWidget()
        assert page is not None
        return page

    def show_scale(self, number: str) -> None:
        """The ticket can be rated: ask how satisfied."""
        self._number = number
        self.scale.set_subject(translate("RateScreen", "Vé số {number}").format(number=number))
        self.stack.setCurrentWidget(self.scale)

    def show_problem(self, kind: str, number: str) -> None:
        """Back on the number page with a message (see ``RateNumberScreen.show_problem``)."""
        self.number.set_busy(False)
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

    def hideEvent(self, event: QHideEvent) -> None:
        # The next visitor starts on an empty keypad.
        self._thanks_timer.stop()
        self.number.reset()
        self.number.set_busy(False)
        self.stack.setCurrentWidget(self.number)
        super().hideEvent(event)

    @Slot()
    def _on_scale_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.number)

    @Slot(int)
    def _on_scale_level_chosen(self, value: int) -> None:
        self._level = value
        if self._levels[value].needs_reason:
            self.stack.setCurrentWidget(self.reason)
        else:
            self.rating_chosen.emit(self._number, value, "")

    @Slot()
    def _on_reason_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.scale)

    @Slot(str)
    def _on_reason_reason_chosen(self, reason: str) -> None:
        self.rating_chosen.emit(self._number, self._level, reason)

    @Slot()
    def _on_thanks_timer_timeout(self) -> None:
        self.finish_thanks()
