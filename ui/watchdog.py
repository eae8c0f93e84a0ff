"""Tells systemd the screen is alive: ``READY=1`` once, then ``WATCHDOG=1`` from the event loop.

The ping runs on a QTimer of the UI thread, so it stops exactly when the event loop stops:
a frozen screen gets restarted by systemd (``WatchdogSec=`` in kiosk.service), while a busy
database thread, which never holds up the event loop, does not.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.systemd import READY, WATCHDOG, notify, watchdog_interval_s

logger = logging.getLogger(__name__)

# Ping three times per period: one late timer under load never costs a restart.
PINGS_PER_PERIOD = 3


class SystemdWatchdog(QObject):
    """Sends ``WATCHDOG=1`` every third of systemd's watchdog period while the loop runs."""

    def __init__(
        self, *, interval_s: float, env: Mapping[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._env = env
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(interval_s * 1000 / PINGS_PER_PERIOD)))
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Ping now and from now on."""
        self._on_timer_timeout()
        self._timer.start()

    def stop(self) -> None:
        """No more pings (systemd restarts the unit after the period)."""
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        notify(WATCHDOG, self._env)


def start_watchdog(parent: QObject, env: Mapping[str, str] | None = None) -> SystemdWatchdog | None:
    """Say READY=1 to systemd and start the pings; None when systemd set no watchdog.

    Call it once the screen is up (the kiosk after its first frame). Outside systemd both
    are no-ops.
    """
    env = os.environ if env is None else env
    notify(READY, env)
    interval_s = watchdog_interval_s(env)
    if interval_s is None:
        return None
    watchdog = SystemdWatchdog(interval_s=interval_s, env=env, parent=parent)
    watchdog.start()
    logger.info("systemd watchdog: pinging every %.1f s", interval_s / PINGS_PER_PERIOD)
    return watchdog
