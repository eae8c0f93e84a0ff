"""One log line when something changes state, not one per poll: "printer offline", then "ok"."""

from __future__ import annotations

import logging
import threading


class StateLog:
    """Remembers the last state of each named thing and logs only when it changes."""

    def __init__(self, logger: logging.Logger, **initial: str) -> None:
        """Log to ``logger``; ``initial`` states (e.g. ``printer="fine"``) are not logged."""
        self._logger = logger
        self._lock = threading.Lock()
        self._states: dict[str, str] = dict(initial)

    def change(self, key: str, state: str, message: str, *args: object, level: int) -> bool:
        """Log ``message % args`` at ``level`` if ``key`` was not already in ``state``.

        Returns:
            True when the state changed (and the line was logged).
        """
        with self._lock:
            if self._states.get(key) == state:
                return False
            self._states[key] = state
        self._logger.log(level, message, *args)
        return True
