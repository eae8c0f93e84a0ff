"""People helped per village point as horizontal bars; a dark tick marks the previous period.

Horizontal, because village names ("Nhà văn hóa thôn Đông Hòa") are long and must be read
whole; drawn with QPainter in the style of ``hour_chart``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class PlaceChart(QWidget):
    """One row per place: its name, a bar of this period's count with the figure, a tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, int]] = []
        self._colours = ("#0B3A6E", "#111111", "#FFFFFF")
        self._text_px = 16
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_colours(self, *, bar: str, ink: str, page: str, text_px: int) -> None:
        """Colours from the theme's text pairs, and the label size."""
        self._colours = (bar, ink, page)
        self._text_px = text_px
        self._fit_height()
        self.update()

    def set_rows(self, rows: Sequence[tuple[str, int, int]]) -> None:
        """(place, count this period, count the previous period), in the order to draw."""
        self._rows = list(rows)
        self._fit_height()
        self.update()

    def rows(self) -> list[tuple[str, int, int]]:
        """The rows drawn."""
        return list(self._rows)

    def _row_px(self) -> int:
        return self._text_px * 2

    def _fit_height(self) -> None:
        self.setFixedHeight(max(1, len(self._rows)) * self._row_px() + self._text_px)

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self._rows)) * self._row_px() + self._text_px)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._rows:
            return
        bar, ink, page = (QColor(c) for c in self._colours)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), page)
        font = QFont(self.font())
        font.setPixelSize(self._text_px)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        # Names get what the longest needs (whole, with room to spare), up to half the width.
        longest = max(metrics.horizontalAdvance(n) for n, _c, _p in self._rows)
        names_w = min(longest + self._text_px * 2, self.width() // 2)
        figure_w = metrics.horizontalAdvance("00000")
        bars_w = max(1, self.width() - names_w - figure_w)
        peak = max([c for _n, c, _p in self._rows] + [p for _n, _c, p in self._rows] + [1])
        row_h = self._row_px()
        for index, (name, count, previous) in enumerate(self._rows):
            top = index * row_h + self._text_px // 2
            painter.setPen(ink)
            name_box = QRectF(0, top, names_w - self._text_px, row_h)
            painter.drawText(
                name_box,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, int(name_box.width())),
            )
            width = bars_w * count / peak
            painter.fillRect(QRectF(names_w, top + row_h * 0.2, width, row_h * 0.6), bar)
            value = QRectF(names_w + width + 4, top, figure_w, row_h)
            painter.drawText(
                value, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(count)
            )
            before = names_w + bars_w * previous / peak
            painter.setPen(QPen(ink, max(2, self._text_px // 6)))
            painter.drawLine(
                round(before), round(top + row_h * 0.1), round(before), round(top + row_h * 0.9)
            )
        painter.end()
