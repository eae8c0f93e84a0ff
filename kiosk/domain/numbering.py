"""Ticket numbers: a line's letter prefix and a three-digit sequence per service day."""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^[A-Z]$")
_TICKET = re.compile(r"^([A-Z])(\d{3,4})$")


def is_valid_prefix(prefix: str) -> bool:
    """A line prefix is one capital ASCII letter, so it prints in native printer text."""
    return bool(_PREFIX.match(prefix))


def format_ticket_number(prefix: str, sequence: int) -> str:
    """``A`` and 7 give ``A007``; a busy day past 999 grows to four digits."""
    if not is_valid_prefix(prefix):
        raise ValueError(f"line prefix must be one capital letter, got {prefix!r}")
    if sequence < 1:
        raise ValueError(f"ticket sequence starts at 1, got {sequence}")
    return f"{prefix}{sequence:03d}"


def parse_ticket_number(text: str) -> tuple[str, int] | None:
    """``a012`` or ``A012`` give ``("A", 12)``; anything else gives ``None``."""
    match = _TICKET.match(text.strip().upper())
    if match is None:
        return None
    return match.group(1), int(match.group(2))
