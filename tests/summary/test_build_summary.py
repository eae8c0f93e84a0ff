"""The summary of a hand-checked week (tests/summary/dataset.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pytest

from kiosk.domain.summary import Figure, Period
from kiosk.domain.summary_views import DESK_PLACE_LABEL, CountRow, StatusRow, Summary, WorkRow
from kiosk.services.context import AppContext
from kiosk.services.summary import build_summary, period_for
from tests.summary.dataset import (
    MONDAY,
    SATURDAY,
    STAFF_NAME,
    TEACHER_NAME,
    TEAM_NAME,
    TUESDAY,
    WEDNESDAY,
    Helpers,
)

pytestmark = pytest.mark.usefixtures("week")


def by_key(rows: Sequence[StatusRow | CountRow | WorkRow]) -> Mapping[str, object]:
    return {row.key: row for row in rows}


def counts(rows: Sequence[CountRow]) -> dict[str, tuple[float | None, float | None]]:
    return {row.label: (row.count.current, row.count.previous) for row in rows}


def work(rows: Sequence[WorkRow]) -> dict[str, tuple[float | None, float | None]]:
    return {row.label: (row.visits.current, row.minutes.current) for row in rows}


@pytest.fixture
def monday(ctx: AppContext) -> Summary:
    return build_summary(ctx, Period.day(MONDAY))


def test_monday_is_compared_with_saturday_because_sunday_is_closed(monday: Summary) -> None:
    assert monday.previous_period == Period.day(SATURDAY)


def test_summary_counts_tickets_by_what_became_of_them(monday: Summary) -> None:
    t = monday.tickets.totals
    assert t.issued == Figure(7, 2)
    assert t.served == Figure(4, 1)
    assert t.no_show == Figure(1, 1)
    assert t.not_served_at_closing == Figure(1, 0)
    assert t.cancelled == Figure(1, 0)
    assert t.still_open == Figure(0, 0)


def test_summary_counts_a_transferred_ticket_once_under_its_final_line(monday: Summary) -> None:
    lines = by_key(monday.tickets.by_line)
    assert set(lines) == {"A", "B", "D", "E"}
    a, e = lines["A"], lines["E"]
    assert isinstance(a, StatusRow) and isinstance(e, StatusRow)
    assert (a.issued.current, a.served.current, a.no_show.current) == (2, 1, 1)
    assert (e.issued.current, e.served.current) == (2, 2)
    assert sum(row.issued.current or 0 for row in monday.tickets.by_line) == 7


def test_summary_counts_tickets_by_their_final_procedure(monday: Summary) -> None:
    procedures = {row.key: row.issued.current for row in monday.tickets.by_procedure}
    assert procedures == {
        "": 3,
        "khai-sinh": 1,
        "chung-thuc-ban-sao": 1,
        "kich-hoat-vneid": 2,
    }


def test_summary_waiting_times_are_the_median_and_nearest_rank_p90(monday: Summary) -> None:
    # Served waits: 10, 30, 5, 30 -> median 20, p90 rank 4 = 30; Saturday: one wait of 4.
    assert monday.tickets.wait_median_min == Figure(20, 4)
    assert monday.tickets.wait_p90_min == Figure(30, 4)
    # Service: 18, 10, 30, 10 -> median 14; Saturday 6.
    assert monday.tickets.service_median_min == Figure(14, 6)


def test_summary_counts_tickets_per_hour_of_issue(monday: Summary) -> None:
    assert monday.tickets.hourly[9] == 5 and monday.tickets.hourly[10] == 2
    assert sum(monday.tickets.hourly) == 7
    assert monday.tickets.hourly_previous[8] == 2


def test_summary_counts_priority_groups_served(monday: Summary) -> None:
    assert counts(monday.tickets.priority_served) == {"Người cao tuổi (từ 60 tuổi)": (1, 0)}


def test_each_helper_gets_the_full_minutes_of_every_visit_they_were_part_of(
    monday: Summary,
) -> None:
    assert work(monday.visits.helpers) == {
        TEAM_NAME: (4, 120),  # E001 30, A002 10, thôn 1 20, thôn 2 60 (past midnight)
        STAFF_NAME: (3, 38),  # A001 18, B001 10, desk walk-in 10
        TEACHER_NAME: (2, 38),  # A001 18 beside the staff member, thôn 1 20
    }
    first = monday.visits.helpers[0]
    assert first.detail == "Tổ công nghệ số cộng đồng"
    assert first.visits == Figure(4, 1) and first.minutes == Figure(120, 15)


def test_role_groups_count_each_visit_once(monday: Summary) -> None:
    assert work(monday.visits.role_groups) == {
        "Cán bộ, công chức": (3, 38),
        "Tổ công nghệ số cộng đồng": (4, 120),
        "Tình nguyện viên khác": (2, 38),
    }


def test_summary_counts_outcomes_of_desk_visits_and_walk_ins(monday: Summary) -> None:
    outcomes = {row.key: (row.count.current, row.count.previous) for row in monday.visits.outcomes}
    assert outcomes == {
        "dossier_received": (2, 1),
        "submitted_online": (1, 0),
        "paid_online": (1, 0),
        "vneid_checked": (2, 1),
        "guided_only": (2, 0),
        "referred": (0, 0),
        "missing_papers": (0, 0),
    }


def test_walk_ins_count_by_village_point_and_at_the_desk(monday: Summary) -> None:
    assert monday.visits.visits == Figure(7, 2)
    assert monday.visits.walk_ins == Figure(3, 1)
    assert counts(monday.visits.walk_in_places) == {
        DESK_PLACE_LABEL: (1, 0),
        "Nhà văn hóa thôn 1": (1, 1),
        "Nhà văn hóa thôn 2": (1, 0),
    }


def test_a_visit_spanning_midnight_counts_on_the_day_it_started(ctx: AppContext) -> None:
    tuesday = build_summary(ctx, Period.day(TUESDAY))
    assert tuesday.visits.visits == Figure(0, 7)
    assert tuesday.visits.helpers[0].minutes == Figure(0, 120)


def test_ratings_give_the_share_satisfied_or_better(monday: Summary) -> None:
    r = monday.ratings
    assert r.scale == 3
    assert counts(r.levels) == {
        "Rất hài lòng": (2, 0),
        "Hài lòng": (1, 1),
        "Không hài lòng": (1, 0),
    }
    assert r.count == Figure(4, 1)
    assert r.satisfied_share == Figure(0.75, 1.0)
    assert counts(r.reasons) == {"Thời gian chờ lâu": (1, 0)}


def test_a_day_with_only_walk_ins_has_visits_but_no_ticket_figures(ctx: AppContext) -> None:
    wednesday = build_summary(ctx, Period.day(WEDNESDAY))
    assert wednesday.previous_period == Period.day(TUESDAY)
    assert wednesday.tickets.totals.issued == Figure(0, 0)
    assert wednesday.tickets.by_line == ()
    assert wednesday.tickets.wait_median_min == Figure(None, None)
    assert wednesday.visits.visits == Figure(1, 0)
    assert counts(wednesday.visits.walk_in_places) == {"Nhà văn hóa thôn 3": (1, 0)}
    assert work(wednesday.visits.helpers) == {TEACHER_NAME: (1, 30)}
    assert wednesday.ratings.satisfied_share == Figure(None, None)


def test_an_empty_day_has_zero_counts_and_no_times(ctx: AppContext) -> None:
    empty = build_summary(ctx, Period.day(date(2026, 12, 2)))
    assert empty.tickets.totals.issued == Figure(0, 0)
    assert empty.tickets.wait_p90_min == Figure(None, None)
    assert empty.visits.visits == Figure(0, 0)
    assert empty.visits.helpers == ()
    assert all(row.visits == Figure(0, 0) for row in empty.visits.role_groups)
    assert empty.ratings.count == Figure(0, 0)
    assert sum(empty.tickets.hourly) == 0


def test_a_longer_period_is_compared_with_as_many_days_before(ctx: AppContext) -> None:
    week = build_summary(ctx, Period(MONDAY, date(2026, 11, 29)))
    assert week.previous_period == Period(date(2026, 11, 16), date(2026, 11, 22))
    # Saturday's 2 tickets and Sunday's 1 are in the week before.
    assert week.tickets.totals.issued == Figure(7, 3)
    assert week.visits.visits == Figure(8, 2)


def test_the_default_period_is_today(ctx: AppContext, week: Helpers) -> None:
    assert period_for(ctx) == Period.day(WEDNESDAY)  # the clock was left on Wednesday
    assert period_for(ctx, first=MONDAY) == Period(MONDAY, WEDNESDAY)
    assert period_for(ctx, day=SATURDAY) == Period.day(SATURDAY)
