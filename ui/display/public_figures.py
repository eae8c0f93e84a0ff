"""Today's public figures on the TV: a strip of four large numbers, never a person's name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kiosk.domain.numbers import format_number
from kiosk.services.public_figures import PublicFigures
from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.screen import plain_label

DASH = "–"


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as the strip shows it: its words and its value."""

    label: str
    value: str


def figure_texts(figures: PublicFigures, language: str) -> list[Figure]:
    """The four figures in words; a figure with nothing to count yet is a dash, not a zero."""
    wait = figures.median_wait_min
    share = figures.satisfied_share
    return [
        Figure(
            translate("PublicFigures", "Đã phục vụ hôm nay"),
            format_number(figures.visitors_served, language=language),
        ),
        Figure(
            translate("PublicFigures", "Thời gian chờ (trung vị)"),
            DASH
            if wait is None
            else translate("PublicFigures", "{minutes} phút").format(
                minutes=format_number(round(wait), language=language)
            ),
        ),
        Figure(
            translate("PublicFigures", "Người dân hài lòng"),
            DASH if share is None else f"{format_number(share * 100, language=language)} %",
        ),
        Figure(
            translate("PublicFigures", "Hồ sơ nộp trực tuyến có hỗ trợ"),
            format_number(figures.submitted_online_with_help, language=language),
        ),
    ]


class PublicFiguresStrip(QFrame):
    """Four figures in one row, each a large value beside its words.

    One row, about as tall as the notice line: the counters' numbers above lose no more room
    than a notice takes (a value over its words took twice that, and the numbers shrank).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PublicFigures")
        self.values: list[QLabel] = []
        self.labels: list[QLabel] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for index in range(4):
            value, label = plain_label(), plain_label()
            value.setProperty("display", "figure_value")
            label.setProperty("display", "figure_label")
            label.setWordWrap(True)  # two short lines beside the value at most
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(value, 0, 2 * index)
            self._grid.addWidget(label, 0, 2 * index + 1)
            self._grid.setColumnStretch(2 * index + 1, 1)
            self.values.append(value)
            self.labels.append(label)

    def set_figures(self, figures: Sequence[Figure]) -> None:
        """Show the figures (four of them)."""
        for index, figure in enumerate(figures[: len(self.values)]):
            if self.values[index].text() != figure.value:
                self.values[index].setText(figure.value)
            if self.labels[index].text() != figure.label:
                self.labels[index].setText(figure.label)

    def texts(self) -> list[tuple[str, str]]:
        """(label, value) as shown (tests)."""
        return [(a.text(), b.text()) for a, b in zip(self.labels, self.values, strict=True)]

    def apply_theme(self, theme: Theme) -> None:
        """Spacing for the TV's size."""
        self._grid.setHorizontalSpacing(theme.px(theme.sizes.spacing) // 2)
        self._grid.setVerticalSpacing(0)
