"""The staff exit keypad, opened by the hidden long press; a visitor who gets here just cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.keypad import PinKeypad
from ui.widgets.overlay import Overlay
from ui.widgets.screen import text_label
from ui.widgets.style import set_style


class ExitOverlay(Overlay):
    """Title, a message line, the keypad and a cancel button.

    Signals:
        pin_submitted(str): OK was pressed on a PIN of 4 to 8 digits.
        cancelled: the cancel button was pressed.
    """

    pin_submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget) -> None:
        super().__init__(parent)
        self._message = ""
        self.title = text_label("title")
        self.message = text_label("muted")
        self.keypad = PinKeypad()
        self.keypad.submitted.connect(self.pin_submitted)
        self.cancel: QPushButton = back_button()
        self.cancel.clicked.connect(self._on_cancel_clicked)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.message)
        words.addStretch(1)
        self._words = words
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(words, 1)
        self._body.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.panel_layout.addLayout(self._body)
        self.panel_layout.addWidget(self.cancel)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def reset(self) -> None:
        """Empty keypad, no message, keys enabled."""
        self.keypad.clear()
        self.keypad.set_locked(False)
        self._message = ""
        self.retranslate()

    def show_checking(self) -> None:
        """The PIN is being checked: keys wait."""
        self.keypad.set_locked(True)
        self._message = "checking"
        self.retranslate()

    def show_wrong_pin(self) -> None:
        """Refused: the digits are cleared for another try."""
        self.keypad.clear()
        self.keypad.set_locked(False)
        self._message = "wrong"
        self.retranslate()

    def show_locked(self) -> None:
        """Too many wrong PINs: keys stay off until the overlay is opened again later."""
        self.keypad.clear()
        self.keypad.set_locked(True)
        self._message = "locked"
        self.retranslate()

    def message_kind(self) -> str:
        """``""``, ``checking``, ``wrong`` or ``locked`` (for tests)."""
        return self._message

    def apply_theme(self, theme: Theme) -> None:
        """Panel and key sizes for the theme."""
        spacing = theme.px(theme.sizes.spacing)
        margin = theme.px(theme.sizes.margin)
        self.set_margins(margin, spacing)
        self._words.setSpacing(spacing)
        self._body.setSpacing(margin)
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        key = max(theme.px(theme.sizes.key), theme.min_target_px)
        self.keypad.set_key_size(key, spacing // 2)
        keys_width = self.keypad.width()
        words_width = theme.px(640)
        width = keys_width + words_width + 3 * margin
        if theme.portrait:
            width = round(theme.width_px * 0.85)
        self.set_panel_width(min(width, round(theme.width_px * 0.95)))
        if self.is_open():
            self.fit_panel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(translate("ExitOverlay", "Dành cho cán bộ: nhập mã PIN"))
        self.cancel.setText(translate("ExitOverlay", "Huỷ"))
        self.keypad.set_key_texts(
            delete=translate("ExitOverlay", "Xoá"), ok=translate("ExitOverlay", "OK")
        )
        messages = {
            "": translate("ExitOverlay", "Mã PIN gồm 4 đến 8 chữ số."),
            "checking": translate("ExitOverlay", "Đang kiểm tra…"),
            "wrong": translate("ExitOverlay", "Mã PIN không đúng. Xin thử lại."),
            "locked": translate("ExitOverlay", "Nhập sai quá nhiều lần. Xin thử lại sau 5 phút."),
        }
        self.message.setText(messages[self._message])
        # A hint is not an error: the error colour only once a PIN was refused.
        error = self._message in ("wrong", "locked")
        set_style(self.message, textStyle="warning" if error else "muted")
        if self.is_open():
            self.fit_panel()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.close_overlay()
        self.cancelled.emit()
