"""What a USB barcode scanner types, read from a window's key events.

A scanner at a kiosk is a HID keyboard: it types the code's characters quickly and then Enter.
The kiosk has no text field for it, and needs none: the reader watches the key presses that
reach the window (whatever has focus) and hands on what was typed before each Enter. It never
swallows a key, so touches, the idle timer and any other key handling work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent

# A scanner types a whole code within a few dozen milliseconds. After this long without a key,
# what was typed is dropped: a key pressed by chance must not stick to the next scan.
FORGET_AFTER_MS = 1500
# Longer than any code the kiosk reads; a longer text keeps only its end.
MAX_CHARS = 64
# Fewer characters before Enter is a key pressed by chance, not a scan.
MIN_CHARS = 4
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanReader(QObject):
    """An event filter for a QWindow that emits each scanned text.

    Signals:
        scanned(str): the characters typed before an Enter (at least ``MIN_CHARS``).
    """

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._forget = QTimer(self)
        self._forget.setSingleShot(True)
        self._forget.setInterval(FORGET_AFTER_MS)
        self._forget.timeout.connect(self._on_forget_timeout)

    def typed(self) -> str:
        """What was typed since the last Enter (and not forgotten)."""
        return self._typed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            return
        if event.key() in _ENTER:
            typed, self._typed = self._typed, ""
            self._forget.stop()
            if len(typed) >= MIN_CHARS:
                self.scanned.emit(typed)
            return
        text = event.text()
        if text and text.isprintable():
            self._typed = (self._typed + text)[-MAX_CHARS:]
            self._forget.start()

    @Slot()
    def _on_forget_timeout(self) -> None:
        self._typed = ""
