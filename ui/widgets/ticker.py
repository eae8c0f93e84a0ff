"""A notice line that scrolls across a TV only when it is too long to read standing still."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QSize, Qt, QTimeLine
from PySide6.QtGui import (
    QFontMetrics,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QWidget,
)

# Movement: 100 design pixels a second at about 14 frames: readable on a TV. Each frame costs
# a copy of the moving rows (bench/idle.py); 17 frames cost a fifth more for no easier reading.
FRAME_MS = 70
STEP_DESIGN_PX = 7
GAP_EMS = 4
INK_MARGIN_PX = 2  # above the highest mark and below the lowest tail


# The property a widget sets when its content moves sideways through it (ui.geometry_check).
SCROLLS_SIDEWAYS = "scrollsSideways"


class NoticeTicker(QWidget):
    """One line of text; when wider than the widget it scrolls left in a loop.

    The text is drawn once into a strip (the text repeated, one gap apart, a widget's width
    longer than one loop) that a child label shows. Each frame only moves
    that child: Qt shifts the pixels already on screen and fills in the few columns that come
    into view, with no Python painting and no repaint of the rest (bench/idle.py). The frames
    come from a QTimeLine wired to a scroll area's scroll bar, C++ to C++: no Python runs per
    frame either (a Python slot was a tenth of the notice's CPU). When the text fits, nothing
    moves and no timer runs. Colours and font come from the stylesheet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeTicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._text = ""
        self._loop_px = 1
        self._step = STEP_DESIGN_PX
        # The window the band moves in: no frame, no bars, scrolled only by the time line.
        self._view = QScrollArea(self)
        self._view.setObjectName("NoticeTickerView")
        self._view.setFrameShape(QFrame.Shape.NoFrame)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._view.hide()
        # The strip as a label's picture, declared opaque in _fill_band (the picture fills it):
        # moving it scrolls pixels instead of repainting. A label, not a background brush: the
        # stylesheets make what a scroll area holds transparent.
        self._band = QLabel()
        self._view.setWidget(self._band)
        # A marquee: the band runs past both ends on purpose (ui.geometry_check allows it).
        self._view.viewport().setProperty(SCROLLS_SIDEWAYS, True)
        self._frames = QTimeLine(parent=self)
        self._frames.setUpdateInterval(FRAME_MS)
        self._frames.setLoopCount(0)  # forever: the strip at one loop's offset looks as at 0
        self._frames.setEasingCurve(QEasingCurve(QEasingCurve.Type.Linear))
        self._frames.frameChanged.connect(self._view.horizontalScrollBar().setValue)

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
        return self._frames.state() == QTimeLine.State.Running

    def stop(self) -> None:
        """Stop moving (the window closes)."""
        self._frames.stop()

    def _text_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(self._text)

    def _update_motion(self) -> None:
        moving = bool(self._text) and self.isVisible() and self._text_width() > self.width()
        self._frames.stop()
        self._view.setVisible(moving)
        if moving:
            self._fill_band()
            # One loop at ``step`` pixels a frame; a frame is a pixel offset.
            self._frames.setDuration(max(1, self._loop_px * FRAME_MS // self._step))
            self._frames.setFrameRange(0, self._loop_px)
            self._frames.setCurrentTime(0)
            self._frames.start()

    def _fill_band(self) -> None:
        metrics = QFontMetrics(self.font())
        self._loop_px = self._text_width() + metrics.horizontalAdvance("M") * GAP_EMS
        width, height = self._loop_px + self.width(), self.height()
        # Only the rows the letters use move (stacked Vietnamese marks included): every frame
        # copies the moving rows, and the strip's margins above and below stand still.
        baseline = (height + metrics.ascent() - metrics.descent()) // 2
        ink = metrics.tightBoundingRect(self._text)  # relative to the baseline
        top = max(0, baseline + min(ink.top(), -metrics.ascent()) - INK_MARGIN_PX)
        bottom = min(height, baseline + max(ink.bottom(), metrics.descent()) + INK_MARGIN_PX)
        rows = max(1, bottom - top)
        ratio = self.devicePixelRatioF()
        strip = QPixmap(QSize(round(width * ratio), round(rows * ratio)))
        strip.setDevicePixelRatio(ratio)
        strip.fill(self.palette().color(self.backgroundRole()))
        painter = QPainter(strip)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        for x in range(0, width, self._loop_px):
            painter.drawText(x, baseline - top, self._text)
        painter.end()
        self._band.setPixmap(strip)
        # The stylesheet's polish clears the attribute (a transparent background): set it after.
        self._band.ensurePolished()
        self._band.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._band.resize(width, rows)
        self._view.setGeometry(0, top, self.width(), rows)
        self._view.horizontalScrollBar().setValue(0)

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
        if self._text and not self.is_scrolling():
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
        self._frames.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The stylesheet sets the font and colours the strip was drawn with.
        changes = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() in changes and self._view.isVisible():
            self._update_motion()
