"""Estimated waiting time from recent service times and the desks open for a line."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

DEFAULT_SERVICE_MINUTES = 8.0
MIN_HISTORY = 3


def typical_service_minutes(
    recent_service_minutes: Sequence[float], default_minutes: float = DEFAULT_SERVICE_MINUTES
) -> float:
    """The median of recent service times; the default while there are fewer than three."""
    usable = [m for m in recent_service_minutes if m > 0]
    if len(usable) < MIN_HISTORY:
        return default_minutes
    return float(statistics.median(usable))


def estimate_wait_minutes(
    *,
    people_ahead: int,
    recent_service_minutes: Sequence[float],
    open_counters: int,
    default_minutes: float = DEFAULT_SERVICE_MINUTES,
) -> int:
    """Minutes until a new ticket is likely called, rounded up to whole minutes.

    Every open desk serving the line works through the people ahead in parallel. With no desk
    open the estimate still assumes one, so visitors see a number rather than "infinity".
    """
    if people_ahead <= 0:
        return 0
    per_person = typical_service_minutes(recent_service_minutes, default_minutes)
    desks = max(1, open_counters)
    return math.ceil(people_ahead * per_person / desks)
