"""Sign-in, step two: the chosen staff member types the PIN on a big keypad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.keypad import PinKeypad
from ui.widgets.message_bar import MessageBar
from ui.widgets.screen import Screen, text_label


class PinScreen(Screen):
    """The name, the keypad, a message line and "back to the names".

    Signals:
        pin_submitted(str): OK on a PIN of 4 to 8 digits.
        back_clicked: the person wants another name.
    """

    pin_submitted = Signal(str)
    back_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self.title = text_label("title")
        self.hint = text_label("muted")
        self.message = MessageBar()
        self.keypad = PinKeypad()
        self.keypad.submitted.connect(self.pin_submitted)
        self.back: QPushButton = back_button()
        self.back.clicked.connect(self.back_clicked)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.hint)
        words.addWidget(self.message)
        words.addStretch(1)
        words.addWidget(self.back)
        self._body = QHBoxLayout(self)
        self._body.addLayout(words, 1)
        self._body.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)
        self._words = words
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def show_for(self, name: str) -> None:
        """A fresh keypad for this person."""
        self._name = name
        self.keypad.clear()
        self.keypad.set_locked(False)
        self.message.clear()
        self.retranslate()

    def show_checking(self) -> None:
        """Keys wait while the PIN is checked."""
        self.keypad.set_locked(True)

    def show_refused(self, text: str, *, locked: bool) -> None:
        """A wrong PIN (keys back on, digits cleared) or a lockout (keys stay off)."""
        self.keypad.clear()
        self.keypad.set_locked(locked)
        self.message.show_message(text, tone="danger")

    def show_error(self, text: str) -> None:
        """Something else went wrong; the person may try again."""
        self.show_refused(text, locked=False)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._body.setContentsMargins(margin, margin, margin, margin)
        self._body.setSpacing(margin * 2)
        self._words.setSpacing(spacing)
        self.message.apply_theme(theme)
        key = max(theme.px(theme.sizes.key), theme.min_target_px)
        self.keypad.set_key_size(key, spacing // 2)

    def retranslate(self) -> None:
        self.title.setText(translate("PinScreen", "Xin chào {name}").format(name=self._name))
        self.hint.setText(
            translate(
                "PinScreen",
                "Nhập mã PIN (4 đến 8 chữ số) rồi bấm OK. Có bàn phím: gõ số rồi nhấn Enter.",
            )
        )
        self.back.setText(translate("PinScreen", "Chọn tên khác"))
        self.keypad.set_key_texts(
            delete=translate("PinScreen", "Xoá"), ok=translate("PinScreen", "OK")
        )

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
