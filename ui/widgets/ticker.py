"""A notice line that scrolls across a TV only when it is too long to read standing still."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOption, QWidget

# Movement: 100 design pixels a second at about 17 frames: readable, and about 1 % of a core.
FRAME_MS = 60
STEP_DESIGN_PX = 6
GAP_EMS = 4


class NoticeTicker(QWidget):
    """One line of text; when wider than the widget it scrolls left in a loop.

    The text is drawn once into a pixmap; each frame only copies it at a new offset. When the
    text fits, nothing moves and no timer runs. Colours and font come from the stylesheet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeTicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Opaque: a frame repaints only this strip, never the page behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._text = ""
        self._offset = 0
        self._step = STEP_DESIGN_PX
        self._strip: QPixmap | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_text(self, text: str) -> None:
        """The notice; an empty text hides the widget."""
        self._text = " ".join(text.split())
        self.setVisible(bool(self._text))
        self._strip = None
        self._offset = 0
        self._update_motion()
        self.update()

    def text(self) -> str:
        """The notice shown."""
        return self._text

    def set_step(self, step_px: int) -> None:
        """Pixels moved per frame (scaled to the screen by the owner)."""
        self._step = max(1, step_px)

    def is_scrolling(self) -> bool:
        """True while the text moves (it is wider than the widget)."""
        return self._timer.isActive()

    def stop(self) -> None:
        """Stop moving (the window closes)."""
        self._timer.stop()

    def _text_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(self._text)

    def _update_motion(self) -> None:
        moving = bool(self._text) and self.isVisible() and self._text_width() > self.width()
        if moving and not self._timer.isActive():
            self._timer.start()
        elif not moving:
            self._timer.stop()
            self._offset = 0

    def _make_strip(self) -> QPixmap:
        metrics = QFontMetrics(self.font())
        gap = metrics.horizontalAdvance("M") * GAP_EMS
        ratio = self.devicePixelRatioF()
        strip = QPixmap(
            QSize(round((self._text_width() + gap) * ratio), round(self.height() * ratio))
        )
        strip.setDevicePixelRatio(ratio)
        strip.fill(Qt.GlobalColor.transparent)
        painter = QPainter(strip)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
        painter.drawText(0, baseline, self._text)
        painter.end()
        return strip

    # -- Qt overrides -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._text), round(metrics.height() * 1.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # Opaque widgets paint their own (stylesheet) background.
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        if not self._text:
            painter.end()
            return
        if not self._timer.isActive():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
            painter.end()
            return
        if self._strip is None:
            self._strip = self._make_strip()
        strip_w = round(self._strip.width() / self._strip.devicePixelRatio())
        x = -self._offset
        while x < self.width():
            painter.drawPixmap(x, 0, self._strip)
            x += strip_w
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._strip = None
        self._update_motion()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_motion()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._strip is None:
            self._strip = self._make_strip()
        strip_w = max(1, round(self._strip.width() / self._strip.devicePixelRatio()))
        self._offset = (self._offset + self._step) % strip_w
        self.update()
