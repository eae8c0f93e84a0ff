"""A timer that fires once at the start of every minute, so a clock repaints once a minute."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

MINUTE_MS = 60_000
# Fire a little after the minute turns, so the time read then is surely the new minute.
LATE_MS = 50


def ms_to_next_minute(now_s: float) -> int:
    """Milliseconds from ``now_s`` (epoch seconds) until just after the next whole minute."""
    return MINUTE_MS - int(now_s * 1000) % MINUTE_MS + LATE_MS


class MinuteTimer(QObject):
    """One single-shot timer, re-armed for the next minute each time: no polling, no drift.

    Signals:
        minute_changed: a new minute began (read the clock now).
    """

    minute_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Start firing at each minute's start."""
        self._timer.start(ms_to_next_minute(time.time()))

    def stop(self) -> None:
        """Stop firing."""
        self._timer.stop()

    def is_active(self) -> bool:
        """True while armed."""
        return self._timer.isActive()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._timer.start(ms_to_next_minute(time.time()))
        self.minute_changed.emit()
