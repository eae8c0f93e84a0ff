"""The waiting tickets, line by line, as big rows a desk officer taps to act on one ticket."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
from ui.widgets.layout_items import empty_layout
from ui.widgets.packed_grid import retire
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import text_label

COLUMNS = 2


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One waiting ticket as a row shows it."""

    ticket_id: int
    number: str
    caption: str
    priority: bool


@dataclass(frozen=True, slots=True)
class WaitingSection:
    """A line's heading and its rows; ``empty`` is shown when there are none."""

    title: str
    rows: tuple[WaitingRow, ...]
    empty: str = ""


class WaitingList(QScrollArea):
    """Sections of rows in two columns; scrolls by dragging when long.

    Signals:
        ticket_chosen(int): a row was tapped (the ticket's id).
    """

    ticket_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self._inner)
        self._theme: Theme | None = None
        self._widgets: list[QWidget] = []
        self.rows: dict[int, PictureButton] = {}
        self._previous: dict[int, PictureButton] = {}
        make_kinetic(self)

    def set_sections(self, sections: Sequence[WaitingSection]) -> None:
        """Replace everything shown; rows of tickets still waiting are reused, not rebuilt.

        A live desk redraws this list on every change anywhere; building and styling a row
        costs more than the whole database read, so a row lives as long as its ticket waits.
        """
        previous, self.rows = self.rows, {}
        self._previous = previous
        for widget in self._widgets:
            self._layout.removeWidget(widget)
            for button in previous.values():
                if button.parent() is widget:
                    button.setParent(None)  # kept: it may be reused below
            retire(widget)
        self._widgets = []
        empty_layout(self._layout)
        for section in sections:
            heading = text_label("heading")
            heading.setText(section.title)
            self._add(heading)
            if not section.rows:
                empty = text_label("muted")
                empty.setText(section.empty)
                self._add(empty)
                continue
            block = QWidget()
            grid = QGridLayout(block)
            grid.setContentsMargins(0, 0, 0, 0)
            for index, row in enumerate(section.rows):
                grid.addWidget(self._row(row), index // COLUMNS, index % COLUMNS)
            for column in range(COLUMNS):
                grid.setColumnStretch(column, 1)
            if self._theme is not None:
                grid.setSpacing(self._theme.px(self._theme.sizes.spacing) // 2)
            self._add(block)
        self._layout.addStretch(1)
        for ticket_id, button in previous.items():
            if ticket_id not in self.rows:
                retire(button)
        self._previous = {}

    def _row(self, row: WaitingRow) -> PictureButton:
        tone = "priority" if row.priority else "neutral"
        button = self._previous.get(row.ticket_id)
        if button is None:
            button = PictureButton(kind="picture", tone=tone)
            button.setProperty("ticket_id", row.ticket_id)
            button.clicked.connect(self._on_row_clicked)
            if self._theme is not None:
                button.apply_theme(self._theme)
        elif button.property("tone") != tone:
            button.set_tone(tone)
        if button.label() != row.number:
            button.set_label(row.number)
        if button.caption() != row.caption:
            button.set_caption(row.caption)
        self.rows[row.ticket_id] = button
        return button

    def _add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._layout.addWidget(widget)

    def apply_theme(self, theme: Theme) -> None:
        """Spacing and row sizes for the theme."""
        self._theme = theme
        self._layout.setSpacing(theme.px(theme.sizes.spacing) // 2)
        for button in self.rows.values():
            button.apply_theme(theme)

    @Slot()
    def _on_row_clicked(self) -> None:
        self.ticket_chosen.emit(int(self.sender().property("ticket_id")))
