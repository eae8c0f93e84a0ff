"""Whether a write of this program has been waiting for SQLite's lock for more than a second.

``kiosk.storage.busy.BusyWait`` retries a write while another program holds the lock, fairly
and with a deadline; it tells its listeners (on the waiting thread) when a wait starts and
ends. ``BusyWatch`` turns that into one Qt signal on the UI thread: busy once a wait has gone
on for ``SHOW_AFTER_S`` (shorter waits are normal under load and would only flicker), not
busy the moment it ends. A wait in the turnstile reports its start only, so the second is
counted here with a timer, not from the reports.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.storage.busy import BusyWait

SHOW_AFTER_S = 1.0


class BusyWatch(QObject):
    """Follows one ``BusyWait`` (the program's database) and says when to show "busy".

    Signals:
        busy_changed(bool): a write has waited over a second (True), or it is over (False).
    """

    busy_changed = Signal(bool)
    # Emitted on the waiting (database) thread; Qt queues it to this object's thread.
    _heard = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._busy_wait: BusyWait | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(round(SHOW_AFTER_S * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._heard.connect(self._on_self_heard)

    def follow(self, busy_wait: BusyWait) -> None:
        """Listen to ``busy_wait`` (once the database is open)."""
        self.stop()
        self._busy_wait = busy_wait
        busy_wait.add_listener(self._listener)

    def stop(self) -> None:
        """Stop listening."""
        if self._busy_wait is not None:
            self._busy_wait.remove_listener(self._listener)
            self._busy_wait = None
        self._timer.stop()

    def _listener(self, waited_s: float | None) -> None:
        self._heard.emit(waited_s)  # any thread

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    @Slot(object)
    def _on_self_heard(self, waited_s: float | None) -> None:
        if waited_s is None:
            self._timer.stop()
            self._set_busy(False)
        elif waited_s >= SHOW_AFTER_S:
            self._set_busy(True)
        elif not self.busy and not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._set_busy(True)
