"""Printing a report on the office printer through CUPS (``lp``), when the PC has one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kiosk.domain.errors import KioskError

LP_TIMEOUT_S = 30


class OfficePrintError(KioskError):
    """The report could not be handed to the office printer."""


def print_pdf(path: Path, *, printer: str | None = None) -> str:
    """Send a PDF to CUPS (the default printer, or ``printer``); returns what ``lp`` said.

    Raises:
        OfficePrintError: CUPS is not installed, or ``lp`` refused the job.
    """
    lp = shutil.which("lp")
    if lp is None:
        raise OfficePrintError(
            "No office printer: install CUPS (apt-get install cups-client) and add a printer."
        )
    command = [lp, *(["-d", printer] if printer else []), "--", str(path)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=LP_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise OfficePrintError("The office printer did not answer in time.") from None
    if result.returncode != 0:
        raise OfficePrintError(
            "The office printer refused the report: {reason}",
            reason=(result.stderr or result.stdout).strip(),
        )
    return result.stdout.strip()
