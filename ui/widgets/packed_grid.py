"""A scrolling list of buttons packed at the top (names to tap), and a scrolling column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLayout, QScrollArea, QSizePolicy, QWidget

from ui.widgets.button_grid import make_kinetic
from ui.widgets.column_area import ColumnArea
from ui.widgets.layout_items import empty_layout


def retire(widget: QWidget) -> None:
    """Hide a widget and delete it later.

    WORKAROUND: ``deleteLater`` waits for the event loop; until then a widget taken out of its
    layout still paints at its old place (seen when only ``processEvents`` runs: tests,
    screenshots). Hiding it first removes it from the screen at once.
    """
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class PackedGrid(QScrollArea):
    """Buttons in ``columns`` columns, rows as tall as their content, packed at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self._inner)
        self._buttons: list[QWidget] = []
        make_kinetic(self)

    def set_buttons(self, buttons: Sequence[QWidget], *, columns: int) -> None:
        """Replace the buttons (old ones not reused are retired) and lay them out."""
        for old in self._buttons:
            if old not in buttons:
                retire(old)
        self._buttons = list(buttons)
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        """Lay the buttons out again in ``columns`` equal columns."""
        empty_layout(self._grid)
        columns = max(1, columns)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for index, button in enumerate(self._buttons):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        # An empty stretching row under the last one packs the buttons at the top.
        self._grid.setRowStretch(-(-len(self._buttons) // columns), 1)

    def set_spacing(self, spacing_px: int) -> None:
        """Space between buttons."""
        self._grid.setSpacing(spacing_px)

    def buttons(self) -> list[QWidget]:
        """The buttons in order."""
        return list(self._buttons)


def scroll_column(layout: QLayout) -> ColumnArea:
    """A column of widgets that scrolls (kinetically) when the screen is too short for it."""
    area = ColumnArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    inner.setLayout(layout)
    area.setWidget(inner)
    make_kinetic(area)
    return area
