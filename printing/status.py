"""What the UI learns about the printer: a frozen status value and the error it may raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.errors import KioskError


class PrinterError(KioskError):
    """The printer cannot print now: missing device, offline, stuck, out of paper."""


class PrinterState(StrEnum):
    """The printer's condition as far as the kiosk can tell."""

    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    ERROR = "error"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """The printer's state when last checked; ``detail`` is for staff, not visitors."""

    state: PrinterState
    detail: str
    checked_at: datetime

    @property
    def can_print(self) -> bool:
        """Whether a ticket is worth sending (unknown counts: many printers cannot report)."""
        return self.state in {PrinterState.OK, PrinterState.PAPER_NEAR_END, PrinterState.UNKNOWN}
