"""A notice line that scrolls across a TV only when it is too long to read standing still."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QBrush,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOption, QWidget

# Movement: 100 design pixels a second at about 17 frames: readable on a TV.
FRAME_MS = 60
STEP_DESIGN_PX = 6
GAP_EMS = 4


# The property a widget sets when its content moves sideways through it (ui.geometry_check).
SCROLLS_SIDEWAYS = "scrollsSideways"


class NoticeTicker(QWidget):
    """One line of text; when wider than the widget it scrolls left in a loop.

    The text is drawn once into a strip (the text repeated, one gap apart, a widget's width
    longer than one loop) that a child widget shows as its background. Each frame only moves
    that child: Qt shifts the pixels already on screen and fills in the few columns that come
    into view, with no Python painting and no repaint of the rest (bench/idle.py). When the
    text fits, nothing moves and no timer runs. Colours and font come from the stylesheet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeTicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._text = ""
        self._offset = 0
        self._loop_px = 1
        self._step = STEP_DESIGN_PX
        # Opaque (an opaque texture fills it), so moving it scrolls pixels instead of repainting.
        self._band = QWidget(self)
        # A marquee: the band runs past both ends on purpose (ui.geometry_check allows it).
        self.setProperty(SCROLLS_SIDEWAYS, True)
        self._band.setAutoFillBackground(True)
        self._band.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_text(self, text: str) -> None:
        """The notice; an empty text hides the widget."""
        self._text = " ".join(text.split())
        self.setVisible(bool(self._text))
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
        self._timer.stop()
        self._offset = 0
        self._band.setVisible(moving)
        if moving:
            self._fill_band()
            self._timer.start()

    def _fill_band(self) -> None:
        metrics = QFontMetrics(self.font())
        self._loop_px = self._text_width() + metrics.horizontalAdvance("M") * GAP_EMS
        width, height = self._loop_px + self.width(), self.height()
        ratio = self.devicePixelRatioF()
        strip = QPixmap(QSize(round(width * ratio), round(height * ratio)))
        strip.setDevicePixelRatio(ratio)
        strip.fill(self.palette().color(self.backgroundRole()))
        painter = QPainter(strip)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        baseline = (height + metrics.ascent() - metrics.descent()) // 2
        for x in range(0, width, self._loop_px):
            painter.drawText(x, baseline, self._text)
        painter.end()
        palette = self._band.palette()
        palette.setBrush(QPalette.ColorRole.Window, QBrush(strip))
        self._band.setPalette(palette)
        self._band.setGeometry(0, 0, width, height)

    # -- Qt overrides -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._text), round(metrics.height() * 1.6))

    def paintEvent(self, event: QPaintEvent) -> None:
        # While scrolling, the band covers every pixel; this paints only the standing text.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        if self._text and not self._timer.isActive():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_motion()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_motion()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The stylesheet sets the font and colours the strip was drawn with.
        changes = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() in changes and self._band.isVisible():
            self._update_motion()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._offset = (self._offset + self._step) % self._loop_px
        self._band.move(-self._offset, 0)
