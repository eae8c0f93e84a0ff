"""Summary maths: medians, the 90th percentile, shares, periods and their comparison periods."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.summary import (
    Figure,
    Period,
    busiest_hours,
    hour_span,
    hourly_counts,
    median,
    minutes_between,
    percentile,
    share,
)

MON_TO_SAT = frozenset(range(6))
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_median_of_an_odd_count_is_the_middle_value() -> None:
    assert median([30, 5, 10]) == 10


def test_median_of_an_even_count_is_the_mean_of_the_two_middle_values() -> None:
    assert median([5, 10, 30, 30]) == 20


def test_median_and_percentile_of_nothing_are_none() -> None:
    assert median([]) is None
    assert percentile([], 0.9) is None


def test_percentile_90_is_the_nearest_rank_value() -> None:
    waits = list(range(1, 21))  # 1..20: rank ceil(0.9 * 20) = 18
    assert percentile(waits, 0.9) == 18
    assert percentile([7, 1, 3], 0.9) == 7  # rank ceil(2.7) = 3
    assert percentile([4], 0.9) == 4


def test_percentile_rejects_a_fraction_outside_zero_to_one() -> None:
    with pytest.raises(ValueError, match="fraction"):
        percentile([1, 2], 90)


def test_share_is_none_without_a_whole() -> None:
    assert share(3, 4) == 0.75
    assert share(0, 0) is None


def test_a_figure_delta_needs_both_periods() -> None:
    assert Figure(7, 2).delta == 5
    assert Figure(None, 2).delta is None
    assert Figure(3.5, None).delta is None


def test_minutes_between_never_goes_negative() -> None:
    start = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert minutes_between(start, datetime(2026, 11, 23, 2, 30, tzinfo=UTC)) == 30
    assert minutes_between(start, datetime(2026, 11, 23, 1, 0, tzinfo=UTC)) == 0


def utc_hours(*local_hours: int) -> dict[datetime, int]:
    """Counts per UTC hour for events at these local (UTC+7) hours of 23/11/2026."""
    counts: dict[datetime, int] = {}
    for hour in local_hours:
        moment = datetime(2026, 11, 23, hour, tzinfo=VN).astimezone(UTC)
        counts[moment] = counts.get(moment, 0) + 1
    return counts


def test_hourly_counts_puts_utc_hours_into_24_local_buckets() -> None:
    counts = hourly_counts(utc_hours(9, 9, 10, 23, 0), VN)
    assert len(counts) == 24
    assert (counts[0], counts[9], counts[10], counts[23]) == (1, 2, 1, 1)
    assert sum(counts) == 5


def test_busiest_hours_rank_by_count_then_by_earlier_hour() -> None:
    counts = hourly_counts(utc_hours(8, 9, 9, 10, 10, 14), VN)
    assert busiest_hours(counts, top=3) == (9, 10, 8)
    assert busiest_hours(hourly_counts({}, VN)) == ()


def test_hour_span_covers_opening_hours_and_every_busy_hour() -> None:
    assert hour_span(hourly_counts({}, VN)) == range(7, 17)
    assert hour_span(hourly_counts(utc_hours(6), VN), hourly_counts(utc_hours(19), VN)) == range(
        6, 20
    )


def test_a_day_is_compared_with_the_previous_working_day() -> None:
    monday = Period.day(date(2026, 11, 23))
    assert monday.previous(MON_TO_SAT) == Period.day(date(2026, 11, 21))
    assert Period.day(date(2026, 11, 24)).previous(MON_TO_SAT) == monday


def test_a_day_without_opening_hours_is_compared_with_the_day_before() -> None:
    assert Period.day(date(2026, 11, 23)).previous() == Period.day(date(2026, 11, 22))


def test_a_longer_period_is_compared_with_the_same_number_of_days_just_before() -> None:
    november = Period(date(2026, 11, 1), date(2026, 11, 30))
    assert november.previous(MON_TO_SAT) == Period(date(2026, 10, 2), date(2026, 10, 31))
    week = Period(date(2026, 11, 23), date(2026, 11, 29))
    assert week.previous(MON_TO_SAT) == Period(date(2026, 11, 16), date(2026, 11, 22))


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="ends"):
        Period(date(2026, 11, 23), date(2026, 11, 22))


def test_a_period_of_more_than_400_days_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most 400 days"):
        Period(date(2025, 1, 1), date(2026, 11, 23))


def test_period_labels_are_vietnamese_dates() -> None:
    assert Period.day(date(2026, 11, 3)).label_vi() == "ngày 03/11/2026"
    november = Period(date(2026, 11, 1), date(2026, 11, 30))
    assert november.label_vi() == "từ ngày 01/11/2026 đến ngày 30/11/2026"
    assert november.slug() == "2026-11-01_2026-11-30"
