"""Sign-in, step three (unless ``--counter``): which counter the staff member sits at."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.config import Config, CounterConfig
from ui.i18n import I18n, translate
from ui.staff.texts import SEPARATOR, counter_purpose, counter_title
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.packed_grid import PackedGrid
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label


class CounterScreen(Screen):
    """One big button per counter with the lines it serves; busy counters are marked.

    Signals:
        counter_chosen(int): a counter was tapped (its number).
        back_clicked: sign out instead.
    """

    counter_chosen = Signal(int)
    back_clicked = Signal()

    def __init__(self, *, i18n: I18n, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._config = config
        self._open: set[int] = set()
        self.title = text_label("title")
        self.grid = PackedGrid()
        self.buttons: dict[int, PictureButton] = {}
        for counter in config.counters:
            button = PictureButton(kind="picture", tone="neutral")
            button.setProperty("counter", counter.number)
            button.clicked.connect(self._on_button_clicked)
            self.buttons[counter.number] = button
        self.grid.set_buttons(list(self.buttons.values()), columns=1)
        self.back: QPushButton = back_button()
        self.back.clicked.connect(self.back_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.grid, 1)
        self._layout.addWidget(self.back)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_open_counters(self, numbers: Collection[int]) -> None:
        """Counters someone is signed in at right now."""
        self._open = set(numbers)
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self.grid.set_spacing(spacing)
        for button in self.buttons.values():
            button.apply_theme(theme)

    def _lines_text(self, counter: CounterConfig) -> str:
        names = []
        for code in counter.lines:
            try:
                names.append(f"{code} {self._i18n.text(self._config.line(code).name)}")
            except KeyError:
                names.append(code)
        return ", ".join(names)

    def retranslate(self) -> None:
        self.title.setText(translate("CounterScreen", "Chọn quầy bạn làm việc hôm nay"))
        self.back.setText(translate("CounterScreen", "Đăng xuất"))
        counters: Sequence[CounterConfig] = self._config.counters
        for counter in counters:
            button = self.buttons[counter.number]
            label = counter_title(counter.number)
            purpose = counter_purpose(counter.number, counter.name)
            if purpose:
                label = f"{label}{SEPARATOR}{purpose}"
            button.set_label(label)
            caption = self._lines_text(counter)
            if counter.number in self._open:
                busy = translate("CounterScreen", "đang có người đăng nhập")
                caption = f"{caption}{SEPARATOR}{busy}"
            button.set_caption(caption)

    @Slot()
    def _on_button_clicked(self) -> None:
        self.counter_chosen.emit(int(self.sender().property("counter")))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
