"""Asks the ticket printer how it is once a minute, so the desk hears of paper trouble early.

A print failure already alerts the desk (``ui.ticket_printing``); this catches "paper near end"
and a printer switched off before a visitor finds out.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from printing.status import PrinterState, PrinterStatus
from ui.periodic import PeriodicCheck
from ui.shell import Runtime
from ui.ticket_printing import TicketPrinter, report_printer_trouble

logger = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60_000
TROUBLE = frozenset(
    {PrinterState.PAPER_NEAR_END, PrinterState.PAPER_OUT, PrinterState.OFFLINE, PrinterState.ERROR}
)


class PrinterWatch(QObject):
    """Reports a printer that goes wrong to the desks once per kind of trouble."""

    def __init__(
        self,
        *,
        runtime: Runtime,
        printer: TicketPrinter,
        source: str,
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runtime = runtime
        self._printer = printer
        self._source = source
        self._reported: PrinterState | None = None
        self._periodic = PeriodicCheck(
            runner=runtime.runner, check=self.check, interval_ms=interval_ms, parent=self
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
            status = await self._runtime.runner.wait_future(
                worker.check_status(), timeout_s=self._printer.timeout_s
            )
        except Exception as exc:  # a stuck check is itself trouble worth telling
            logger.warning("printer status check failed: %s", exc)
            return None
        state = status.state
        if state in TROUBLE and state != self._reported:
            detail = f"{state}: {status.detail}" if status.detail else state
            await report_printer_trouble(
                self._runtime, source=self._source, ticket_id=None, detail=detail
            )
            self._reported = state
        elif state is PrinterState.OK:
            self._reported = None
        return status
