"""The code in a ticket's QR: which ticket, for rating it with a barcode scanner at the kiosk.

``K1-20261129-A012`` is the service day and the number, nothing about the visitor. The day
matters: numbers restart every morning, so yesterday's A012 is not today's. Only characters a
scanner in its default US keyboard layout types the same on any PC (capitals, digits, ``-``)
are used; a QR alphanumeric code holds them compactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kiosk.domain.numbering import format_ticket_number, parse_ticket_number

# The format's version: a later format gets K2, and K1 tickets still read.
PREFIX = "K1"
# Anywhere in what the scanner typed: a stray key before a scan must not hide the code.
# A test print's QR names a day long gone: scanning it shows the scanner works (the kiosk says
# the ticket is from another day) and can never rate today's real ticket of that number.
SAMPLE_DAY = date(2000, 1, 1)
_CODE = re.compile(r"K1-(\d{4})(\d{2})(\d{2})-([A-Z]\d{3,4})$")


@dataclass(frozen=True, slots=True)
class TicketCode:
    """A ticket named by its service day and printed number."""

    service_day: date
    number: str


def ticket_code(*, service_day: date, number: str) -> str:
    """The text a ticket's QR carries.

    Args:
        service_day: The local day the ticket was issued on.
        number: The number as printed, e.g. ``A012``.

    Returns:
        For example ``K1-20261129-A012``.
    """
    return f"{PREFIX}-{service_day:%Y%m%d}-{number}"


def parse_ticket_code(text: str) -> TicketCode | None:
    """The ticket a scanned text names, or None when it is not a ticket code.

    The code is looked for at the end of ``text`` (case and surrounding spaces ignored), so a
    key pressed by chance just before a scan does not spoil it.

    Args:
        text: What the scanner typed, without the final Enter.

    Returns:
        The day and the number (as printed), or None.
    """
    found = _CODE.search(text.strip().upper())
    if found is None:
        return None
    year, month, day, typed = found.groups()
    parsed = parse_ticket_number(typed)
    if parsed is None:
        return None
    try:
        return TicketCode(date(int(year), int(month), int(day)), format_ticket_number(*parsed))
    except ValueError:  # no such date, or number 000
        return None
