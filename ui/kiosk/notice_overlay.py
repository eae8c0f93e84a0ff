"""A short notice over the screen ("a helper is coming", "please ask at the desk")."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
from ui.widgets.overlay import Overlay
from ui.widgets.screen import text_label

HELP_SENT = "help_sent"
HELP_FAILED = "help_failed"
ERROR = "error"
PAUSED = "paused"  # the database cannot be reached: no ticket can be issued now
_ICONS = {HELP_SENT: "help", HELP_FAILED: "warning", ERROR: "warning", PAUSED: "warning"}


class NoticeOverlay(Overlay):
    """A picture, a title, a sentence and one OK button; closes by itself after a while.

    Signals:
        dismissed: closed by the OK button or by its timer.
    """

    dismissed = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget) -> None:
        super().__init__(parent)
        self._kind = HELP_SENT
        self._theme: Theme | None = None
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = text_label("title")
        self.text = text_label("body")
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.ok = QPushButton()
        self.ok.setProperty("kind", "action")
        self.ok.setProperty("tone", "primary")
        self.ok.clicked.connect(self._on_ok_clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok, 2)
        row.addStretch(1)
        self.panel_layout.addWidget(self.picture)
        self.panel_layout.addWidget(self.title)
        self.panel_layout.addWidget(self.text)
        self.panel_layout.addLayout(row)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def kind(self) -> str:
        """Which notice is shown."""
        return self._kind

    def show_notice(self, kind: str, *, close_after_s: float) -> None:
        """Open with one of the notices; it closes itself after ``close_after_s``."""
        self._kind = kind
        self.retranslate()
        self._paint_picture()
        self._timer.start(round(close_after_s * 1000))
        self.open()

    def apply_theme(self, theme: Theme) -> None:
        """Panel size for the theme."""
        self._theme = theme
        self.set_margins(theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing))
        self.set_panel_width(round(min(theme.width_px, theme.height_px) * 0.85))
        self._paint_picture()
        if self.is_open():
            self.fit_panel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        texts = {
            HELP_SENT: (
                translate("NoticeOverlay", "Đã báo cán bộ"),
                translate("NoticeOverlay", "Xin bạn chờ ở đây một chút, sẽ có người đến giúp."),
            ),
            HELP_FAILED: (
                translate("NoticeOverlay", "Chưa báo được cán bộ"),
                translate("NoticeOverlay", "Xin bạn đến quầy gần nhất để được giúp đỡ."),
            ),
            ERROR: (
                translate("NoticeOverlay", "Xin lỗi, chưa lấy được số"),
                translate("NoticeOverlay", "Xin bạn thử lại, hoặc hỏi cán bộ ở quầy."),
            ),
            PAUSED: (
                translate("NoticeOverlay", "Máy lấy số tạm dừng"),
                translate("NoticeOverlay", "Mời ông/bà đến thẳng quầy, cán bộ sẽ giúp."),
            ),
        }
        title, text = texts[self._kind]
        self.title.setText(title)
        self.text.setText(text)
        self.ok.setText(translate("NoticeOverlay", "Đã hiểu"))
        if self.is_open():
            self.fit_panel()

    def _paint_picture(self) -> None:
        if self._theme is None:
            return
        ink = self._theme.colors.text_pairs()["surface_accent"][0]
        side = self._theme.px(self._theme.sizes.tile_icon)
        self.picture.setPixmap(icon_pixmap(_ICONS[self._kind], side, ink, self.devicePixelRatioF()))

    def _finish(self) -> None:
        self._timer.stop()
        if self.is_open():
            self.close_overlay()
            self.dismissed.emit()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_ok_clicked(self) -> None:
        self._finish()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._finish()
