"""The summary's tables on screen, as ``printing.report_sections`` words them for the PDF.

One presenter feeds the PDF, the CLI and this screen, so a figure reads the same everywhere
("14,5" minutes, "87,5 %"), in Vietnamese like the report itself. This module only lays the
tables out: a titled panel, a header row, the figures right-aligned, the table's note under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.domain.summary_views import Summary
from printing.report_sections import COMPARE_COLUMNS, Table, key_figures, summary_tables
from ui.widgets.screen import text_label

KEY_FIGURES = "key_figures"


def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("panel", "surface")
    layout = QVBoxLayout(frame)
    heading = text_label("info")
    heading.setText(title)
    layout.addWidget(heading)
    return frame, layout


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int) -> QWidget:
    """Figures right-aligned from column ``numeric_from`` on, words left-aligned."""

    def align(col: int) -> Qt.AlignmentFlag:
        side = Qt.AlignmentFlag.AlignRight if col >= numeric_from else Qt.AlignmentFlag.AlignLeft
        return side | Qt.AlignmentFlag.AlignVCenter

    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    # Headers and words wrap, so a table of five columns with a long line name ("E · Dịch vụ
    # công trực tuyến và VNeID") fits a portrait screen's width; a figure never breaks.
    for col, header in enumerate(headers):
        label = text_label("small")
        label.setText(header)
        label.setAlignment(align(col))
        grid.addWidget(label, 0, col)
    for row, cells in enumerate(rows, start=1):
        for col, cell in enumerate(cells):
            # Names and places as typed, never HTML.
            label = text_label("body", wrap=col < numeric_from)
            label.setText(cell)
            # Aligned inside the label, not by the grid: a grid that aligns a label gives it
            # its size hint, not the column's width, and a wrapped one lost its second line.
            label.setAlignment(align(col))
            grid.addWidget(label, row, col)
    grid.setColumnStretch(0, 1)
    return box


def table_panel(table: Table) -> QFrame:
    """One table of the report as a panel."""
    frame, layout = _panel(table.title)
    layout.addWidget(_grid(table.columns, table.rows, table.numeric_from))
    if table.note:
        note = text_label("small")
        note.setText(table.note)
        layout.addWidget(note)
    return frame


def summary_panels(summary: Summary, *, hours: QFrame) -> dict[str, QFrame]:
    """The key figures, every table by its key, and ``hours`` after the times, in PDF order."""
    frame, layout = _panel("Số liệu chính")
    figures = [(label, now, previous) for label, now, previous in key_figures(summary)]
    layout.addWidget(_grid(("", *COMPARE_COLUMNS[:2]), figures, 1))
    panels = {KEY_FIGURES: frame}
    for table in summary_tables(summary):
        panels[table.key] = table_panel(table)
        if table.key == "times":
            panels["hours"] = hours
    return panels
