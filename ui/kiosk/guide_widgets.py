"""Small pieces of the guide screens: a step's picture, a QR code, and swipe detection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

# A drag at least this share of the watched widget's width, mostly sideways, is a swipe.
SWIPE_SHARE = 0.12
SWIPE_MIN_PX = 60


class SvgPicture(QWidget):
    """An SVG drawn as large as the widget allows, keeping its aspect ratio, centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._path: Path | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_path(self, path: Path | None) -> None:
        """The SVG file to show; None (or a file that cannot be read) shows nothing."""
        if path == self._path:
            return
        self._path = path
        if path is None or not self._renderer.load(str(path)):
            self._renderer.load(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
        self.update()

    def path(self) -> Path | None:
        """The SVG file shown."""
        return self._path

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 90)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._path is None or not self._renderer.isValid():
            return
        view = self._renderer.viewBoxF()
        if view.isEmpty():
            view = QRectF(0, 0, 4, 3)
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, target)
        painter.end()


def qr_pixmap(data: str, side_px: int, ink: str, paper: str, ratio: float = 1.0) -> QPixmap:
    """A QR code drawn locally (the ``qrcode`` package, no network) with a quiet zone."""
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = max(1, round(side_px * ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(paper))
    painter = QPainter(pixmap)
    cell = side / len(matrix)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(ink))
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                # Cells overlap by a hair so no seams show between them.
                painter.drawRect(QRectF(col * cell, row * cell, cell + 0.5, cell + 0.5))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class SwipeWatcher(QObject):
    """Turns a sideways drag over a widget into ``swiped``; taps and vertical drags pass.

    WORKAROUND: QSwipeGesture is unreliable on touchscreens (it needs three fingers on some
    drivers); a one-finger drag arrives as synthesised mouse events, which this watches.

    Signals:
        swiped(int): +1 for a drag to the left (next), -1 for a drag to the right (previous).
    """

    swiped = Signal(int)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._start: QPointF | None = None
        widget.installEventFilter(self)

    def threshold_px(self) -> float:
        """How far a drag must go sideways to count."""
        return max(SWIPE_MIN_PX, self._widget.width() * SWIPE_SHARE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._start = event.position()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            start, self._start = self._start, None
            if start is not None:
                dx = event.position().x() - start.x()
                dy = event.position().y() - start.y()
                if abs(dx) >= self.threshold_px() and abs(dx) > 2 * abs(dy):
                    self.swiped.emit(1 if dx < 0 else -1)
                    return True
        return False
