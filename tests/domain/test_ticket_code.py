"""The ticket's QR code: what it holds, and what a scanner's typing is read back as."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.ticket_code import TicketCode, parse_ticket_code, ticket_code

DAY = date(2026, 11, 30)


def test_a_code_names_the_day_and_the_number_and_reads_back() -> None:
    code = ticket_code(service_day=DAY, number="A012")
    assert code == "K1-20261130-A012"
    assert parse_ticket_code(code) == TicketCode(DAY, "A012")


def test_a_busy_days_four_digit_number_reads_back() -> None:
    assert parse_ticket_code(ticket_code(service_day=DAY, number="B1203")) == TicketCode(
        DAY, "B1203"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "k1-20261130-a012",  # the scanner's Caps Lock or a lower-case layout
        " K1-20261130-A012 ",
        "7K1-20261130-A012",  # a key pressed by chance just before the scan
    ],
)
def test_what_a_scanner_may_type_still_names_the_ticket(typed: str) -> None:
    assert parse_ticket_code(typed) == TicketCode(DAY, "A012")


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "A012",
        "K1-2026113-A012",
        "K1-20261331-A012",  # no 31st of a 13th month
        "K1-20261130-A000",  # ticket numbers start at 1
        "K1-20261130-A12",  # printed numbers have three digits at least
        "K2-20261130-A012",  # a later format this version cannot read
        "K1-20261130-A012X",
        "001234567890|Nguyen Van A|01011960",  # an ID card's QR: not a ticket
    ],
)
def test_anything_else_is_not_a_ticket_code(typed: str) -> None:
    assert parse_ticket_code(typed) is None
