"""The calling display on a TV: counters and their numbers, last calls, waiting, notice, clock.

Read from five metres: on 1920x1080 the numbers' glyphs are over 200 px tall and the counter
labels over 60 px. Nothing repaints unless something changed: the clock once a minute, the
notice only when too long to stand still.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.display.counter_board import CounterBoard, CounterTile
from ui.display.public_figures import Figure, PublicFiguresStrip
from ui.theme import Theme
from ui.widgets.link_banner import LinkMark
from ui.widgets.screen import plain_label
from ui.widgets.ticker import STEP_DESIGN_PX, NoticeTicker

CALL_ROWS = 4
LINE_ROWS = 6


def display_label(role: str, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    """A label styled by the display's ``display`` property (header, clock, side_row...)."""
    label = plain_label()  # line names and the notice come from the config: never HTML
    label.setProperty("display", role)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return label


@dataclass(frozen=True, slots=True)
class SideRow:
    """A row of the side panel: words on the left, a value on the right."""

    left: str
    right: str


class SideList(QWidget):
    """A title and up to ``rows`` rows of two columns."""

    def __init__(self, *, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self.title = display_label("side_title")
        self._left: list[QLabel] = []
        for _ in range(rows):
            # A long line name wraps onto a second line: cut to "…" it named no line at all.
            label = display_label("side_row")
            label.setWordWrap(True)
            self._left.append(label)
        self._right = [
            display_label("side_row", align=Qt.AlignmentFlag.AlignRight) for _ in range(rows)
        ]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(self.title, 0, 0, 1, 2)
        for index in range(rows):
            self._grid.addWidget(self._left[index], index + 1, 0)
            self._grid.addWidget(self._right[index], index + 1, 1)
        self._grid.setColumnStretch(0, 1)
        self.set_rows([])

    def set_rows(self, rows: Sequence[SideRow]) -> None:
        """Fill the rows (extra rows are dropped, missing ones left empty)."""
        for index in range(self._rows):
            row = rows[index] if index < len(rows) else SideRow("", "")
            if self._left[index].text() != row.left:
                self._left[index].setText(row.left)
            if self._right[index].text() != row.right:
                self._right[index].setText(row.right)
            # Empty rows take no room (a short screen needs it for the notice).
            self._left[index].setVisible(bool(row.left or row.right))
            self._right[index].setVisible(bool(row.left or row.right))
        self._keep_wrapped_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_wrapped_rows()

    def _keep_wrapped_rows(self) -> None:
        """Ask for the height the wrapped names need at this width.

        WORKAROUND: a horizontal box (board | side panel) lays its items out by size hint,
        not height for width, so a name wrapped onto a second line lost its descenders.
        """
        need = self._grid.totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def row_texts(self) -> list[tuple[str, str]]:
        """What the rows show (tests)."""
        return [(a.text(), b.text()) for a, b in zip(self._left, self._right, strict=True)]

    def apply_theme(self, theme: Theme) -> None:
        """Spacing for the theme."""
        self._grid.setVerticalSpacing(theme.px(4))  # room for a name on two lines
        self._grid.setHorizontalSpacing(theme.px(theme.sizes.spacing))


class DisplayScreen(QWidget):
    """The whole TV picture; the controller feeds it through the setters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DisplayRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.place = display_label("header")
        self.place.setWordWrap(True)  # a long desk name on a portrait TV takes two lines
        self.clock = display_label("clock", align=Qt.AlignmentFlag.AlignRight)
        self.link = LinkMark()
        self.link.setProperty("display", "link")
        self.board = CounterBoard()
        self.calls = SideList(rows=CALL_ROWS)
        self.waiting = SideList(rows=LINE_ROWS)
        self.figures = PublicFiguresStrip()
        self.figures.hide()  # only when the commune turns it on ([display] public_figures)
        self.ticker = NoticeTicker()
        self.ticker.hide()
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.link, 0)
        top.addWidget(self.clock, 0)
        side = QVBoxLayout()
        side.addWidget(self.calls)
        side.addStretch(1)
        side.addWidget(self.waiting)
        body = QHBoxLayout()
        body.addWidget(self.board, 2)
        body.addLayout(side, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(body, 1)
        self._layout.addWidget(self.figures)
        self._layout.addWidget(self.ticker)
        self._parts = (top, side, body)

    def set_place(self, text: str) -> None:
        """The desk's name in the header."""
        self.place.setText(text)

    def set_clock(self, text: str) -> None:
        """The time (changed once a minute)."""
        if self.clock.text() != text:
            self.clock.setText(text)

    def set_link_up(self, up: bool) -> None:
        """A discreet mark beside the clock while the board may be out of date."""
        self.link.set_link_up(up)

    def set_counters(self, tiles: Sequence[CounterTile]) -> None:
        """Each counter's label and current number."""
        self.board.set_tiles(tiles)

    def set_calls(self, title: str, rows: Sequence[SideRow]) -> None:
        """The last calls, newest first."""
        self.calls.title.setText(title)
        self.calls.set_rows(rows)

    def set_waiting(self, title: str, rows: Sequence[SideRow]) -> None:
        """People waiting per line."""
        self.waiting.title.setText(title)
        self.waiting.set_rows(rows)

    def set_notice(self, text: str) -> None:
        """The scrolling notice; an empty one hides the strip."""
        self.ticker.set_text(text)

    def set_figures(self, figures: Sequence[Figure]) -> None:
        """Today's public figures; the strip shows from the first figures on."""
        self.figures.set_figures(figures)
        self.figures.show()

    def flash(self, counter_number: int) -> None:
        """A new call at a counter."""
        self.board.flash(counter_number)

    def stop(self) -> None:
        """Stop every animation (closing)."""
        self.board.stop()
        self.ticker.stop()

    def apply_theme(self, theme: Theme) -> None:
        """Margins and spacing for the TV's size (text sizes come from the stylesheet)."""
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing)
        for part in self._parts:
            part.setSpacing(margin)
        self.board.apply_theme(theme)
        self.calls.apply_theme(theme)
        self.waiting.apply_theme(theme)
        self.figures.apply_theme(theme)
        self.ticker.set_step(theme.px(STEP_DESIGN_PX))
