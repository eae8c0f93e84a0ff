"""Counting rules of a summary: the facts of one period in, a frozen ``PeriodTally`` out.

The rules, which the PDF's notes repeat:

- A ticket counts on its service day (the local day it was issued), once, under its **final**
  line and procedure: a transferred ticket is one ticket on the line that finished it.
- Waiting time is from issue to the (last) call, for served tickets only; service time is from
  the start of service to its end. A recall moves the call time, so a visitor recalled after
  stepping out waits until the call that brought them.
- A visit (desk or walk-in) counts on the local day it **started**, even if it ended after
  midnight. Each helper of a visit is credited with the visit and its full minutes (two helpers
  on a 20-minute visit give 20 minutes each). A role group counts a visit once, with the visit's
  minutes, however many of its members took part.
- A rating counts on the day it was given; "satisfied" uses the scale it was given on.
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
from kiosk.domain.summary import hourly_counts

# Walk-ins at the desk itself (no ticket, no village point) are listed under this place key.
DESK_PLACE = ""


# The facts are NamedTuples rather than frozen dataclasses: a month holds tens of thousands,
# built straight from result rows, and tuples are several times cheaper to make.


class TicketFact(NamedTuple):
    """What a summary needs of one ticket: its final line and procedure, its fate and times."""

    line: str
    procedure: str | None
    priority_group: str | None
    status: str
    wait_s: float | None  # issue to last call
    service_s: float | None  # start to end of service


class VisitCount(NamedTuple):
    """How many visits of one kind: with a ticket, or a walk-in at one place."""

    has_ticket: bool
    place: str
    visits: int


class HelperShare(NamedTuple):
    """One helper's part in one visit, with the visit's length."""

    visit_id: int
    helper_id: int
    duration_s: float


@dataclass(frozen=True, slots=True)
class VisitFacts:
    """What a summary needs of a period's visits."""

    counts: Sequence[VisitCount]
    shares: Sequence[HelperShare]
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


class RatingFact(NamedTuple):
    """How many ratings of one level and reason, on one scale."""

    scale: int
    level: int
    reason: str | None
    given: int


@dataclass(frozen=True, slots=True)
class Work:
    """Visits and minutes credited to a helper or a role group."""

    visits: int = 0
    minutes: float = 0.0


@dataclass(frozen=True, slots=True)
class TicketTally:
    """Ticket counts of one period."""

    statuses: Mapping[str, int]
    by_line: Mapping[str, Mapping[str, int]]
    by_procedure: Mapping[str, Mapping[str, int]]
    priority_served: Mapping[str, int]
    wait_minutes: tuple[float, ...]
    service_minutes: tuple[float, ...]
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
    tickets: Sequence[TicketFact], issued: Mapping[datetime, int], tz: ZoneInfo
) -> TicketTally:
    """Count tickets by status, line, procedure and priority group; collect their times.

    Args:
        tickets: The period's tickets.
        issued: Tickets issued per UTC hour (aware datetimes at the start of each hour).
        tz: The commune's time zone.
    """
    # Count whole keys first (in C), then split them: a day has 800 tickets but few keys.
    keys = Counter((t.line, t.procedure or "", t.priority_group, t.status) for t in tickets)
    statuses: Counter[str] = Counter()
    by_line: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_procedure: defaultdict[str, Counter[str]] = defaultdict(Counter)
    priority: Counter[str] = Counter()
    for (line, procedure, group, status), count in keys.items():
        statuses[status] += count
        by_line[line][status] += count
        by_procedure[procedure][status] += count
        if group and status == TicketStatus.DONE:
            priority[group] += count
    served = [t for t in tickets if t.status == TicketStatus.DONE]
    return TicketTally(
        statuses=dict(statuses),
        by_line={k: dict(v) for k, v in by_line.items()},
        by_procedure={k: dict(v) for k, v in by_procedure.items()},
        priority_served=dict(priority),
        wait_minutes=tuple(sorted(_minutes(t.wait_s) for t in served if t.wait_s is not None)),
        service_minutes=tuple(
            sorted(_minutes(t.service_s) for t in served if t.service_s is not None)
        ),
        hourly=hourly_counts(issued, tz),
    )


def tally_visits(visits: VisitFacts, helpers: Mapping[int, HelperFact]) -> VisitTally:
    """Count visits, walk-ins by place, and work per helper and per role group."""
    walk_ins: Counter[str] = Counter()
    for has_ticket, place, count in visits.counts:
        if not has_ticket:
            walk_ins[place] += count
    group_of = {helper.id: helper.group for helper in helpers.values()}
    helper_minutes: defaultdict[int, float] = defaultdict(float)
    group_visits: Counter[RoleGroup] = Counter()
    group_minutes: defaultdict[RoleGroup, float] = defaultdict(float)
    credited: set[tuple[int, RoleGroup]] = set()
    for visit_id, helper_id, duration_s in visits.shares:
        minutes = _minutes(duration_s)
        helper_minutes[helper_id] += minutes
        group = group_of.get(helper_id, RoleGroup.OTHER_VOLUNTEERS)
        if (visit_id, group) not in credited:  # a group counts a visit once
            credited.add((visit_id, group))
            group_visits[group] += 1
            group_minutes[group] += minutes
    helper_visits = Counter(share.helper_id for share in visits.shares)
    return VisitTally(
        sum(c.visits for c in visits.counts),
        dict(walk_ins),
        {h: Work(n, helper_minutes[h]) for h, n in helper_visits.items()},
        {g: Work(n, group_minutes[g]) for g, n in group_visits.items()},
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


def tally_period(
    tickets: Sequence[TicketFact],
    issued: Mapping[datetime, int],
    visits: VisitFacts,
    ratings: Sequence[RatingFact],
    helpers: Mapping[int, HelperFact],
    tz: ZoneInfo,
) -> PeriodTally:
    """Tally a whole period."""
    return PeriodTally(
        tally_tickets(tickets, issued, tz), tally_visits(visits, helpers), tally_ratings(ratings)
    )
