"""Counting rules on hand-made counts, without a database (the database side: test_summary_sql)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.enums import HelperKind, HelperRole, RoleGroup, TicketStatus
from kiosk.domain.summary import median, percentile
from kiosk.domain.summary_tally import (
    DESK_PLACE,
    NO_TIMES,
    GroupWork,
    HelperFact,
    HelperWork,
    RatingFact,
    ServedTimes,
    TicketCount,
    TimeRanks,
    VisitCount,
    VisitFacts,
    Work,
    role_groups_by_kind,
    served_times,
    tally_ratings,
    tally_tickets,
    tally_visits,
    time_ranks,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NINE_AM = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam


def count(
    status: TicketStatus, tickets: int = 1, *, waits: int = 0, services: int = 0
) -> TicketCount:
    return TicketCount("A", None, None, status, tickets, waits, services)


def at_ranks(values: list[float], ranks: tuple[int, ...]) -> dict[int, float]:
    """What the database hands back: the sorted values at the ranks asked for (1-based)."""
    ordered = sorted(values)
    return {rank: ordered[rank - 1] for rank in ranks if rank}


def test_waiting_and_service_times_come_from_served_tickets_only() -> None:
    ranks = time_ranks(
        [
            count(TicketStatus.DONE, 1, waits=1, services=1),
            count(TicketStatus.NO_SHOW, 1, waits=1),
            count(TicketStatus.SERVING, 1, waits=1, services=1),
        ]
    )
    assert ranks == TimeRanks(waits=1, services=1)


@pytest.mark.parametrize("waits", [[10], [5, 10, 30, 30], [30, 5, 10], list(range(1, 21))])
def test_time_figures_picked_by_rank_equal_the_median_and_nearest_rank_p90(
    waits: list[float],
) -> None:
    ranks = TimeRanks(waits=len(waits), services=len(waits))
    seconds = [w * 60 for w in waits]
    times = served_times(
        ranks, at_ranks(seconds, ranks.wait_ranks), at_ranks(seconds, ranks.service_ranks)
    )
    assert times == ServedTimes(median(waits), percentile(waits, 0.9), median(waits))


def test_no_served_ticket_gives_no_time_figures() -> None:
    assert time_ranks([count(TicketStatus.NO_SHOW, 3, waits=3)]) == TimeRanks(0, 0)
    assert served_times(TimeRanks(0, 0), {}, {}) == NO_TIMES


def test_tickets_count_per_local_hour_of_issue() -> None:
    issued = {NINE_AM: 3, NINE_AM + timedelta(hours=1): 1, NINE_AM - timedelta(hours=9): 2}
    tally = tally_tickets([], NO_TIMES, issued, VN)
    assert tally.hourly[9] == 3 and tally.hourly[10] == 1 and tally.hourly[0] == 2
    assert sum(tally.hourly) == 6


def test_tickets_count_by_status_line_procedure_and_priority_group_served() -> None:
    tally = tally_tickets(
        [
            TicketCount("A", "khai-sinh", "elderly", TicketStatus.DONE, 2),
            TicketCount("A", None, "elderly", TicketStatus.NO_SHOW, 1),
            TicketCount("E", "khai-sinh", None, TicketStatus.DONE, 3),
        ],
        NO_TIMES,
        {},
        VN,
    )
    assert tally.statuses == {"done": 5, "no_show": 1}
    assert tally.by_line == {"A": {"done": 2, "no_show": 1}, "E": {"done": 3}}
    assert tally.by_procedure == {"khai-sinh": {"done": 5}, "": {"no_show": 1}}
    assert tally.priority_served == {"elderly": 2}


def test_a_clock_set_back_never_gives_a_negative_time() -> None:
    ranks = TimeRanks(waits=1, services=1)
    times = served_times(ranks, {1: -180.0}, {1: 240.0})
    assert times.wait_median_min == 0 and times.wait_p90_min == 0
    assert times.service_median_min == 4


def test_each_helper_gets_the_full_minutes_of_a_visit_with_several_helpers() -> None:
    # Visits of 20 minutes (helpers 1, 2, 3) and 10 minutes (helper 1), summed per helper.
    facts = VisitFacts(
        [VisitCount(True, DESK_PLACE, 2)],
        [HelperWork(1, 2, 1800), HelperWork(2, 1, 1200), HelperWork(3, 1, 1200)],
        [],
        {},
    )
    tally = tally_visits(facts)
    assert tally.helpers[1] == Work(2, 30)
    assert tally.helpers[2] == Work(1, 20)
    assert tally.helpers[3] == Work(1, 20)


def test_role_groups_take_their_visits_and_minutes_as_counted() -> None:
    facts = VisitFacts(
        [], [], [GroupWork("other_volunteers", 1, 1200), GroupWork("digital_team", 1, 900)], {}
    )
    tally = tally_visits(facts)
    assert tally.groups[RoleGroup.OTHER_VOLUNTEERS] == Work(1, 20)
    assert tally.groups[RoleGroup.DIGITAL_TEAM] == Work(1, 15)
    assert RoleGroup.STAFF not in tally.groups


def test_walk_ins_count_by_place_and_ticket_visits_do_not() -> None:
    counts = [
        VisitCount(True, DESK_PLACE, 5),
        VisitCount(False, "Thôn 1", 2),
        VisitCount(False, DESK_PLACE, 1),
    ]
    tally = tally_visits(VisitFacts(counts, [], [], {"guided_only": 3}))
    assert tally.visits == 8 and tally.outcomes == {"guided_only": 3}
    assert tally.walk_ins == {"Thôn 1": 2, DESK_PLACE: 1}


def test_the_database_table_of_role_groups_agrees_with_each_helpers_group() -> None:
    table = role_groups_by_kind()
    for kind in HelperKind:
        for role in HelperRole:
            listed = [group for (k, group), roles in table.items() if k is kind and role in roles]
            assert listed == [HelperFact(1, "", kind, role).group]


def test_a_helper_with_an_unknown_role_counts_as_another_volunteer() -> None:
    assert HelperFact(9, "Mới", "volunteer", "role_from_a_newer_version").group == (
        RoleGroup.OTHER_VOLUNTEERS
    )
    assert HelperFact(9, "Mới", "staff", "role_from_a_newer_version").group == (
        RoleGroup.OTHER_VOLUNTEERS
    )


def test_satisfied_share_uses_the_scale_each_rating_was_given_on() -> None:
    tally = tally_ratings(
        [
            RatingFact(3, 3, None, 2),  # Rất hài lòng: satisfied
            RatingFact(3, 1, "attitude", 1),  # Không hài lòng
            RatingFact(5, 4, None, 1),  # Hài lòng on five levels: satisfied
            RatingFact(5, 3, None, 1),  # Bình thường: not satisfied
        ]
    )
    assert tally.count == 5
    assert tally.satisfied == 3
    assert tally.reasons == {"attitude": 1}
    assert tally.levels[(5, 3)] == 1
