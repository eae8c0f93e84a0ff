"""Closing time, run from the kiosk process: the PC that is on all day closes the queue."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kiosk.services.closing import ClosingResult, close_if_due
from ui.periodic import PeriodicCheck
from ui.shell import Runtime

logger = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000


class ClosingJob(QObject):
    """Once a minute, asks the core whether closing is due; the core makes it once a day."""

    def __init__(
        self,
        *,
        runtime: Runtime,
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runtime = runtime
        self._periodic = PeriodicCheck(
            runner=runtime.runner, check=self.check, interval_ms=interval_ms, parent=self
        )

    def start(self) -> None:
        """Check every minute from now on."""
        self._periodic.start()

    def stop(self) -> None:
        """Stop checking and cancel a check in progress."""
        self._periodic.stop()

    async def check(self) -> ClosingResult | None:
        """One check; a failure (e.g. the reports folder is not writable) is logged, not shown."""
        try:
            result = await self._runtime.ops.run(close_if_due)
        except Exception:
            logger.exception("closing failed; it is tried again in a minute")
            return None
        if result is not None:
            logger.info(
                "closed %s: %d waiting ticket(s) not served; reports %s, %s",
                result.day,
                result.closed_tickets,
                result.pdf,
                result.csv,
            )
        return result
