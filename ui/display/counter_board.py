"""The counters on the TV: one white board each, "Quầy 2" and its current number, very large."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.fit_label import FitLabel
from ui.widgets.packed_grid import retire
from ui.widgets.screen import plain_label
from ui.widgets.style import set_style

NUMBER_SAMPLE = "A000"
LABEL_SAMPLE = "Quầy 0"
BLINKS = 6  # half-periods: three flashes, ending lit
BLINK_MS = 450
WORDS_WIDTH = 330  # design px: "Quầy 0" with capitals over 60 px tall at 1920x1080
LABEL_CAP_PX = 64  # design px
CAP_RATIO = 0.714  # Noto Sans: capital height / font size


@dataclass(frozen=True, slots=True)
class CounterTile:
    """What one board shows."""

    number: int
    label: str
    caption: str
    ticket: str


class CounterCard(QFrame):
    """The words "Quầy 2" beside the number; the caption names what the counter is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("board", "counter")
        self.setProperty("flash", False)
        self._theme: Theme | None = None
        self.label = FitLabel(fill=0.8, sample=LABEL_SAMPLE, align=Qt.AlignmentFlag.AlignLeft)
        self.label.setProperty("display", "counter")
        # What the counter is for wraps under its name: "Tổ công nghệ số · Chưa mở" cut to
        # "Tổ công nghệ số · …" hid that the counter is closed.
        self.caption = plain_label()
        self.caption.setWordWrap(True)
        self.caption.setProperty("textStyle", "body")
        self.number = FitLabel(fill=0.8, sample=NUMBER_SAMPLE, align=Qt.AlignmentFlag.AlignRight)
        self.number.setProperty("display", "number")
        # The words take a fixed column; the number gets all the width left (it needs most).
        self.words = QWidget()
        words = QVBoxLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.label, 3)
        words.addWidget(self.caption, 1)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.words, 0)
        self._layout.addWidget(self.number, 1)
        self._words = words

    def show_tile(self, tile: CounterTile) -> None:
        """Set the words and number."""
        if tile.label != self.label.text():
            self.label.setText(tile.label)
            self._fit_words()
        self.caption.setText(tile.caption)
        self.caption.setVisible(bool(tile.caption))
        self.number.setText(tile.ticket or "—")

    def set_lit(self, lit: bool) -> None:
        """Yellow (a new call) or white."""
        set_style(self, flash=lit)

    def is_lit(self) -> bool:
        """True while yellow."""
        return bool(self.property("flash"))

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.margin)
        self._layout.setContentsMargins(pad, pad // 3, pad, pad // 3)
        self._layout.setSpacing(pad)
        self._words.setSpacing(0)
        self._theme = theme
        self._fit_words()

    def _fit_words(self) -> None:
        # Wide enough for the label with capitals LABEL_CAP_PX tall ("Counter 1" needs more
        # room than "Quầy 1"), never narrower than WORDS_WIDTH.
        theme = self._theme
        if theme is None:
            return
        font = QFont(self.label.font())
        font.setPixelSize(max(1, round(theme.px(LABEL_CAP_PX) / CAP_RATIO)))
        needed = QFontMetrics(font).horizontalAdvance(self.label.text() or LABEL_SAMPLE)
        self.words.setFixedWidth(max(theme.px(WORDS_WIDTH), round(needed / 0.95)))


class CounterBoard(QWidget):
    """Counters in one column (up to four) or two; the latest call blinks, then stays yellow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[int, CounterCard] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._theme: Theme | None = None
        self._blinking: int | None = None
        self._blinks_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(BLINK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_tiles(self, tiles: Sequence[CounterTile]) -> None:
        """The counters to show; cards are made once per counter and kept."""
        numbers = [tile.number for tile in tiles]
        if numbers != list(self.cards):
            self._rebuild(numbers)
        for tile in tiles:
            self.cards[tile.number].show_tile(tile)

    def _rebuild(self, numbers: list[int]) -> None:
        for card in self.cards.values():
            self._grid.removeWidget(card)
            retire(card)
        self.cards = {}
        columns = 1 if len(numbers) <= 4 else 2
        rows = -(-len(numbers) // columns)
        for index, number in enumerate(numbers):
            card = CounterCard()
            if self._theme is not None:
                card.apply_theme(self._theme)
            self.cards[number] = card
            self._grid.addWidget(card, index % rows, index // rows)
        for row in range(rows):
            self._grid.setRowStretch(row, 1)

    def flash(self, counter_number: int) -> None:
        """A new call at this counter: blink it; every other card turns white."""
        for number, card in self.cards.items():
            if number != counter_number:
                card.set_lit(False)
        if counter_number not in self.cards:
            return
        self._blinking = counter_number
        self._blinks_left = BLINKS
        self.cards[counter_number].set_lit(True)
        self._timer.start()

    def lit(self) -> list[int]:
        """Counters shown yellow now."""
        return [number for number, card in self.cards.items() if card.is_lit()]

    def stop(self) -> None:
        """Stop blinking."""
        self._timer.stop()

    def apply_theme(self, theme: Theme) -> None:
        """Spacing for the theme."""
        self._theme = theme
        self._grid.setSpacing(theme.px(theme.sizes.spacing))
        for card in self.cards.values():
            card.apply_theme(theme)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._blinks_left -= 1
        card = self.cards.get(self._blinking) if self._blinking is not None else None
        if card is None or self._blinks_left <= 0:
            self._timer.stop()
            if card is not None:
                card.set_lit(True)
            return
        card.set_lit(not card.is_lit())
