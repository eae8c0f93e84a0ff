"""Counting rules of a summary: a period's counts in, a frozen ``PeriodTally`` out.

The rules, which the PDF's notes repeat:

- A ticket counts on its service day (the local day it was issued), once, under its **final**
  line and procedure: a transferred ticket is one ticket on the line that finished it.
- Waiting time is from issue to the (last) call, for served tickets only; service time is from
  the start of service to its end. A recall moves the call time, so a visitor recalled after
  stepping out waits until the call that brought them. A clock set back never gives a
  negative time.
- A visit (desk or walk-in) counts on the local day it **started**, even if it ended after
  midnight. Each helper of a visit is credited with the visit and its full minutes (two helpers
  on a 20-minute visit give 20 minutes each). A role group counts a visit once, with the visit's
  minutes, however many of its members took part.
- A rating counts on the day it was given; "satisfied" uses the scale it was given on.

The database does the per-row work (``kiosk.services.summary_sql``): it counts, sums and ranks,
and hands over a few hundred rows for a month. The medians and the 90th percentile are picked
by rank (``time_ranks``), so they are exact on every engine.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from kiosk.domain.enums import HelperKind, HelperRole, RoleGroup, TicketStatus, role_group
from kiosk.domain.ratings import is_satisfied
from kiosk.domain.summary import hourly_counts, median_ranks, nearest_rank

# Walk-ins at the desk itself (no ticket, no village point) are listed under this place key.
DESK_PLACE = ""
P90 = 0.9


class TicketCount(NamedTuple):
    """Tickets of one final line, procedure, priority group and fate.

    ``waits`` and ``services`` say how many of them have a waiting time (they were called) and
    a service time (started and finished): the ranks of the time figures come from these.
    """

    line: str
    procedure: str | None
    priority_group: str | None
    status: str
    tickets: int
    waits: int = 0
    services: int = 0


class VisitCount(NamedTuple):
    """How many visits of one kind: with a ticket, or a walk-in at one place."""

    has_ticket: bool
    place: str
    visits: int


class HelperWork(NamedTuple):
    """A helper's visits in a period and the sum of those visits' lengths."""

    helper_id: int
    visits: int
    seconds: float


class GroupWork(NamedTuple):
    """A role group's visits (each once) and the sum of those visits' lengths."""

    group: str
    visits: int
    seconds: float


@dataclass(frozen=True, slots=True)
class VisitFacts:
    """What a summary needs of a period's visits."""

    counts: Sequence[VisitCount]
    helpers: Sequence[HelperWork]
    groups: Sequence[GroupWork]
    # Visits per outcome: a visit records each outcome once, so the database counts them.
    outcomes: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class HelperFact:
    """A helper as the summary lists them (their current role decides the group)."""

    id: int
    name: str
    kind: str
    role: str

    @property
    def group(self) -> RoleGroup:
        """The role group of this helper."""
        try:
            return role_group(HelperKind(self.kind), HelperRole(self.role))
        except ValueError:
            # A role written by a newer version: count the work rather than fail the report.
            return RoleGroup.OTHER_VOLUNTEERS


def role_groups_by_kind() -> dict[tuple[HelperKind, RoleGroup], tuple[HelperRole, ...]]:
    """Every known (kind, role) pair sorted into its role group, for the database to use.

    A pair not listed (a role written by a newer version) belongs to ``OTHER_VOLUNTEERS``, as
    ``HelperFact.group`` says.
    """
    pairs: defaultdict[tuple[HelperKind, RoleGroup], list[HelperRole]] = defaultdict(list)
    for kind in HelperKind:
        for role in HelperRole:
            pairs[kind, role_group(kind, role)].append(role)
    return {key: tuple(roles) for key, roles in pairs.items()}


class RatingFact(NamedTuple):
    """How many ratings of one level and reason, on one scale."""

    scale: int
    level: int
    reason: str | None
    given: int


@dataclass(frozen=True, slots=True)
class TimeRanks:
    """The ranks (1-based, ascending) whose values give the time figures of a period."""

    waits: int
    services: int

    @property
    def wait_ranks(self) -> tuple[int, int, int]:
        """The median's two ranks and the 90th percentile's; zeros when nobody waited."""
        if not self.waits:
            return 0, 0, 0
        return (*median_ranks(self.waits), nearest_rank(self.waits, P90))

    @property
    def service_ranks(self) -> tuple[int, int]:
        """The median's two ranks; zeros when nobody was served with a time."""
        return median_ranks(self.services) if self.services else (0, 0)


def time_ranks(counts: Iterable[TicketCount]) -> TimeRanks:
    """How many served tickets have each time: only served tickets count (see the rules)."""
    served = [c for c in counts if c.status == TicketStatus.DONE]
    return TimeRanks(sum(c.waits for c in served), sum(c.services for c in served))


class ServedTimes(NamedTuple):
    """The time figures of a period in minutes; None when no served ticket has the time."""

    wait_median_min: float | None
    wait_p90_min: float | None
    service_median_min: float | None


def served_times(
    ranks: TimeRanks, waits_at: Mapping[int, float], services_at: Mapping[int, float]
) -> ServedTimes:
    """The time figures from the values at ``ranks`` (seconds by rank, as the database sorted).

    Clamping after ranking is exact: ``max(0, x)`` never changes the order of values.
    """
    wait_low, wait_high, wait_p90 = ranks.wait_ranks
    service_low, service_high = ranks.service_ranks
    if not ranks.waits:
        wait_median = p90 = None
    else:
        wait_median = (_minutes(waits_at[wait_low]) + _minutes(waits_at[wait_high])) / 2
        p90 = _minutes(waits_at[wait_p90])
    service_median = None
    if ranks.services:
        low, high = services_at[service_low], services_at[service_high]
        service_median = (_minutes(low) + _minutes(high)) / 2
    return ServedTimes(wait_median, p90, service_median)


NO_TIMES = ServedTimes(None, None, None)


@dataclass(frozen=True, slots=True)
class Work:
    """Visits and minutes credited to a helper or a role group."""

    visits: int = 0
    minutes: float = 0.0


@dataclass(frozen=True, slots=True)
class TicketTally:
    """Ticket counts and time figures of one period."""

    statuses: Mapping[str, int]
    by_line: Mapping[str, Mapping[str, int]]
    by_procedure: Mapping[str, Mapping[str, int]]
    priority_served: Mapping[str, int]
    times: ServedTimes
    hourly: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class VisitTally:
    """Visit counts of one period."""

    visits: int
    walk_ins: Mapping[str, int]
    helpers: Mapping[int, Work]
    groups: Mapping[RoleGroup, Work]
    outcomes: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class RatingTally:
    """Rating counts of one period."""

    levels: Mapping[tuple[int, int], int]
    reasons: Mapping[str, int]
    satisfied: int

    @property
    def count(self) -> int:
        """How many ratings were given."""
        return sum(self.levels.values())


@dataclass(frozen=True, slots=True)
class PeriodTally:
    """Everything counted for one period."""

    tickets: TicketTally
    visits: VisitTally
    ratings: RatingTally


def _minutes(seconds: float) -> float:
    # A clock set back never gives a negative time.
    return max(0.0, seconds) / 60


def tally_tickets(
    counts: Iterable[TicketCount],
    times: ServedTimes,
    issued: Mapping[datetime, int],
    tz: ZoneInfo,
) -> TicketTally:
    """Split ticket counts by status, line, procedure and priority group.

    Args:
        counts: The period's tickets, counted per line, procedure, priority group and status.
        times: The period's time figures (``served_times``).
        issued: Tickets issued per UTC hour (aware datetimes at the start of each hour).
        tz: The commune's time zone.
    """
    statuses: Counter[str] = Counter()
    by_line: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_procedure: defaultdict[str, Counter[str]] = defaultdict(Counter)
    priority: Counter[str] = Counter()
    for count in counts:
        statuses[count.status] += count.tickets
        by_line[count.line][count.status] += count.tickets
        by_procedure[count.procedure or ""][count.status] += count.tickets
        if count.priority_group and count.status == TicketStatus.DONE:
            priority[count.priority_group] += count.tickets
    return TicketTally(
        statuses=dict(statuses),
        by_line={k: dict(v) for k, v in by_line.items()},
        by_procedure={k: dict(v) for k, v in by_procedure.items()},
        priority_served=dict(priority),
        times=times,
        hourly=hourly_counts(issued, tz),
    )


def tally_visits(visits: VisitFacts) -> VisitTally:
    """Count visits and walk-ins by place; work per helper and per role group in minutes."""
    walk_ins: Counter[str] = Counter()
    for has_ticket, place, count in visits.counts:
        if not has_ticket:
            walk_ins[place] += count
    return VisitTally(
        sum(c.visits for c in visits.counts),
        dict(walk_ins),
        {w.helper_id: Work(w.visits, _minutes(w.seconds)) for w in visits.helpers},
        {RoleGroup(w.group): Work(w.visits, _minutes(w.seconds)) for w in visits.groups},
        dict(visits.outcomes),
    )


def tally_ratings(ratings: Iterable[RatingFact]) -> RatingTally:
    """Count ratings by (scale, level), reasons, and those satisfied or better."""
    levels: Counter[tuple[int, int]] = Counter()
    reasons: Counter[str] = Counter()
    satisfied = 0
    for scale, level, reason, count in ratings:
        levels[scale, level] += count
        if reason:
            reasons[reason] += count
        if is_satisfied(scale, level):
            satisfied += count
    return RatingTally(dict(levels), dict(reasons), satisfied)
