"""Busy hours as bars drawn with QPainter: this period's tickets per hour, the previous as ticks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class HourChart(QWidget):
    """One bar per opening hour (tickets issued); a dark tick marks the previous period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hours: list[int] = []
        self._counts: list[int] = []
        self._previous: list[int] = []
        self._colours = ("#0B3A6E", "#111111", "#FFFFFF")
        self._text_px = 16
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_colours(self, *, bar: str, ink: str, page: str, text_px: int) -> None:
        """Colours from the theme's text pairs and the label size."""
        self._colours = (bar, ink, page)
        self._text_px = text_px
        self.setFixedHeight(text_px * 14)
        self.update()

    def set_counts(
        self, hours: Sequence[int], counts: Sequence[int], previous: Sequence[int]
    ) -> None:
        """Tickets per local hour (24 values each) and the hours to draw."""
        self._hours = list(hours)
        self._counts = [counts[h] if h < len(counts) else 0 for h in self._hours]
        self._previous = [previous[h] if h < len(previous) else 0 for h in self._hours]
        self.update()

    def counts(self) -> list[int]:
        """The bars drawn, in hour order."""
        return list(self._counts)

    def sizeHint(self) -> QSize:
        return QSize(600, self._text_px * 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._hours:
            return
        bar, ink, page = (QColor(c) for c in self._colours)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), page)
        font = QFont(self.font())
        font.setPixelSize(self._text_px)
        painter.setFont(font)
        label_h = self._text_px * 2
        top, bottom = self._text_px * 2, self.height() - label_h
        slot = self.width() / len(self._hours)
        peak = max([*self._counts, *self._previous, 1])
        scale = (bottom - top) / peak
        for index, hour in enumerate(self._hours):
            left = index * slot + slot * 0.15
            width = slot * 0.7
            height = self._counts[index] * scale
            painter.fillRect(QRectF(left, bottom - height, width, height), bar)
            painter.setPen(ink)
            if self._counts[index]:
                value = QRectF(
                    left - slot * 0.15,
                    bottom - height - self._text_px * 1.6,
                    slot,
                    self._text_px * 1.5,
                )
                painter.drawText(value, Qt.AlignmentFlag.AlignCenter, str(self._counts[index]))
            label = QRectF(index * slot, bottom, slot, label_h)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{hour}h")
            before = bottom - self._previous[index] * scale
            painter.setPen(QPen(ink, max(2, self._text_px // 6)))
            painter.drawLine(round(left), round(before), round(left + width), round(before))
        painter.end()
