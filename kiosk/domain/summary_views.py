"""The frozen ``Summary`` a manager reads: every figure next to the previous period's."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.enums import (
    HELPER_ROLE_LABELS,
    OUTCOME_LABELS,
    HelperRole,
    Outcome,
    RoleGroup,
    TicketStatus,
)
from kiosk.domain.ratings import RatingReason, level_label, reason_label, scale_levels
from kiosk.domain.summary import Figure, Period, share
from kiosk.domain.summary_tally import (
    DESK_PLACE,
    HelperFact,
    PeriodTally,
    RatingTally,
    TicketTally,
    VisitTally,
    Work,
)
from kiosk.domain.views import SiteHeader

ROLE_GROUP_LABELS: dict[RoleGroup, str] = {
    RoleGroup.STAFF: "Cán bộ, công chức",
    RoleGroup.DIGITAL_TEAM: "Tổ công nghệ số cộng đồng",
    RoleGroup.OTHER_VOLUNTEERS: "Tình nguyện viên khác",
}
STATUS_LABELS: dict[TicketStatus, str] = {
    TicketStatus.WAITING: "Đang chờ",
    TicketStatus.CALLED: "Đã gọi",
    TicketStatus.SERVING: "Đang phục vụ",
    TicketStatus.DONE: "Đã phục vụ",
    TicketStatus.NO_SHOW: "Vắng mặt khi được gọi",
    TicketStatus.CANCELLED: "Đã hủy",
    TicketStatus.NOT_SERVED_AT_CLOSING: "Chưa phục vụ khi hết giờ",
}
DESK_PLACE_LABEL = "Tại bộ phận một cửa (không lấy số)"
NO_PROCEDURE_LABEL = "(chưa chọn thủ tục)"


@dataclass(frozen=True, slots=True)
class StatusRow:
    """Tickets of a line, a procedure or the whole desk, by what became of them."""

    key: str
    label: str
    issued: Figure
    served: Figure
    no_show: Figure
    not_served_at_closing: Figure
    cancelled: Figure
    still_open: Figure


@dataclass(frozen=True, slots=True)
class CountRow:
    """One counted thing: an outcome, a priority group, a village point, a rating level."""

    key: str
    label: str
    count: Figure


@dataclass(frozen=True, slots=True)
class WorkRow:
    """Visits and minutes of a helper or a role group."""

    key: str
    label: str
    detail: str
    visits: Figure
    minutes: Figure


@dataclass(frozen=True, slots=True)
class SummaryLabels:
    """Display names, in display order, for the keys a tally uses."""

    lines: Mapping[str, str]
    procedures: Mapping[str, str]
    priority_groups: Mapping[str, str]
    helpers: Mapping[int, HelperFact]


@dataclass(frozen=True, slots=True)
class TicketSection:
    """The queue: tickets by fate, line, procedure and priority group; waits; busy hours."""

    totals: StatusRow
    wait_median_min: Figure
    wait_p90_min: Figure
    service_median_min: Figure
    by_line: tuple[StatusRow, ...]
    by_procedure: tuple[StatusRow, ...]
    priority_served: tuple[CountRow, ...]
    hourly: tuple[int, ...]
    hourly_previous: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class VisitSection:
    """Help given: visits, walk-ins by place, work per helper and role group, outcomes."""

    visits: Figure
    walk_ins: Figure
    walk_in_places: tuple[CountRow, ...]
    helpers: tuple[WorkRow, ...]
    role_groups: tuple[WorkRow, ...]
    outcomes: tuple[CountRow, ...]


@dataclass(frozen=True, slots=True)
class RatingSection:
    """Satisfaction: ratings by level on the configured scale, the satisfied share, reasons."""

    scale: int
    count: Figure
    satisfied_share: Figure
    levels: tuple[CountRow, ...]
    reasons: tuple[CountRow, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """A manager's summary of a period, compared with the previous one."""

    header: SiteHeader
    period: Period
    previous_period: Period
    generated_at: datetime
    tickets: TicketSection
    visits: VisitSection
    ratings: RatingSection


def _status_row(
    key: str, label: str, now: Mapping[str, int], before: Mapping[str, int]
) -> StatusRow:
    def fig(*statuses: str) -> Figure:
        pick = statuses or tuple(set(now) | set(before))
        return Figure(sum(now.get(s, 0) for s in pick), sum(before.get(s, 0) for s in pick))

    return StatusRow(
        key,
        label,
        issued=fig(),
        served=fig(TicketStatus.DONE),
        no_show=fig(TicketStatus.NO_SHOW),
        not_served_at_closing=fig(TicketStatus.NOT_SERVED_AT_CLOSING),
        cancelled=fig(TicketStatus.CANCELLED),
        still_open=fig(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING),
    )


def _keys(order: Iterable[str], *maps: Mapping[str, object]) -> list[str]:
    """Keys present in any map: in ``order`` first, then the rest sorted."""
    present = {key for m in maps for key in m}
    ordered = [key for key in order if key in present]
    return ordered + sorted(present - set(ordered))


def _status_rows(
    now: Mapping[str, Mapping[str, int]],
    before: Mapping[str, Mapping[str, int]],
    labels: Mapping[str, str],
) -> tuple[StatusRow, ...]:
    return tuple(
        _status_row(k, labels.get(k, k), now.get(k, {}), before.get(k, {}))
        for k in _keys(labels, now, before)
    )


def _count_rows(
    keys: Iterable[str],
    now: Mapping[str, int],
    before: Mapping[str, int],
    label: Callable[[str], str],
) -> tuple[CountRow, ...]:
    return tuple(CountRow(k, label(k), Figure(now.get(k, 0), before.get(k, 0))) for k in keys)


def _work(now: Work | None, before: Work | None) -> tuple[Figure, Figure]:
    now, before = now or Work(), before or Work()
    return Figure(now.visits, before.visits), Figure(now.minutes, before.minutes)


def _role_label(role: str) -> str:
    try:
        return HELPER_ROLE_LABELS[HelperRole(role)][0]
    except ValueError:
        return role


def _helper_rows(now: VisitTally, before: VisitTally, labels: SummaryLabels) -> tuple[WorkRow, ...]:
    a, b = now.helpers, before.helpers
    facts = {h: labels.helpers.get(h, HelperFact(h, f"#{h}", "", "")) for h in set(a) | set(b)}
    rows = []
    # Busiest first, then the busiest before, then by name.
    for helper_id, fact in sorted(
        facts.items(),
        key=lambda item: (
            -a.get(item[0], Work()).visits,
            -b.get(item[0], Work()).visits,
            item[1].name,
        ),
    ):
        visits, minutes = _work(a.get(helper_id), b.get(helper_id))
        rows.append(WorkRow(str(helper_id), fact.name, _role_label(fact.role), visits, minutes))
    return tuple(rows)


def _group_rows(now: VisitTally, before: VisitTally) -> tuple[WorkRow, ...]:
    a, b = now.groups, before.groups
    return tuple(
        WorkRow(g.value, ROLE_GROUP_LABELS[g], "", *_work(a.get(g), b.get(g))) for g in RoleGroup
    )


def _rating_rows(now: RatingTally, before: RatingTally, scale: int) -> tuple[CountRow, ...]:
    a, b = now.levels, before.levels
    keys = [(scale, level.value) for level in scale_levels(scale)]
    keys += sorted((set(a) | set(b)) - set(keys), key=lambda k: (k[0], -k[1]))
    return tuple(
        CountRow(f"{s}:{v}", level_label(s, v).vi, Figure(a.get((s, v), 0), b.get((s, v), 0)))
        for s, v in keys
    )


def _place_label(key: str) -> str:
    return DESK_PLACE_LABEL if key == DESK_PLACE else key


def _outcome_label(key: str) -> str:
    try:
        return OUTCOME_LABELS[Outcome(key)][0]
    except ValueError:
        return key


def _ticket_section(now: TicketTally, before: TicketTally, labels: SummaryLabels) -> TicketSection:
    a, b = now.times, before.times
    procedures = {"": NO_PROCEDURE_LABEL, **labels.procedures}
    return TicketSection(
        totals=_status_row("all", "Tổng", now.statuses, before.statuses),
        wait_median_min=Figure(a.wait_median_min, b.wait_median_min),
        wait_p90_min=Figure(a.wait_p90_min, b.wait_p90_min),
        service_median_min=Figure(a.service_median_min, b.service_median_min),
        by_line=_status_rows(now.by_line, before.by_line, labels.lines),
        by_procedure=_status_rows(now.by_procedure, before.by_procedure, procedures),
        priority_served=_count_rows(
            _keys(labels.priority_groups, now.priority_served, before.priority_served),
            now.priority_served,
            before.priority_served,
            lambda k: labels.priority_groups.get(k, k),
        ),
        hourly=now.hourly,
        hourly_previous=before.hourly,
    )


def _visit_section(now: VisitTally, before: VisitTally, labels: SummaryLabels) -> VisitSection:
    a, b = now.walk_ins, before.walk_ins
    places = sorted(set(a) | set(b), key=lambda p: (-a.get(p, 0), p))
    return VisitSection(
        visits=Figure(now.visits, before.visits),
        walk_ins=Figure(sum(a.values()), sum(b.values())),
        walk_in_places=_count_rows(places, a, b, _place_label),
        helpers=_helper_rows(now, before, labels),
        role_groups=_group_rows(now, before),
        outcomes=_count_rows(
            [o.value for o in Outcome], now.outcomes, before.outcomes, _outcome_label
        ),
    )


def _rating_section(now: RatingTally, before: RatingTally, scale: int) -> RatingSection:
    reasons = _keys([r.value for r in RatingReason], now.reasons, before.reasons)
    return RatingSection(
        scale=scale,
        count=Figure(now.count, before.count),
        satisfied_share=Figure(
            share(now.satisfied, now.count), share(before.satisfied, before.count)
        ),
        levels=_rating_rows(now, before, scale),
        reasons=_count_rows(reasons, now.reasons, before.reasons, lambda k: reason_label(k).vi),
    )


def compare_periods(
    now: PeriodTally,
    before: PeriodTally,
    *,
    labels: SummaryLabels,
    header: SiteHeader,
    period: Period,
    previous_period: Period,
    scale: int,
    generated_at: datetime,
) -> Summary:
    """Put two tallies side by side, labelled and ordered for reading."""
    return Summary(
        header=header,
        period=period,
        previous_period=previous_period,
        generated_at=generated_at,
        tickets=_ticket_section(now.tickets, before.tickets, labels),
        visits=_visit_section(now.visits, before.visits, labels),
        ratings=_rating_section(now.ratings, before.ratings, scale),
    )
