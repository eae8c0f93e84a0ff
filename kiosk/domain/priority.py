"""Which waiting ticket a desk calls next: fair mixing of priority and regular tickets.

The rule, shown to visitors on the kiosk:
- strict: priority tickets always go first; regular tickets in order of issue.
- ratio N: after N priority tickets in a row at a desk, the next regular ticket goes first, so
  regular visitors are never starved. With no priority ticket waiting, regular tickets go on.
Ties are broken by issue time, then by ticket id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.enums import PriorityMode


@dataclass(frozen=True, slots=True)
class PriorityPolicy:
    """How a desk mixes priority and regular tickets."""

    mode: PriorityMode = PriorityMode.RATIO
    priority_per_regular: int = 2

    def __post_init__(self) -> None:
        if self.priority_per_regular < 1:
            raise ValueError("priority_per_regular must be at least 1")

    def describe(self) -> tuple[str, str]:
        """The rule in plain Vietnamese and English, for the kiosk's priority screen."""
        if self.mode is PriorityMode.STRICT:
            return (
                "Người thuộc nhóm ưu tiên được gọi trước.",
                "People in a priority group are called first.",
            )
        n = self.priority_per_regular
        return (
            f"Cứ {n} người ưu tiên thì gọi 1 người thường, để ai cũng đến lượt.",
            f"After every {n} priority tickets, one regular ticket is called, so nobody waits"
            " for ever.",
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A waiting ticket as the ordering rule sees it."""

    ticket_id: int
    issued_at: datetime
    is_priority: bool


def priority_streak(recent_calls_newest_first: Sequence[bool]) -> int:
    """How many priority tickets this desk called in a row, most recent first."""
    streak = 0
    for was_priority in recent_calls_newest_first:
        if not was_priority:
            break
        streak += 1
    return streak


def choose_next(
    candidates: Sequence[Candidate],
    policy: PriorityPolicy,
    *,
    streak: int,
) -> Candidate | None:
    """Pick the ticket to call, or ``None`` when nobody waits.

    Args:
        candidates: the waiting tickets of the lines the desk serves, in any order.
        policy: strict priority or a ratio.
        streak: priority tickets this desk called in a row just before (see ``priority_streak``).
    """
    if not candidates:
        return None
    key = _order_key
    priority = sorted((c for c in candidates if c.is_priority), key=key)
    regular = sorted((c for c in candidates if not c.is_priority), key=key)
    if not priority:
        return regular[0]
    if not regular:
        return priority[0]
    if policy.mode is PriorityMode.STRICT or streak < policy.priority_per_regular:
        return priority[0]
    return regular[0]


def _order_key(candidate: Candidate) -> tuple[datetime, int]:
    return (candidate.issued_at, candidate.ticket_id)


def position_in_queue(
    candidates: Sequence[Candidate], policy: PriorityPolicy, ticket_id: int, *, streak: int = 0
) -> int | None:
    """How many tickets are called before ``ticket_id`` if nothing new arrives (0 = next).

    Replays ``choose_next`` over the two queues merged once, in linear time after sorting.
    """
    priority = sorted((c for c in candidates if c.is_priority), key=_order_key)
    regular = sorted((c for c in candidates if not c.is_priority), key=_order_key)
    p = r = 0
    while p < len(priority) or r < len(regular):
        take_priority = r >= len(regular) or (
            p < len(priority)
            and (policy.mode is PriorityMode.STRICT or streak < policy.priority_per_regular)
        )
        nxt = priority[p] if take_priority else regular[r]
        if nxt.ticket_id == ticket_id:
            return p + r
        if take_priority:
            p += 1
            streak += 1
        else:
            r += 1
            streak = 0
    return None
