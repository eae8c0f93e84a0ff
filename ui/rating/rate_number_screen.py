"""Rate, first screen: type the number printed on your ticket on big letter and digit keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.screen import Screen, plain_label, text_label
from ui.widgets.style import set_style

MAX_DIGITS = 4
PRINTED_DIGITS = 3  # tickets print A001: a visitor may type A1
UNKNOWN = "unknown"
NOT_FINISHED = "not_finished"
ALREADY_RATED = "already_rated"
FAILED = "failed"
BAD_CODE = "bad_code"  # a scanned code that is not a ticket's
OTHER_DAY = "other_day"  # a scanned ticket of another day
_DIGIT_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]


class RateNumberScreen(Screen):
    """One decision: which ticket. Problems show on this screen, never in a dialog.

    Signals:
        number_entered(str): OK with a letter and at least one digit (e.g. ``A12``).
        back_clicked: the visitor wants the home screen.
    """

    number_entered = Signal(str)
    back_clicked = Signal()

    def __init__(
        self,
        *,
        i18n: I18n,
        letters: Sequence[str],
        scanner: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._letter = letters[0] if len(letters) == 1 else ""
        self._digits = ""
        self._problem = ""
        self._problem_number = ""
        self.title = text_label("title")
        self.hint = text_label("body")
        self.scan_hint = text_label("body")
        if not scanner:  # hidden before any show: never a top-level window
            self.scan_hint.hide()
        self.display = plain_label()
        self.display.setObjectName("PinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_panel = QFrame()
        self.message = text_label("info", parent=self.message_panel)
        message_layout = QVBoxLayout(self.message_panel)
        message_layout.addWidget(self.message)
        self.message_panel.hide()
        self.keys: dict[str, QPushButton] = {}
        self._letters = QGridLayout()
        for index, letter in enumerate(letters):
            key = self._key(letter, "priority")
            self._letters.addWidget(key, 0, index)
        self._digit_grid = QGridLayout()
        for index, name in enumerate(_DIGIT_KEYS):
            tone = {"ok": "help"}.get(name, "neutral")
            key = self._key(name, tone, word=not name.isdigit())
            self._digit_grid.addWidget(key, index // 3, index % 3)
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.hint)
        left.addWidget(self.scan_hint)
        left.addWidget(self.display)
        left.addWidget(self.message_panel)
        left.addStretch(1)
        left.addWidget(self.back)
        self._left = left
        right = QVBoxLayout()
        right.addStretch(1)
        right.addLayout(self._letters)
        right.addLayout(self._digit_grid)
        right.addStretch(1)
        self._right = right
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.addLayout(left, 1)
        self._layout.addLayout(right, 0)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self._refresh()
        self.retranslate()

    def _key(self, name: str, tone: str, *, word: bool = False) -> QPushButton:
        key = QPushButton(name if not word else "")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setProperty("kind", "key")
        key.setProperty("tone", tone)
        key.setProperty("word", word)
        key.setProperty("key", name)
        key.clicked.connect(self._on_key_clicked)
        self.keys[name] = key
        return key

    def press(self, name: str) -> None:
        """Press a key by name (a letter, ``0``-``9``, ``delete``, ``ok``), as a tap would."""
        self.keys[name].click()

    def typed(self) -> str:
        """The number typed so far."""
        return self._letter + self._digits

    def reset(self) -> None:
        """Empty, no message (each visitor starts afresh)."""
        self._letter = self._letter if len(self._letter_keys()) == 1 else ""
        self._digits = ""
        self.show_problem("")

    def show_problem(self, kind: str, number: str = "") -> None:
        """Why the number cannot be rated: ``unknown``, ``not_finished``, ``already_rated``."""
        self._problem, self._problem_number = kind, number
        self._show_problem()

    def set_busy(self, busy: bool) -> None:
        """While the number is checked: no key can be tapped."""
        for key in [*self.keys.values(), self.back]:
            key.setEnabled(not busy)
        if not busy:
            self._refresh()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin)
        self._layout.setSpacing(margin)
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._left.setSpacing(spacing)
        key_px = max(theme.min_target_px, theme.px(theme.sizes.key))
        for grid in (self._letters, self._digit_grid):
            grid.setSpacing(spacing // 2)
        self._right.setSpacing(spacing)
        for key in self.keys.values():
            key.setFixedSize(key_px, key_px)
        # At least: large text may need a few pixels more than the keys' proportion.
        self.display.setMinimumHeight(round(key_px * 0.9))

    def retranslate(self) -> None:
        self.title.setText(translate("RateNumberScreen", "Đánh giá dịch vụ"))
        self.hint.setText(translate("RateNumberScreen", "Nhập số in trên vé của bạn, rồi chạm OK."))
        self.scan_hint.setText(
            translate("RateNumberScreen", "Hoặc đưa mã QR trên vé vào máy quét.")
        )
        self.keys["delete"].setText(translate("RateNumberScreen", "Xóa"))
        self.keys["ok"].setText("OK")
        self.back.setText(translate("RateNumberScreen", "‹ Quay lại"))
        self._show_problem()

    def _letter_keys(self) -> list[str]:
        return [name for name in self.keys if name.isalpha() and len(name) == 1]

    def _refresh(self) -> None:
        self.display.setText(self.typed() or " ")
        self.keys["ok"].setEnabled(bool(self._letter) and bool(self._digits))
        self.keys["delete"].setEnabled(bool(self.typed()))
        for name in self._digit_keys():
            self.keys[name].setEnabled(bool(self._letter) and len(self._digits) < MAX_DIGITS)

    def _digit_keys(self) -> list[str]:
        return [name for name in self.keys if name.isdigit()]

    def _show_problem(self) -> None:
        texts = {
            UNKNOWN: translate("RateNumberScreen", "Không tìm thấy vé {number} hôm nay."),
            NOT_FINISHED: translate(
                "RateNumberScreen", "Vé {number} chưa làm xong. Xin đánh giá sau khi xong việc."
            ),
            ALREADY_RATED: translate(
                "RateNumberScreen", "Vé {number} đã được đánh giá rồi. Cảm ơn bạn!"
            ),
            FAILED: translate("RateNumberScreen", "Xin lỗi, chưa ghi được. Xin thử lại."),
            BAD_CODE: translate(
                "RateNumberScreen", "Mã vừa quét không phải mã vé. Xin nhập số in trên vé."
            ),
            OTHER_DAY: translate(
                "RateNumberScreen",
                "Vé {number} là vé của ngày khác: chỉ đánh giá được vé hôm nay.",
            ),
        }
        text = texts.get(self._problem, "")
        self.message.setText(text.format(number=self._problem_number))
        panel = "success_soft" if self._problem == ALREADY_RATED else "danger_soft"
        set_style(self.message_panel, panel=panel)
        self.message_panel.setVisible(bool(text))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_key_clicked(self) -> None:
        name = str(self.sender().property("key"))
        if name == "ok":
            self.number_entered.emit(self._letter + self._digits.zfill(PRINTED_DIGITS))
            return
        if name == "delete":
            if self._digits:
                self._digits = self._digits[:-1]
            elif len(self._letter_keys()) > 1:
                self._letter = ""
        elif name.isdigit():
            self._digits += name
        else:
            self._letter, self._digits = name, ""
        self.show_problem("")
        self._refresh()
