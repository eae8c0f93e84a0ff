from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.clock import FixedClock, local_day_bounds, service_day
from kiosk.domain.numbering import format_ticket_number, parse_ticket_number
from kiosk.domain.text import fold, matches, nfc
from kiosk.domain.wait import estimate_wait_minutes, typical_service_minutes

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_ticket_numbers_have_three_digits_and_grow_past_999() -> None:
    assert format_ticket_number("A", 1) == "A001"
    assert format_ticket_number("E", 42) == "E042"
    assert format_ticket_number("B", 1000) == "B1000"


@pytest.mark.parametrize(("prefix", "seq"), [("a", 1), ("AB", 1), ("Đ", 1), ("A", 0)])
def test_ticket_number_rejects_bad_prefix_or_sequence(prefix: str, seq: int) -> None:
    with pytest.raises(ValueError, match=r"prefix|sequence"):
        format_ticket_number(prefix, seq)


def test_parse_ticket_number_accepts_lower_case_and_spaces() -> None:
    assert parse_ticket_number(" a012 ") == ("A", 12)
    assert parse_ticket_number("A12") is None
    assert parse_ticket_number("12") is None


def test_service_day_changes_at_local_midnight_not_utc_midnight() -> None:
    # 23:30 local on the 23rd is 16:30 UTC; 00:30 local on the 24th is 17:30 UTC on the 23rd.
    assert service_day(datetime(2026, 11, 23, 16, 30, tzinfo=UTC), VN) == date(2026, 11, 23)
    assert service_day(datetime(2026, 11, 23, 17, 30, tzinfo=UTC), VN) == date(2026, 11, 24)


def test_local_day_bounds_cover_24_hours_in_utc() -> None:
    start, end = local_day_bounds(date(2026, 11, 24), VN)
    assert start == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert (end - start).total_seconds() == 86400


def test_fixed_clock_needs_a_zone_and_advances() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2026, 1, 1))
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert clock.advance(minutes=5) == datetime(2026, 1, 1, 0, 5, tzinfo=UTC)


def test_wait_uses_the_default_until_three_visits_are_known() -> None:
    assert typical_service_minutes([30, 30]) == 8.0
    assert typical_service_minutes([4, 6, 20]) == 6.0


def test_wait_divides_the_people_ahead_among_open_counters() -> None:
    assert estimate_wait_minutes(people_ahead=6, recent_service_minutes=[], open_counters=2) == 24
    assert (
        estimate_wait_minutes(people_ahead=5, recent_service_minutes=[3, 3, 3], open_counters=2)
        == 8
    )


def test_wait_is_zero_with_nobody_ahead_and_assumes_one_desk_when_none_is_open() -> None:
    assert estimate_wait_minutes(people_ahead=0, recent_service_minutes=[], open_counters=0) == 0
    assert estimate_wait_minutes(people_ahead=2, recent_service_minutes=[], open_counters=0) == 16


def test_fold_removes_tones_and_maps_d_with_stroke() -> None:
    assert fold("Nguyễn  Đức Thắng") == "nguyen duc thang"


def test_fold_handles_nfd_with_stacked_marks() -> None:
    nfd = "Nguye\u0323\u0302n"  # ệ written as e + dot below + circumflex
    assert fold(nfd) == "nguyen"
    assert nfc(nfd) == "Nguyện"


def test_matches_is_accent_insensitive_word_prefix_search() -> None:
    assert matches("ng duc", "Nguyễn Đức Thắng")
    assert matches("THANG", "Nguyễn Đức Thắng")
    assert not matches("binh", "Nguyễn Đức Thắng")
