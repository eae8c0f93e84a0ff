"""Time as a parameter: rules take ``now``; the application injects a clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, timezone-aware in UTC."""
    return datetime.now(UTC)


class FixedClock:
    """A clock for tests and demos that only moves when told."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self.now = start

    def __call__(self) -> datetime:
        """The clock's current time."""
        return self.now

    def advance(self, **delta: float) -> datetime:
        """Move forward by a ``timedelta(**delta)`` and return the new time."""
        self.now = self.now + timedelta(**delta)
        return self.now


def service_day(now: datetime, tz: ZoneInfo) -> date:
    """The local calendar day a moment belongs to; ticket numbers restart at local midnight."""
    if now.tzinfo is None:
        raise ValueError("service_day needs a timezone-aware datetime")
    return now.astimezone(tz).date()


def local_day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC start (inclusive) and end (exclusive) of a local calendar day."""
    start = datetime(day.year, day.month, day.day, tzinfo=tz)
    end = start + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)
