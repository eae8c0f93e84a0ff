"""Which finished visits the kiosk offers to rate without a ticket number ("I was just served").

A visitor who lost the ticket, or never had one, walks from the counter to the kiosk. The kiosk
offers each counter's latest visit if it ended a few minutes ago and is not rated yet. Only the
latest per counter: an older visit there belongs to someone who has left, and offering it would
let the next visitor rate a stranger's visit. A latest visit that is rated is not replaced by
an older one, for the same reason. Tiles name the counter, the ticket number and the time,
never a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

# Long enough to walk from a counter to the kiosk and wait for someone using it; short enough
# that the visitor is still in the building.
RECENT_WITHIN = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class RecentVisit:
    """A ticket's finished visit the kiosk may offer: at which counter, which ticket, when."""

    visit_id: int
    counter_number: int
    ticket_number: str
    ended_at: datetime
    rated: bool


def offered_visits(
    visits: Iterable[RecentVisit], *, now: datetime, within: timedelta = RECENT_WITHIN
) -> tuple[RecentVisit, ...]:
    """The visits to offer: per counter the latest that ended within ``within``, if unrated.

    Args:
        visits: Finished visits at counters (any order, any age).
        now: The current time (aware).
        within: How long after its end a visit is still offered.

    Returns:
        At most one visit per counter, by counter number.
    """
    latest: dict[int, RecentVisit] = {}
    for visit in visits:
        # No upper bound: a desk PC whose clock runs a little ahead of the kiosk's stamps a visit
        # that just ended in the kiosk's future, and it must still be offered.
        if visit.ended_at < now - within:
            continue
        kept = latest.get(visit.counter_number)
        if kept is None or (visit.ended_at, visit.visit_id) > (kept.ended_at, kept.visit_id):
            latest[visit.counter_number] = visit
    return tuple(visit for _, visit in sorted(latest.items()) if not visit.rated)
