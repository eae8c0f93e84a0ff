"""Summary maths for manager reports: periods, medians, percentiles, shares, hourly counts.

Definitions every report uses (the PDF and the CLI say the same):

- The median of an even count is the mean of the two middle values.
- The 90th percentile is the nearest-rank value: the smallest value with at least 90 % of the
  values at or below it (PostgreSQL's ``percentile_disc(0.9)``), so it is always a real wait.
- A single-day period is compared with the nearest earlier **working** day (Monday with the
  Saturday before, when Sunday is closed); a longer period with the same number of days just
  before it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.domain.errors import ValidationError

HOURS_PER_DAY = 24
# A period longer than this is refused: a report of several years is a database export.
MAX_PERIOD_DAYS = 400
# How far back a single day looks for the previous working day.
WORKING_DAY_LOOKBACK = 7


@dataclass(frozen=True, slots=True)
class Period:
    """Local service days from ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                "The period ends ({last}) before it starts ({first}).",
                first=self.first.isoformat(),
                last=self.last.isoformat(),
            )
        if self.days > MAX_PERIOD_DAYS:
            raise ValidationError(
                "A summary covers at most {limit} days; this period has {days}.",
                limit=MAX_PERIOD_DAYS,
                days=self.days,
            )

    @classmethod
    def day(cls, day: date) -> Period:
        """A period of one day."""
        return cls(day, day)

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.last - self.first).days + 1

    def previous(self, open_weekdays: Collection[int] = ()) -> Period:
        """The period to compare with (see the module docstring).

        Args:
            open_weekdays: Weekdays the desk opens (Monday = 0); empty means every day counts.
        """
        if self.days == 1 and open_weekdays:
            day = self.first
            for _ in range(WORKING_DAY_LOOKBACK):
                day -= timedelta(days=1)
                if day.weekday() in open_weekdays:
                    return Period.day(day)
        start = self.first - timedelta(days=self.days)
        return Period(start, self.first - timedelta(days=1))

    def label_vi(self) -> str:
        """``ngày 23/11/2026`` or ``từ ngày 01/11/2026 đến ngày 30/11/2026``."""
        if self.days == 1:
            return f"ngày {self.first:%d/%m/%Y}"
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    def slug(self) -> str:
        """A file-name part: ``2026-11-23`` or ``2026-11-01_2026-11-30``."""
        if self.days == 1:
            return self.first.isoformat()
        return f"{self.first.isoformat()}_{self.last.isoformat()}"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of the period and the same figure of the previous period (None: no data)."""

    current: float | None
    previous: float | None

    @property
    def delta(self) -> float | None:
        """Current minus previous, or None when either is missing."""
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


def median_ranks(count: int) -> tuple[int, int]:
    """The 1-based ranks of the middle value(s) of ``count`` values; twice the same when odd.

    The median is the mean of the values at these two ranks, in ascending order.
    """
    return (count + 1) // 2, count // 2 + 1


def nearest_rank(count: int, fraction: float) -> int:
    """The 1-based rank of the nearest-rank percentile (``fraction`` 0.9 for the 90th).

    Raises:
        ValueError: ``fraction`` is not in (0, 1].
    """
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], got {fraction}")
    return max(1, math.ceil(fraction * count))


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    low, high = median_ranks(len(ordered))
    return (ordered[low - 1] + ordered[high - 1]) / 2


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The nearest-rank percentile (``fraction`` 0.9 for the 90th), or None for no values."""
    rank = nearest_rank(len(values), fraction)
    if not values:
        return None
    return float(sorted(values)[rank - 1])


def share(part: float, whole: float) -> float | None:
    """``part / whole`` as a fraction, or None when there is no whole."""
    return part / whole if whole else None


def minutes_between(start: datetime, end: datetime) -> float:
    """Minutes from ``start`` to ``end``; a clock set back never gives a negative time."""
    return max(0.0, (end - start).total_seconds() / 60)


def hourly_counts(per_utc_hour: Mapping[datetime, int], tz: ZoneInfo) -> tuple[int, ...]:
    """Events per local hour 0-23 from counts per UTC hour (aware datetimes at each hour's start).

    Exact for zones whose offset is a whole number of hours, as Vietnam's (+7) is.
    """
    counts = [0] * HOURS_PER_DAY
    for utc_hour, count in per_utc_hour.items():
        counts[utc_hour.astimezone(tz).hour] += count
    return tuple(counts)


def busiest_hours(counts: Sequence[int], top: int = 3) -> tuple[int, ...]:
    """The ``top`` hours with the most events (earlier hour first on a tie), busiest first."""
    ranked = sorted((hour for hour in range(len(counts)) if counts[hour]), key=lambda h: -counts[h])
    return tuple(ranked[:top])


def hour_span(*series: Sequence[int], opening: tuple[int, int] = (7, 17)) -> range:
    """The hours a chart shows: the opening hours widened to every hour that has events."""
    busy = [hour for counts in series for hour, count in enumerate(counts) if count]
    first = min([opening[0], *busy])
    last = max([opening[1] - 1, *busy])
    return range(first, last + 1)
