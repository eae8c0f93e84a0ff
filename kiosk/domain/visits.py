"""A ticket's journey: which actions fit which state, and what finishing a visit needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.domain.enums import HelperPart, Outcome, TicketStatus
from kiosk.domain.errors import ErrorCode, InvalidTransitionError, ValidationError

S = TicketStatus

# action -> the states it may start from; the target state is fixed per action below.
_ALLOWED: dict[str, frozenset[TicketStatus]] = {
    "call": frozenset({S.WAITING}),
    "recall": frozenset({S.CALLED}),
    "start": frozenset({S.CALLED}),
    "finish": frozenset({S.CALLED, S.SERVING}),
    "no_show": frozenset({S.CALLED}),
    "reactivate": frozenset({S.NO_SHOW}),
    "transfer": frozenset({S.WAITING, S.CALLED, S.SERVING}),
    "cancel": frozenset({S.WAITING, S.CALLED, S.SERVING}),
    "close": frozenset({S.WAITING}),
}

_TARGET: dict[str, TicketStatus] = {
    "call": S.CALLED,
    "recall": S.CALLED,
    "start": S.SERVING,
    "finish": S.DONE,
    "no_show": S.NO_SHOW,
    "reactivate": S.WAITING,
    "transfer": S.WAITING,
    "cancel": S.CANCELLED,
    "close": S.NOT_SERVED_AT_CLOSING,
}


def next_status(current: TicketStatus, action: str) -> TicketStatus:
    """The state after ``action``, or ``InvalidTransitionError`` naming both."""
    allowed = _ALLOWED.get(action)
    if allowed is None:
        raise ValueError(f"unknown ticket action {action!r}")
    if current not in allowed:
        raise InvalidTransitionError(
            "Cannot {action} a ticket that is {status}.", action=action, status=current.value
        )
    return _TARGET[action]


def allowed_from(action: str) -> frozenset[TicketStatus]:
    """The states ``action`` may start from (for a statement that checks them itself)."""
    return _ALLOWED[action]


def target_status(action: str) -> TicketStatus:
    """The state ``action`` leads to."""
    return _TARGET[action]


def recall_becomes_no_show(recall_count: int, max_recalls: int) -> bool:
    """A ticket already recalled ``max_recalls`` times turns no-show at the next recall."""
    return recall_count >= max_recalls


@dataclass(frozen=True, slots=True)
class HelperCredit:
    """One helper's part in a visit."""

    helper_id: int
    part: HelperPart = HelperPart.SUPPORT


def normalise_credits(credits: Sequence[HelperCredit]) -> tuple[HelperCredit, ...]:
    """Check the helpers of a visit and make sure exactly one leads.

    The first helper leads when nobody was marked lead; a helper listed twice is an error.
    """
    if not credits:
        raise ValidationError(
            "A visit needs at least one helper.", code=ErrorCode.VISIT_NEEDS_HELPER
        )
    ids = [c.helper_id for c in credits]
    if len(set(ids)) != len(ids):
        raise ValidationError(
            "The same helper is listed twice.", code=ErrorCode.HELPER_LISTED_TWICE
        )
    leads = [c for c in credits if c.part is HelperPart.LEAD]
    if len(leads) > 1:
        raise ValidationError("Only one helper can lead a visit.", code=ErrorCode.ONE_LEAD_ONLY)
    if leads:
        return tuple(credits)
    first, *rest = credits
    return (HelperCredit(first.helper_id, HelperPart.LEAD), *rest)


def check_outcomes(outcomes: Sequence[Outcome]) -> tuple[Outcome, ...]:
    """At least one outcome, each once, in a stable order."""
    if not outcomes:
        raise ValidationError(
            "A visit needs at least one outcome.", code=ErrorCode.VISIT_NEEDS_OUTCOME
        )
    unique = tuple(dict.fromkeys(outcomes))
    return tuple(sorted(unique, key=list(Outcome).index))
