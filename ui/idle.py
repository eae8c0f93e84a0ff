"""The idle timer: no touch for a while sends the kiosk back home, as KlipperScreen does."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot


@cache
def _activity() -> frozenset[QEvent.Type]:
    # Events that mean a person is at the screen; built on first use (QEvent.Type is large).
    names = (
        "MouseButtonPress",
        "MouseButtonRelease",
        "MouseMove",
        "TouchBegin",
        "TouchUpdate",
        "KeyPress",
        "Wheel",
    )
    return frozenset(getattr(QEvent.Type, name) for name in names)


class IdleWatcher(QObject):
    """Watches the whole app for touches; ``timed_out`` fires after ``timeout_s`` without one.

    Install with ``app.installEventFilter(watcher)``. Events are never consumed.

    Signals:
        timed_out: nobody touched the screen for the current timeout.
    """

    timed_out = Signal()

    def __init__(self, *, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_timeout(timeout_s)

    def set_timeout(self, timeout_s: float) -> None:
        """Change the timeout and start counting again from now."""
        self._timer.setInterval(round(timeout_s * 1000))
        self._timer.start()

    def timeout_s(self) -> float:
        """The current timeout in seconds."""
        return self._timer.interval() / 1000

    def restart(self) -> None:
        """Start counting again from now."""
        self._timer.start()

    def remaining_ms(self) -> int:
        """Milliseconds until ``timed_out`` (for tests and screenshots)."""
        return self._timer.remainingTime()

    def stop(self) -> None:
        """Stop counting (used when the kiosk quits)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _activity():
            self._timer.start()
        return False

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.timed_out.emit()
