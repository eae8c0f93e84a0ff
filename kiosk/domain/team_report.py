"""Counting rules of the team's report: calendar periods, and the facts of a period tallied.

The rules, which the report's notes repeat:

- Help at the desk counts when a team member took part: a volunteer, or a staff member whose
  role is the digital team. Every record made at a village point counts, and so does a desk
  walk-in recorded for a village place.
- VNeID accounts activated, dossiers submitted online and online payments count records and
  visits with an outcome that counts towards them (``Measure``); at the desk, "VNeID checked or
  activated" counts as activated, because the desk does not tell the two apart.
- Team members active: everyone credited on the team's help, or present at a help session.
- Share of dossiers submitted online with help: of the dossiers the product knows of, those
  submitted online with help (at the desk by anyone, or at a village point), over those plus
  the paper dossiers received at the desk. Dossiers citizens file online on their own never
  reach the product, so they are not in the count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from kiosk.domain.enums import HelperKind, HelperRole, Outcome
from kiosk.domain.errors import ValidationError
from kiosk.domain.summary import share
from kiosk.domain.village import Measure

ROMAN_QUARTERS = ("I", "II", "III", "IV")

# Desk outcomes that count towards a team figure.
DESK_MEASURES: dict[str, Measure] = {
    Outcome.VNEID_CHECKED.value: Measure.VNEID_ACTIVATED,
    Outcome.SUBMITTED_ONLINE.value: Measure.SUBMITTED_ONLINE,
    Outcome.PAID_ONLINE.value: Measure.PAID_ONLINE,
}


class PeriodKind(StrEnum):
    """The calendar periods a team reports on."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """A calendar month, quarter or year; ``number`` is the month (1-12) or quarter (1-4)."""

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        top = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}[self.kind]
        if not 1 <= self.number <= top or not 2000 <= self.year <= 2999:
            raise ValidationError("There is no such period: {period}.", period=self.code)

    @property
    def first(self) -> date:
        """The first day."""
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.number, 1)
        if self.kind is PeriodKind.QUARTER:
            return date(self.year, 3 * self.number - 2, 1)
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        """The last day."""
        return self.next().first - timedelta(days=1)

    def next(self) -> ReportPeriod:
        """The period right after this one."""
        if self.kind is PeriodKind.YEAR:
            return ReportPeriod(self.kind, self.year + 1)
        top = 12 if self.kind is PeriodKind.MONTH else 4
        if self.number == top:
            return ReportPeriod(self.kind, self.year + 1, 1)
        return ReportPeriod(self.kind, self.year, self.number + 1)

    def previous(self) -> ReportPeriod:
        """The period right before: the previous month, quarter or year."""
        if self.kind is PeriodKind.YEAR:
            return ReportPeriod(self.kind, self.year - 1)
        top = 12 if self.kind is PeriodKind.MONTH else 4
        if self.number == 1:
            return ReportPeriod(self.kind, self.year - 1, top)
        return ReportPeriod(self.kind, self.year, self.number - 1)

    @property
    def code(self) -> str:
        """``2026-11``, ``2026-Q4`` or ``2026``, as the command line writes it."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    def label_vi(self) -> str:
        """``tháng 11/2026``, ``quý IV/2026`` or ``năm 2026``."""
        if self.kind is PeriodKind.MONTH:
            return f"tháng {self.number:02d}/{self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {ROMAN_QUARTERS[self.number - 1]}/{self.year}"
        return f"năm {self.year}"


def parse_period(*, month: str | None, quarter: str | None, year: str | None) -> ReportPeriod:
    """The period of ``--month 2026-11``, ``--quarter 2026-Q4`` or ``--year 2026`` (one of)."""
    given = [v for v in (month, quarter, year) if v is not None]
    if len(given) != 1:
        raise ValidationError("Give exactly one of --month, --quarter and --year.")
    text = given[0].strip().upper()
    try:
        if month is not None:
            y, m = text.split("-")
            return ReportPeriod(PeriodKind.MONTH, int(y), int(m))
        if quarter is not None:
            y, q = text.split("-Q")
            return ReportPeriod(PeriodKind.QUARTER, int(y), int(q))
        return ReportPeriod(PeriodKind.YEAR, int(text))
    except ValueError:
        examples = {"month": "2026-11", "quarter": "2026-Q4", "year": "2026"}
        kind = "month" if month is not None else "quarter" if quarter is not None else "year"
        raise ValidationError(
            "Expected a {kind} such as {example}, got {text}.",
            kind=kind,
            example=examples[kind],
            text=given[0],
        ) from None


def is_team_member(kind: str, role: str) -> bool:
    """Volunteers, and staff in the digital team, are the team (FACTS.md §2.6)."""
    return kind == HelperKind.VOLUNTEER.value or role == HelperRole.DIGITAL_TEAM.value


class DeskFact(NamedTuple):
    """A visit at the desk (ticket or walk-in): its outcomes and helpers."""

    outcomes: frozenset[str]
    helper_ids: tuple[int, ...]


class VillageFact(NamedTuple):
    """Help at a village point: a village record, or a desk walk-in recorded for a village."""

    place: str
    need: str  # "" for a desk walk-in, which records no need
    outcomes: frozenset[str]
    measures: frozenset[Measure]
    helper_ids: tuple[int, ...]
    age_band: str  # "" when not recorded
    sex: str


class SessionFact(NamedTuple):
    """A help session: where, and who was present."""

    place: str
    member_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TeamTally:
    """Everything the team report counts for one period."""

    desk_helped: int
    village_helped: Mapping[str, int]
    sessions: Mapping[str, int]
    desk_measures: Mapping[Measure, int]
    village_measures: Mapping[Measure, int]
    place_measures: Mapping[str, Mapping[Measure, int]]
    needs: Mapping[str, int]
    village_outcomes: Mapping[str, int]
    desk_outcomes: Mapping[str, int]
    age_bands: Mapping[str, int]
    sexes: Mapping[str, int]
    members: frozenset[int]
    members_by_role: Mapping[str, int]
    online_with_help: int
    paper_at_desk: int

    @property
    def helped(self) -> int:
        """People helped, desk and villages together."""
        return self.desk_helped + sum(self.village_helped.values())

    def measure(self, measure: Measure) -> int:
        """A figure for desk and villages together."""
        return self.desk_measures.get(measure, 0) + self.village_measures.get(measure, 0)

    @property
    def online_share(self) -> float | None:
        """Dossiers submitted online with help over all dossiers the product knows of."""
        return share(self.online_with_help, self.online_with_help + self.paper_at_desk)


def tally_team(
    desk: Iterable[DeskFact],
    villages: Iterable[VillageFact],
    sessions: Iterable[SessionFact],
    helpers: Mapping[int, tuple[str, str]],
) -> TeamTally:
    """Count a period's facts; ``helpers`` maps an id to (kind, role)."""
    team = {i for i, (kind, role) in helpers.items() if is_team_member(kind, role)}
    members: set[int] = set()
    desk_helped, online, paper = 0, 0, 0
    desk_measures: Counter[Measure] = Counter()
    desk_outcomes: Counter[str] = Counter()
    for fact in desk:
        submitted = Outcome.SUBMITTED_ONLINE.value in fact.outcomes
        online += submitted
        paper += not submitted and Outcome.DOSSIER_RECEIVED.value in fact.outcomes
        on_team = [i for i in fact.helper_ids if i in team]
        if not on_team:
            continue
        desk_helped += 1
        members.update(on_team)
        desk_outcomes.update(fact.outcomes)
        desk_measures.update(DESK_MEASURES[o] for o in fact.outcomes if o in DESK_MEASURES)
    village = _tally_villages(villages, members)
    session_count: Counter[str] = Counter()
    for session in sessions:
        session_count[session.place] += 1
        members.update(session.member_ids)
    roles = Counter(helpers[i][1] if i in helpers else "" for i in members)
    return TeamTally(
        desk_helped=desk_helped,
        village_helped=dict(village.helped),
        sessions=dict(session_count),
        desk_measures=dict(desk_measures),
        village_measures=dict(village.measures),
        place_measures={p: dict(c) for p, c in village.place_measures.items()},
        needs=dict(village.needs),
        village_outcomes=dict(village.outcomes),
        desk_outcomes=dict(desk_outcomes),
        age_bands=dict(village.age_bands),
        sexes=dict(village.sexes),
        members=frozenset(members),
        members_by_role=dict(roles),
        online_with_help=online + village.measures[Measure.SUBMITTED_ONLINE],
        paper_at_desk=paper,
    )


@dataclass
class _VillageCounts:
    helped: Counter[str]
    measures: Counter[Measure]
    place_measures: dict[str, Counter[Measure]]
    needs: Counter[str]
    outcomes: Counter[str]
    age_bands: Counter[str]
    sexes: Counter[str]


def _tally_villages(villages: Iterable[VillageFact], members: set[int]) -> _VillageCounts:
    counts = _VillageCounts(Counter(), Counter(), {}, Counter(), Counter(), Counter(), Counter())
    for fact in villages:
        counts.helped[fact.place] += 1
        counts.measures.update(fact.measures)
        counts.place_measures.setdefault(fact.place, Counter()).update(fact.measures)
        if fact.need:
            counts.needs[fact.need] += 1
        counts.outcomes.update(fact.outcomes)
        counts.age_bands[fact.age_band] += 1
        counts.sexes[fact.sex] += 1
        members.update(fact.helper_ids)
    return counts


@dataclass(frozen=True, slots=True)
class TeamReport:
    """The team report of a period against the previous one, with the labels to print it."""

    period: ReportPeriod
    current: TeamTally
    before: TeamTally
    place: str | None  # one village point only, or None for the whole commune
    places: tuple[str, ...]  # village points with help in either period, sorted
    need_labels: Mapping[str, str]
    outcome_labels: Mapping[str, str]
    commune: str
    desk_name: str
    team_name: str
    generated_at: datetime

    @property
    def previous(self) -> ReportPeriod:
        """The period compared with."""
        return self.period.previous()

    def label(self, labels: Mapping[str, str], code: str) -> str:
        """A code's label; a code the form no longer has is shown as itself."""
        return labels.get(code, code)
