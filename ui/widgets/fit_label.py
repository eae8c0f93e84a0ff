"""A label whose text is drawn as large as its box allows: ticket numbers on a TV."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

REFERENCE_PX = 100


class FitLabel(QLabel):
    """Glyphs fill ``fill`` of the height, shrinking only when the width is too small.

    Sizing follows ``sample`` (e.g. ``"A000"``) rather than the text itself, so every number
    on a board is drawn the same size; a text wider than the sample shrinks to fit. Colour and
    weight come from the stylesheet as usual.
    """

    def __init__(
        self,
        *,
        fill: float = 0.75,
        sample: str = "",
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fill = fill
        self._sample = sample
        self._align = align

    def set_sample(self, sample: str) -> None:
        """The text whose size every text of this label takes."""
        self._sample = sample
        self.update()

    def fitted_font(self) -> QFont:
        """The font the text is drawn with at the current size."""
        font = QFont(self.font())
        sample = self._sample or self.text() or "0"
        font.setPixelSize(REFERENCE_PX)
        metrics = QFontMetrics(font)
        glyph_h = max(1, metrics.tightBoundingRect(sample).height())
        width = max(1, metrics.horizontalAdvance(sample), metrics.horizontalAdvance(self.text()))
        inner = self.contentsRect()
        by_height = inner.height() * self._fill * REFERENCE_PX / glyph_h
        by_width = inner.width() * 0.96 * REFERENCE_PX / width
        font.setPixelSize(max(1, int(min(by_height, by_width))))
        return font

    def glyph_height_px(self) -> int:
        """How tall the drawn text's glyphs are, in pixels (readability checks)."""
        return QFontMetrics(self.fitted_font()).tightBoundingRect(self.text()).height()

    def cap_height_px(self) -> int:
        """How tall a capital letter is drawn, in pixels: accents and descenders left out."""
        return QFontMetrics(self.fitted_font()).tightBoundingRect("H").height()

    # Qt overrides: the layout decides the size; the text follows it.
    def sizeHint(self) -> QSize:
        return QSize(REFERENCE_PX, REFERENCE_PX // 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = self.fitted_font()
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        inner: QRect = self.contentsRect()
        box = metrics.tightBoundingRect(self._sample or self.text() or "0")
        baseline = inner.top() + (inner.height() + box.height()) // 2 - box.bottom()
        advance = metrics.horizontalAdvance(self.text())
        if self._align & Qt.AlignmentFlag.AlignLeft:
            x = inner.left()
        elif self._align & Qt.AlignmentFlag.AlignRight:
            x = inner.right() - advance
        else:
            x = inner.left() + (inner.width() - advance) // 2
        painter.drawText(x, baseline, self.text())
        painter.end()
