"""Ask an ESC/POS printer how it is (DLE EOT), with a short timeout and "no answer" kept apart.

python-escpos' ``is_online()`` returns False when the printer says nothing, so a printer that
cannot report status looked "offline" after every ticket; and its read timeout is the job
timeout, so a silent printer held the printer thread for seconds. Here silence is its own
answer (``None``), and every read and write of the query gives up after ``timeout_s``.
"""

from __future__ import annotations

import importlib
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from escpos.constants import (
    RT_MASK_LOWPAPER,
    RT_MASK_NOPAPER,
    RT_MASK_ONLINE,
    RT_STATUS_ONLINE,
    RT_STATUS_PAPER,
)

from printing.status import PrinterState

# python-escpos ships no type hints; its printers are plain objects to mypy.
EscposPrinter = Any

# A printer that reports status answers a DLE EOT in milliseconds, even mid-job (it is a
# real-time command); waiting longer only holds up the next ticket.
STATUS_TIMEOUT_S = 1.0

StatusAnswer = tuple[PrinterState, str]


def read_status(
    printer: EscposPrinter, *, timeout_s: float = STATUS_TIMEOUT_S
) -> StatusAnswer | None:
    """The printer's answer to the online and paper queries, or None when it stays silent.

    Args:
        printer: An open-able python-escpos printer whose class can read (network, serial, USB).
        timeout_s: How long each write and read of the query may take.

    Returns:
        The state and a detail for staff; None when the printer gave no answer in time.

    Raises:
        OSError: The connection itself failed (reset, refused, unplugged).
    """
    with _io_timeout(printer, timeout_s):
        online = _ask(printer, RT_STATUS_ONLINE)
        if not online:
            return None
        if online[0] & RT_MASK_ONLINE:
            return PrinterState.OFFLINE, "offline: cover open or paper out?"
        paper = _ask(printer, RT_STATUS_PAPER)
    if not paper:
        return PrinterState.OK, "online; no paper sensor answer"
    if paper[0] & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
        return PrinterState.PAPER_OUT, "out of paper"
    if paper[0] & RT_MASK_LOWPAPER == RT_MASK_LOWPAPER:
        return PrinterState.PAPER_NEAR_END, "paper roll nearly used up"
    return PrinterState.OK, "online, paper loaded"


def _ask(printer: EscposPrinter, query: bytes) -> bytes:
    try:
        printer._raw(query)
        return bytes(printer._read() or b"")
    except TimeoutError:  # socket.timeout is TimeoutError since Python 3.10
        return b""
    except Exception as exc:
        if _is_serial_timeout(exc):
            return b""
        raise


def _is_serial_timeout(exc: Exception) -> bool:
    try:
        serial: Any = importlib.import_module("serial")  # pyserial ships no type hints
    except ImportError:  # pragma: no cover - pyserial is a dependency
        return False
    return isinstance(exc, serial.SerialTimeoutException)


@contextmanager
def _io_timeout(printer: EscposPrinter, timeout_s: float) -> Iterator[None]:
    """Shorten the connection's read and write timeouts for the query, then restore them."""
    device = printer.device  # opens the connection if needed
    if isinstance(device, socket.socket):
        before = device.gettimeout()
        device.settimeout(timeout_s)
        try:
            yield
        finally:
            device.settimeout(before)
        return
    if hasattr(device, "write_timeout") and hasattr(device, "timeout"):  # a pyserial port
        saved = (device.timeout, device.write_timeout)
        device.timeout, device.write_timeout = timeout_s, timeout_s
        try:
            yield
        finally:
            device.timeout, device.write_timeout = saved
        return
    yield
