"""The waiting tickets, line by line, as big rows a desk officer taps to act on one ticket."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
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


class _Section:
    """A line's heading, its "nobody waits" text and the grid of its rows, kept between reads.

    The rows stay children of ``block``: laying them out again never re-parents them, and a
    re-parented widget is styled again with its whole subtree under the desk's stylesheet.
    """

    def __init__(self) -> None:
        self.heading = text_label("heading")
        self.empty = text_label("muted")
        self.block = QWidget()
        self.grid = QGridLayout(self.block)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        self.ids: tuple[int, ...] = ()

    def widgets(self) -> tuple[QWidget, ...]:
        return self.heading, self.empty, self.block

    def show(self, section: WaitingSection, buttons: Sequence[PictureButton]) -> None:
        """The section's texts, and its rows in order (laid out again only when they changed)."""
        if self.heading.text() != section.title:
            self.heading.setText(section.title)
        if self.empty.text() != section.empty:
            self.empty.setText(section.empty)
        self.empty.setVisible(not buttons)
        self.block.setVisible(bool(buttons))
        ids = tuple(int(button.property("ticket_id")) for button in buttons)
        if ids == self.ids and all(button.parent() is self.block for button in buttons):
            return
        while self.grid.count():
            self.grid.takeAt(0)  # the item only: the row stays a child of the block
        for index, button in enumerate(buttons):
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.ids = ids


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
        self._layout.addStretch(1)  # the sections go above it: packed at the top
        self.setWidget(self._inner)
        self._theme: Theme | None = None
        self._sections: list[_Section] = []
        self.rows: dict[int, PictureButton] = {}
        make_kinetic(self)

    def set_sections(self, sections: Sequence[WaitingSection]) -> None:
        """Show these sections; what is already on screen is kept and only changed.

        A live desk redraws this list on every change anywhere. Building and styling a row
        costs more than the whole database read, and re-parenting one styles it again (as
        rebuilding every section did: most of a desk's refresh, bench/live.py), so a row lives
        as long as its ticket waits, and a section's widgets as long as the section is shown.
        """
        previous, self.rows = self.rows, {}
        while len(self._sections) < len(sections):
            self._append_section()
        for shown, section in zip(self._sections, sections, strict=False):
            shown.show(section, [self._row(row, previous) for row in section.rows])
        for ticket_id, button in previous.items():
            if ticket_id not in self.rows:
                retire(button)
        # Sections no longer shown go last: a row that moved out of one has its new parent by
        # now, and the rows left in one were retired above (deleting a block deletes them).
        for extra in self._sections[len(sections) :]:
            for widget in extra.widgets():
                self._layout.removeWidget(widget)
                retire(widget)
        del self._sections[len(sections) :]

    def _append_section(self) -> None:
        section = _Section()
        if self._theme is not None:
            section.grid.setSpacing(self._theme.px(self._theme.sizes.spacing) // 2)
        for widget in section.widgets():
            self._layout.insertWidget(self._layout.count() - 1, widget)  # above the stretch
        self._sections.append(section)

    def _row(self, row: WaitingRow, previous: dict[int, PictureButton]) -> PictureButton:
        tone = "priority" if row.priority else "neutral"
        button = previous.get(row.ticket_id)
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

    def apply_theme(self, theme: Theme) -> None:
        """Spacing and row sizes for the theme."""
        self._theme = theme
        spacing = theme.px(theme.sizes.spacing) // 2
        self._layout.setSpacing(spacing)
        for section in self._sections:
            section.grid.setSpacing(spacing)
        for button in self.rows.values():
            button.apply_theme(theme)

    @Slot()
    def _on_row_clicked(self) -> None:
        self.ticket_chosen.emit(int(self.sender().property("ticket_id")))
