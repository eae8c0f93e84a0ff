"""Which printer to use and how wide its paper is: one frozen value read from the config."""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class PrinterKind(StrEnum):
    """How the kiosk reaches its printer; every kind goes through python-escpos."""

    SPOOL = "spool"
    USB = "usb"
    SERIAL = "serial"
    NETWORK = "network"
    FILE = "file"
    DUMMY = "dummy"


# Printable width of the common 203 dpi mechanisms: 48 mm on 58 mm paper, 72 mm on 80 mm paper.
PAPER_WIDTH_DOTS: dict[int, int] = {58: 384, 80: 576}
# Every supported mechanism prints 203 dots per inch (8 dots per mm), whatever its paper.
PRINTER_DPI = 203
MM_PER_INCH = 25.4


def mm_to_dots(mm: float, *, dpi: int = PRINTER_DPI) -> int:
    """The smallest whole number of dots at least ``mm`` long."""
    return math.ceil(mm * dpi / MM_PER_INCH - 1e-9)


def dots_to_mm(dots: int, *, dpi: int = PRINTER_DPI) -> float:
    """How long ``dots`` dots are on paper, in mm."""
    return dots * MM_PER_INCH / dpi


def _default_spool_dir() -> Path:
    # Only tests and demos rely on this: the config always names a folder in the data directory.
    return Path(tempfile.gettempdir()) / "commune-kiosk-spool"


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    """The printer section of the config; only the fields of the chosen ``kind`` matter.

    ``kind`` is a plain string (the config reader hands one over) checked against
    ``PrinterKind``; a ``PrinterKind`` member works too since it is a ``str``.
    """

    kind: str = PrinterKind.SPOOL
    paper_width_mm: int = 80
    spool_dir: Path = field(default_factory=_default_spool_dir)
    vendor_id: int | None = None
    product_id: int | None = None
    device: str = "/dev/ttyUSB0"
    baudrate: int = 115200
    host: str = ""
    port: int = 9100
    device_path: str = "/dev/usb/lp0"
    timeout_s: float = 5.0
    profile: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in set(PrinterKind):
            kinds = ", ".join(PrinterKind)
            raise ValueError(f"printer kind must be one of {kinds}, got {self.kind!r}")
        if self.paper_width_mm not in PAPER_WIDTH_DOTS:
            raise ValueError(f"paper width must be 58 or 80 mm, got {self.paper_width_mm}")
        if self.timeout_s <= 0:
            raise ValueError(f"printer timeout must be positive, got {self.timeout_s}")

    @property
    def width_dots(self) -> int:
        """The printable width in dots for the configured paper."""
        return PAPER_WIDTH_DOTS[self.paper_width_mm]
