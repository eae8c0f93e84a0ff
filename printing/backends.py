"""Make the python-escpos printer object the settings describe, with errors that name the device.

Nothing here connects: python-escpos opens the device on the first byte, inside the printer
worker's thread, so a kiosk starts even when its printer is switched off.
"""

from __future__ import annotations

import fcntl
import socket
import struct
import termios
import time
from datetime import tzinfo
from pathlib import Path
from typing import Any, Literal

from escpos.capabilities import get_profile
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import File, Network, Serial, Usb

from kiosk.domain.clock import Clock, system_clock
from kiosk.private_files import private_dir
from printing.memory_printer import MemoryPrinter
from printing.settings import PrinterKind, PrinterSettings
from printing.spool import SpoolPrinter
from printing.status import PrinterError

# python-escpos ships no type hints; its printers are plain objects to mypy.
EscposPrinter = Any

# Less than one ticket (9-13 KB); Linux doubles it for bookkeeping.
SEND_BUFFER_BYTES = 8192


def device_label(settings: PrinterSettings) -> str:
    """The printer as staff would name it in a message, e.g. ``network printer 10.0.0.5:9100``."""
    kind = PrinterKind(settings.kind)
    if kind is PrinterKind.USB:
        return f"USB printer {_hex(settings.vendor_id)}:{_hex(settings.product_id)}"
    if kind is PrinterKind.SERIAL:
        return f"serial printer {settings.device}"
    if kind is PrinterKind.NETWORK:
        return f"network printer {settings.host}:{settings.port}"
    if kind is PrinterKind.FILE:
        return f"printer device {settings.device_path}"
    if kind is PrinterKind.SPOOL:
        return f"spool folder {settings.spool_dir}"
    return "in-memory test printer"


def _hex(value: int | None) -> str:
    return "(not set)" if value is None else f"{value:04x}"


def printable_width_dots(settings: PrinterSettings) -> int:
    """The width to lay slips out for: the paper's, or less if the printer profile says so.

    Args:
        settings: The printer settings.

    Returns:
        384 or 576 dots, or the profile's width when it is narrower (Epson TM-T88: 512).

    Raises:
        PrinterError: The profile name is not one python-escpos knows.
    """
    if settings.profile is None:
        return settings.width_dots
    try:
        pixels = get_profile(settings.profile).profile_data["media"]["width"].get("pixels")
    except KeyError as exc:
        raise PrinterError("Unknown printer profile {profile}", profile=settings.profile) from exc
    if isinstance(pixels, int) and 0 < pixels < settings.width_dots:
        return pixels
    return settings.width_dots


def open_printer(
    settings: PrinterSettings, *, clock: Clock = system_clock, tz: tzinfo | None = None
) -> EscposPrinter:
    """The python-escpos printer for the settings, not yet connected.

    Args:
        settings: The printer settings.
        clock: Time source for spool file names.
        tz: The commune's time zone, in which spool files are named.

    Returns:
        A python-escpos printer object; it connects on the first byte sent.

    Raises:
        PrinterError: The settings cannot work: a device file that does not exist, missing
            USB ids or host, a driver library that is not installed, an unwritable spool folder.
    """
    kind = PrinterKind(settings.kind)
    printable_width_dots(settings)  # an unknown profile fails here, not on the first ticket
    label = device_label(settings)
    if kind is PrinterKind.SPOOL:
        try:
            private_dir(settings.spool_dir)
        except OSError as exc:
            raise _error(label, exc.strerror or str(exc)) from exc
        return SpoolPrinter(settings.spool_dir, clock=clock, tz=tz, profile=settings.profile)
    if kind is PrinterKind.DUMMY:
        return MemoryPrinter(profile=settings.profile)
    if kind is PrinterKind.FILE:
        # Checked here because python-escpos opens the path for writing, which would create a
        # plain file where the device should be.
        _require_device(label, Path(settings.device_path))
        return File(settings.device_path, profile=settings.profile)
    if kind is PrinterKind.SERIAL:
        _require_driver(label, Serial, "pyserial")
        _require_device(label, Path(settings.device))
        return _Serial(
            settings.device,
            baudrate=settings.baudrate,
            timeout=settings.timeout_s,
            profile=settings.profile,
        )
    if kind is PrinterKind.NETWORK:
        if not settings.host:
            raise _error(label, "no host name or address is configured")
        return _Network(
            settings.host, port=settings.port, timeout=settings.timeout_s, profile=settings.profile
        )
    if settings.vendor_id is None or settings.product_id is None:
        raise _error(label, "usb_vendor_id and usb_product_id must both be set")
    _require_driver(label, Usb, "pyusb")
    return Usb(
        settings.vendor_id,
        settings.product_id,
        timeout=round(settings.timeout_s * 1000),  # pyusb counts in milliseconds
        profile=settings.profile,
    )


class _Network(Network):  # type: ignore[misc]  # python-escpos has no type hints
    """python-escpos' network printer, closing its socket when the connection fails."""

    def unsent_bytes(self) -> int:
        """Bytes sent but not yet acknowledged by the printer (0 when not connected)."""
        device: Any = getattr(self, "_device", False)
        if not device:
            return 0
        return queued_bytes(device.fileno())

    def open(self, raise_not_found: bool = True) -> None:
        """Connect to the printer; raises ``DeviceNotFoundError`` when it does not answer."""
        # WORKAROUND: python-escpos 3.1 Network.open leaves the socket open when connect()
        # fails, leaking a file descriptor per attempt while a printer is switched off.
        if self._device:
            self.close()
        connection: socket.socket | Literal[False] = False
        try:
            connection = socket.create_connection((self.host, self.port), timeout=self.timeout)
            # A small send buffer: a printer that stops reading makes the next ticket time
            # out (an alert) instead of vanishing into megabytes of kernel buffer.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER_BYTES)
        except OSError as exc:
            raise DeviceNotFoundError(f"Could not open socket for {self.host}: {exc}") from exc
        finally:
            # False, not None, after a failure: the lazy ``device`` property then tries again.
            self.device: socket.socket | Literal[False] = connection


class _Serial(Serial):  # type: ignore[misc]  # python-escpos has no type hints
    """python-escpos' serial printer with a write timeout, and a close that cannot hang."""

    def unsent_bytes(self) -> int:
        """Bytes written but still in the port's output queue (0 when not connected)."""
        device: Any = getattr(self, "_device", False)
        return int(device.out_waiting) if device else 0

    def open(self, raise_not_found: bool = True) -> None:
        """Open the port; writes then give up after ``timeout`` seconds like reads do."""
        # WORKAROUND: python-escpos 3.1 passes pyserial only a read timeout, so a printer that
        # stops reading (paper jam, flow control held) blocked the printer thread for good.
        super().open(raise_not_found)
        port: Any = getattr(self, "_device", False)
        if port:
            port.write_timeout = self.timeout

    def close(self) -> None:
        """Let queued bytes drain for up to ``timeout`` seconds, then drop the rest and close."""
        # WORKAROUND: python-escpos 3.1 calls pyserial's flush() (tcdrain) here, which never
        # returns while the printer is not reading.
        device: Any = getattr(self, "_device", False)
        self._device = False
        if not device:
            return
        try:
            deadline = time.monotonic() + self.timeout
            while device.out_waiting and time.monotonic() < deadline:
                time.sleep(0.02)
            device.reset_output_buffer()
        except OSError:
            pass  # the port went away; closing it is all that is left
        finally:
            device.close()


def queued_bytes(fd: int) -> int:
    """What a socket or tty still has to send (TIOCOUTQ: unsent plus unacknowledged bytes)."""
    raw = fcntl.ioctl(fd, termios.TIOCOUTQ, struct.pack("i", 0))
    return int(struct.unpack("i", raw)[0])


def wait_until_sent(printer: EscposPrinter, timeout_s: float) -> int:
    """Wait until the printer has taken every byte sent, up to ``timeout_s``.

    A network printer that stops reading leaves the ticket in the kernel's buffers, where
    ``sendall`` counted it as sent; only the printer's acknowledgement says it arrived.

    Returns:
        The bytes still waiting (0: all taken; printers that cannot tell always give 0).
    """
    unsent = getattr(printer, "unsent_bytes", None)
    if unsent is None:
        return 0
    deadline = time.monotonic() + timeout_s
    while (left := int(unsent())) and time.monotonic() < deadline:
        time.sleep(0.01)
    return left


def _require_device(label: str, path: Path) -> None:
    if not path.exists():
        raise _error(label, "the device does not exist (is the printer plugged in and on?)")


def _require_driver(label: str, printer_class: Any, package: str) -> None:
    if not printer_class.is_usable():
        raise _error(label, f"the Python package {package} is not installed")


def _error(label: str, reason: str) -> PrinterError:
    return PrinterError("Cannot use the {device}: {reason}", device=label, reason=reason)
