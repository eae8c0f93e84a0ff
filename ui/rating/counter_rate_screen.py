"""A counter's small rating screen: idle until the counter finishes a visit, then the faces."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.ratings import FinishedVisit, RatingLevel
from ui.i18n import I18n, translate
from ui.rating.rate_reason_screen import RateReasonScreen
from ui.rating.rate_scale_screen import RateScaleScreen
from ui.rating.rate_screen import RateThanksScreen
from ui.theme import Theme
from ui.widgets.link_banner import LinkMark
from ui.widgets.page_stack import PageStack
from ui.widgets.screen import Screen, text_label

PROMPT_S = 30.0
THANKS_S = 6.0


class CounterIdleScreen(Screen):
    """Nothing to rate: the counter's name and a welcome; a small mark if the link is down."""

    def __init__(self, *, i18n: I18n, counter_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = text_label("title")
        self.name.setText(counter_name)
        self.text = text_label("info")
        for label in (self.name, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = LinkMark()
        self.link.setProperty("textStyle", "small")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.name)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.link)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            translate("CounterIdleScreen", "Sau khi làm xong, mời bạn đánh giá ở đây.")
        )
        self.link.retranslate()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()


class CounterRateScreen(Screen):
    """Idle, or the faces for the visit just finished; back to idle after ``PROMPT_S``.

    Signals:
        rating_chosen(int, int, str): store (visit id, level, reason or "").
    """

    rating_chosen = Signal(int, int, str)

    def __init__(
        self,
        *,
        i18n: I18n,
        counter_name: str,
        levels: Sequence[RatingLevel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._levels = {level.value: level for level in levels}
        self._visit: FinishedVisit | None = None
        self._level = 0
        self.idle = CounterIdleScreen(i18n=i18n, counter_name=counter_name)
        self.scale = RateScaleScreen(i18n=i18n, levels=levels)
        self.reason = RateReasonScreen(i18n=i18n)
        self.thanks = RateThanksScreen(i18n=i18n)
        self._pages = (self.idle, self.scale, self.reason, self.thanks)
        self.stack = PageStack()
        for page in self._pages:
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle_timer_timeout)
        self.scale.back_clicked.connect(self._on_idle_timer_timeout)
        self.scale.level_chosen.connect(self._on_scale_level_chosen)
        self.reason.back_clicked.connect(self._on_reason_back_clicked)
        self.reason.reason_chosen.connect(self._on_reason_reason_chosen)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def current(self) -> QWidget:
        """The page shown."""
        page = self.stack.currentWidget()
        assert page is not None
        return page

    def visit(self) -> FinishedVisit | None:
        """The visit being rated, if any."""
        return self._visit

    def prompt(self, visit: FinishedVisit) -> None:
        """Ask about a visit that just finished."""
        self._visit = visit
        names = ", ".join(visit.helper_names)
        subject = translate("CounterRateScreen", "Người hỗ trợ bạn: {names}").format(names=names)
        self.scale.set_subject(subject if names else "")
        self.stack.setCurrentWidget(self.scale)
        self.idle_timer.start(round(PROMPT_S * 1000))

    def show_thanks(self) -> None:
        """Stored: thank, then idle."""
        self.stack.setCurrentWidget(self.thanks)
        self.idle_timer.start(round(THANKS_S * 1000))

    def set_link_up(self, up: bool) -> None:
        """While the database cannot be reached no visit can be asked about: say so, quietly."""
        self.idle.link.set_link_up(up)

    def show_idle(self) -> None:
        """Nothing to rate."""
        self.idle_timer.stop()
        self._visit = None
        self.stack.setCurrentWidget(self.idle)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for page in self._pages:
            page.apply_theme(theme)

    def retranslate(self) -> None:
        for page in self._pages:
            page.retranslate()
        self.scale.set_back_text(translate("CounterRateScreen", "Bỏ qua"))

    def _restart_timer(self) -> None:
        self.idle_timer.start(round(PROMPT_S * 1000))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_idle_timer_timeout(self) -> None:
        self.show_idle()

    @Slot(int)
    def _on_scale_level_chosen(self, value: int) -> None:
        if self._visit is None:
            return
        self._level = value
        if self._levels[value].needs_reason:
            self.stack.setCurrentWidget(self.reason)
            self._restart_timer()
        else:
            self.rating_chosen.emit(self._visit.visit_id, value, "")

    @Slot()
    def _on_reason_back_clicked(self) -> None:
        self.stack.setCurrentWidget(self.scale)
        self._restart_timer()

    @Slot(str)
    def _on_reason_reason_chosen(self, reason: str) -> None:
        if self._visit is not None:
            self.rating_chosen.emit(self._visit.visit_id, self._level, reason)
