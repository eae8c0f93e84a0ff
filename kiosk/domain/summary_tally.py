"""Counting rules of a summary: raw facts of one period in, a frozen ``PeriodTally`` out.

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

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.domain.enums import HelperKind, HelperRole, RoleGroup, TicketStatus, role_group
from kiosk.domain.ratings import is_satisfied
from kiosk.domain.summary import hourly_counts, minutes_between

# Walk-ins at the desk itself (no ticket, no village point) are listed under this place key.
DESK_PLACE = ""


@dataclass(frozen=True, slots=True)
class TicketFact:
    """What a summary needs of one ticket."""

    line: str
    procedure: str | None
    priority_group: str | None
    status: str
    issued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class VisitFact:
    """What a summary needs of one visit."""

    has_ticket: bool
    place: str
    started_at: datetime
    ended_at: datetime
    helper_ids: tuple[int, ...]
    outcomes: tuple[str, ...]


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


@dataclass(frozen=True, slots=True)
class RatingFact:
    """One rating: its scale, level and reason."""

    scale: int
    level: int
    reason: str | None


@dataclass(frozen=True, slots=True)
class Work:
    """Visits and minutes credited to a helper or a role group."""

    visits: int = 0
    minutes: float = 0.0

    def plus(self, minutes: float) -> Work:
        """This work with one more visit of ``minutes``."""
        return Work(self.visits + 1, self.minutes + minutes)


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


def tally_tickets(tickets: Iterable[TicketFact], tz: ZoneInfo) -> TicketTally:
    """Count tickets by status, line, procedure and priority group; collect their times."""
    statuses: Counter[str] = Counter()
    by_line: dict[str, Counter[str]] = {}
    by_procedure: dict[str, Counter[str]] = {}
    priority: Counter[str] = Counter()
    waits: list[float] = []
    services: list[float] = []
    hours: list[int] = []
    for t in tickets:
        statuses[t.status] += 1
        by_line.setdefault(t.line, Counter())[t.status] += 1
        by_procedure.setdefault(t.procedure or "", Counter())[t.status] += 1
        hours.append(t.issued_at.astimezone(tz).hour)
        if t.status != TicketStatus.DONE:
            continue
        if t.priority_group:
            priority[t.priority_group] += 1
        if t.called_at is not None:
            waits.append(minutes_between(t.issued_at, t.called_at))
        if t.started_at is not None and t.finished_at is not None:
            services.append(minutes_between(t.started_at, t.finished_at))
    return TicketTally(
        statuses=dict(statuses),
        by_line={k: dict(v) for k, v in by_line.items()},
        by_procedure={k: dict(v) for k, v in by_procedure.items()},
        priority_served=dict(priority),
        wait_minutes=tuple(sorted(waits)),
        service_minutes=tuple(sorted(services)),
        hourly=hourly_counts(hours),
    )


def tally_visits(visits: Iterable[VisitFact], helpers: Mapping[int, HelperFact]) -> VisitTally:
    """Count visits, walk-ins by place, work per helper and per role group, and outcomes."""
    count = 0
    walk_ins: Counter[str] = Counter()
    work: dict[int, Work] = {}
    groups: dict[RoleGroup, Work] = {}
    outcomes: Counter[str] = Counter()
    for visit in visits:
        count += 1
        minutes = minutes_between(visit.started_at, visit.ended_at)
        if not visit.has_ticket:
            walk_ins[visit.place] += 1
        for helper_id in visit.helper_ids:
            work[helper_id] = work.get(helper_id, Work()).plus(minutes)
        seen = {helpers[h].group for h in visit.helper_ids if h in helpers}
        for group in seen:
            groups[group] = groups.get(group, Work()).plus(minutes)
        outcomes.update(visit.outcomes)
    return VisitTally(count, dict(walk_ins), work, groups, dict(outcomes))


def tally_ratings(ratings: Iterable[RatingFact]) -> RatingTally:
    """Count ratings by (scale, level), reasons, and those satisfied or better."""
    levels: Counter[tuple[int, int]] = Counter()
    reasons: Counter[str] = Counter()
    satisfied = 0
    for rating in ratings:
        levels[rating.scale, rating.level] += 1
        if rating.reason:
            reasons[rating.reason] += 1
        satisfied += is_satisfied(rating.scale, rating.level)
    return RatingTally(dict(levels), dict(reasons), satisfied)


def tally_period(
    tickets: Sequence[TicketFact],
    visits: Sequence[VisitFact],
    ratings: Sequence[RatingFact],
    helpers: Mapping[int, HelperFact],
    tz: ZoneInfo,
) -> PeriodTally:
    """Tally a whole period."""
    return PeriodTally(
        tally_tickets(tickets, tz), tally_visits(visits, helpers), tally_ratings(ratings)
    )
