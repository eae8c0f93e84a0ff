from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.enums import PriorityMode
from kiosk.domain.priority import (
    Candidate,
    PriorityPolicy,
    choose_next,
    position_in_queue,
    priority_streak,
)

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def cand(ticket_id: int, minute: int, *, priority: bool = False) -> Candidate:
    return Candidate(ticket_id, T0 + timedelta(minutes=minute), priority)


def drain(candidates: list[Candidate], policy: PriorityPolicy) -> list[int]:
    order, streak, remaining = [], 0, list(candidates)
    while remaining:
        nxt = choose_next(remaining, policy, streak=streak)
        assert nxt is not None
        order.append(nxt.ticket_id)
        streak = streak + 1 if nxt.is_priority else 0
        remaining.remove(nxt)
    return order


def test_choose_next_with_nobody_waiting_gives_none() -> None:
    assert choose_next([], PriorityPolicy(), streak=0) is None


def test_regular_tickets_are_called_in_issue_order() -> None:
    tickets = [cand(3, 5), cand(1, 1), cand(2, 3)]
    assert drain(tickets, PriorityPolicy()) == [1, 2, 3]


def test_ties_on_issue_time_go_to_the_lower_ticket_id() -> None:
    tickets = [cand(9, 1), cand(4, 1)]
    assert drain(tickets, PriorityPolicy()) == [4, 9]


def test_strict_mode_calls_every_priority_ticket_first() -> None:
    tickets = [cand(1, 1), cand(2, 2), cand(3, 3, priority=True), cand(4, 4, priority=True)]
    policy = PriorityPolicy(PriorityMode.STRICT)
    assert drain(tickets, policy) == [3, 4, 1, 2]


def test_ratio_two_to_one_lets_a_regular_ticket_through_after_two_priority() -> None:
    tickets = [cand(1, 1), cand(2, 2)] + [cand(10 + i, 3 + i, priority=True) for i in range(5)]
    assert drain(tickets, PriorityPolicy(PriorityMode.RATIO, 2)) == [10, 11, 1, 12, 13, 2, 14]


def test_ratio_one_alternates() -> None:
    tickets = [cand(1, 1), cand(2, 2), cand(3, 3, priority=True), cand(4, 4, priority=True)]
    assert drain(tickets, PriorityPolicy(PriorityMode.RATIO, 1)) == [3, 1, 4, 2]


def test_streak_counts_priority_calls_until_the_last_regular() -> None:
    assert priority_streak([True, True, False, True]) == 2
    assert priority_streak([False, True]) == 0
    assert priority_streak([]) == 0


def test_a_desk_that_just_called_two_priority_tickets_calls_a_regular_one() -> None:
    tickets = [cand(1, 1), cand(2, 9, priority=True)]
    nxt = choose_next(tickets, PriorityPolicy(PriorityMode.RATIO, 2), streak=2)
    assert nxt is not None and nxt.ticket_id == 1


def test_position_in_queue_follows_the_same_rule() -> None:
    tickets = [cand(1, 1), cand(2, 2), cand(3, 3, priority=True)]
    policy = PriorityPolicy(PriorityMode.RATIO, 2)
    assert position_in_queue(tickets, policy, 3) == 0
    assert position_in_queue(tickets, policy, 1) == 1
    assert position_in_queue(tickets, policy, 2) == 2
    assert position_in_queue(tickets, policy, 99) is None


def test_policy_rejects_a_ratio_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PriorityPolicy(PriorityMode.RATIO, 0)


def test_policy_describes_itself_in_both_languages() -> None:
    vi, en = PriorityPolicy(PriorityMode.RATIO, 3).describe()
    assert "3" in vi and "3" in en
    vi_strict, _ = PriorityPolicy(PriorityMode.STRICT).describe()
    assert vi_strict != vi
