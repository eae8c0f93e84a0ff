"""Counting rules on hand-made facts, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.domain.enums import RoleGroup, TicketStatus
from kiosk.domain.summary_tally import (
    DESK_PLACE,
    HelperFact,
    HelperShare,
    RatingFact,
    TicketFact,
    VisitCount,
    VisitFacts,
    Work,
    tally_ratings,
    tally_tickets,
    tally_visits,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NINE_AM = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam

HELPERS = {
    1: HelperFact(1, "Lan", "staff", "desk_officer"),
    2: HelperFact(2, "Minh", "volunteer", "digital_team"),
    3: HelperFact(3, "Hà", "volunteer", "teacher"),
    4: HelperFact(4, "Hùng", "volunteer", "youth_union"),
}


def ticket(
    status: TicketStatus,
    *,
    wait_min: float | None = None,
    service_min: float | None = None,
) -> TicketFact:
    return TicketFact(
        line="A",
        procedure=None,
        priority_group=None,
        status=status,
        wait_s=None if wait_min is None else wait_min * 60,
        service_s=None if service_min is None else service_min * 60,
    )


def visits(
    *spec: tuple[float, tuple[int, ...]], outcomes: dict[str, int] | None = None
) -> VisitFacts:
    """Ticket visits of (minutes, helper ids)."""
    shares = [
        HelperShare(visit_id, helper, minutes * 60)
        for visit_id, (minutes, helpers) in enumerate(spec, start=1)
        for helper in helpers
    ]
    return VisitFacts([VisitCount(True, DESK_PLACE, len(spec))], shares, outcomes or {})


def test_waiting_and_service_times_come_from_served_tickets_only() -> None:
    tally = tally_tickets(
        [
            ticket(TicketStatus.DONE, wait_min=10, service_min=18),
            ticket(TicketStatus.NO_SHOW, wait_min=50),
            ticket(TicketStatus.SERVING, wait_min=5, service_min=2),
        ],
        {},
        VN,
    )
    assert tally.wait_minutes == (10,)
    assert tally.service_minutes == (18,)


def test_tickets_count_per_local_hour_of_issue() -> None:
    issued = {NINE_AM: 3, NINE_AM + timedelta(hours=1): 1, NINE_AM - timedelta(hours=9): 2}
    tally = tally_tickets([], issued, VN)
    assert tally.hourly[9] == 3 and tally.hourly[10] == 1 and tally.hourly[0] == 2
    assert sum(tally.hourly) == 6


def test_a_clock_set_back_never_gives_a_negative_time() -> None:
    tally = tally_tickets([ticket(TicketStatus.DONE, wait_min=-3, service_min=4)], {}, VN)
    assert tally.wait_minutes == (0,)


def test_each_helper_gets_the_full_minutes_of_a_visit_with_several_helpers() -> None:
    tally = tally_visits(visits((20, (1, 2, 3)), (10, (1,))), HELPERS)
    assert tally.helpers[1] == Work(2, 30)
    assert tally.helpers[2] == Work(1, 20)
    assert tally.helpers[3] == Work(1, 20)


def test_a_role_group_counts_a_visit_once_however_many_members_helped() -> None:
    tally = tally_visits(visits((20, (3, 4)), (15, (2,))), HELPERS)
    assert tally.groups[RoleGroup.OTHER_VOLUNTEERS] == Work(1, 20)
    assert tally.groups[RoleGroup.DIGITAL_TEAM] == Work(1, 15)
    assert RoleGroup.STAFF not in tally.groups


def test_walk_ins_count_by_place_and_ticket_visits_do_not() -> None:
    counts = [
        VisitCount(True, DESK_PLACE, 5),
        VisitCount(False, "Thôn 1", 2),
        VisitCount(False, DESK_PLACE, 1),
    ]
    tally = tally_visits(VisitFacts(counts, [], {"guided_only": 3}), HELPERS)
    assert tally.visits == 8 and tally.outcomes == {"guided_only": 3}
    assert tally.walk_ins == {"Thôn 1": 2, DESK_PLACE: 1}


def test_a_helper_with_an_unknown_role_counts_as_another_volunteer() -> None:
    helpers = {9: HelperFact(9, "Mới", "volunteer", "role_from_a_newer_version")}
    tally = tally_visits(visits((10, (9,))), helpers)
    assert tally.groups == {RoleGroup.OTHER_VOLUNTEERS: Work(1, 10)}


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
