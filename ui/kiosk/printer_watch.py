"""Asks the ticket printer how it is once a minute, so the desk hears of paper trouble early.

A print failure already alerts the desk (``ui.ticket_printing``); this catches "paper near end"
and a printer switched off before a visitor finds out.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.kiosk.backend import KioskBackend
from ui.periodic import PeriodicCheck
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter

if TYPE_CHECKING:
    from printing.status import PrinterStatus

logger = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000
TROUBLE = frozenset({"paper_near_end", "paper_out", "offline", "error"})


class PrinterWatch(QObject):
    """Reports a printer that goes wrong to the desks once per kind of trouble."""

    def __init__(
        self,
        *,
        runner: TaskRunner,
        backend: KioskBackend,
        printer: TicketPrinter,
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._backend = backend
        self._printer = printer
        self._reported: str | None = None
        self._periodic = PeriodicCheck(
            runner=runner, check=self.check, interval_ms=interval_ms, parent=self
        )

    def start(self) -> None:
        """Check once a minute from now on."""
        self._periodic.start()

    def stop(self) -> None:
        """Stop checking."""
        self._periodic.stop()

    async def check(self) -> PrinterStatus | None:
        """One status check; returns the status, or None when there is no printer to ask."""
        worker = self._printer.worker
        if worker is None:
            return None
        try:
            status = await self._runner.wait_future(
                worker.check_status(), timeout_s=self._printer.timeout_s
            )
        except Exception as exc:  # a stuck check is itself trouble worth telling
            logger.warning("printer status check failed: %s", exc)
            return None
        state = str(status.state)
        if state in TROUBLE and state != self._reported:
            detail = f"{state}: {status.detail}" if status.detail else state
            await self._runner.run_db(self._backend.report_printer_trouble, None, detail)
            self._reported = state
        elif state == "ok":
            self._reported = None
        return status
