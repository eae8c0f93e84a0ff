"""The pieces a slip is made of; a ticket or a guide checklist is a list of these."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Align(StrEnum):
    """Where a line of text sits across the paper."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Text rendered with the shipped font; wraps to the paper width, never clipped."""

    text: str
    size_px: int = 24
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True, slots=True)
class BigNumber:
    """A short ASCII text (the ticket number) printed in the printer's own enlarged font."""

    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the paper."""

    thickness_px: int = 2


@dataclass(frozen=True, slots=True)
class QrBlock:
    """A QR code drawn by the printer itself (a few dozen bytes instead of a raster)."""

    data: str
    module_px: int = 6


@dataclass(frozen=True, slots=True)
class Spacer:
    """Blank paper."""

    height_px: int


Block = TextBlock | BigNumber | Rule | QrBlock | Spacer
