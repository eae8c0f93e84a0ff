"""Satisfaction scales: three levels by default, five where a body asks for it (FACTS.md §2.2).

A level is stored as its position on the scale, **higher is better**: on the 3-level scale
3 = "Rất hài lòng", 2 = "Hài lòng", 1 = "Không hài lòng"; on the 5-level scale 5 = "Rất hài
lòng" down to 1 = "Rất không hài lòng". "Satisfied or better" means "Hài lòng" or "Rất hài
lòng" on either scale. A dissatisfied level needs a reason from a short list, as the provincial
systems ask.

Wording: the three levels and the required reason are the provincial practice (FACTS.md §2.2);
the five levels are the wording of the Ministry of Information and Communications' survey
(dichvucong.mic.gov.vn, Pages/DanhGia.aspx). The reason list is the product's own wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.errors import ErrorCode, ValidationError
from kiosk.domain.views import LocalText


class RatingReason(StrEnum):
    """Why a visitor was not satisfied."""

    WAITING_TIME = "waiting_time"
    ATTITUDE = "attitude"
    UNCLEAR_GUIDANCE = "unclear_guidance"
    TOO_MANY_PAPERS = "too_many_papers"
    OTHER = "other"


REASON_LABELS: dict[RatingReason, LocalText] = {
    RatingReason.WAITING_TIME: LocalText("Thời gian chờ lâu", "Waited too long"),
    RatingReason.ATTITUDE: LocalText("Thái độ phục vụ", "Staff attitude"),
    RatingReason.UNCLEAR_GUIDANCE: LocalText("Hướng dẫn chưa rõ ràng", "Guidance was unclear"),
    RatingReason.TOO_MANY_PAPERS: LocalText("Yêu cầu nhiều giấy tờ", "Too many papers asked"),
    RatingReason.OTHER: LocalText("Lý do khác", "Another reason"),
}


@dataclass(frozen=True, slots=True)
class RatingLevel:
    """One answer a visitor can give."""

    value: int
    label: LocalText
    satisfied: bool
    needs_reason: bool


_VERY_SATISFIED = LocalText("Rất hài lòng", "Very satisfied")
_SATISFIED = LocalText("Hài lòng", "Satisfied")
_DISSATISFIED = LocalText("Không hài lòng", "Not satisfied")

# Best first: the order a rating screen shows them in.
SCALES: dict[int, tuple[RatingLevel, ...]] = {
    3: (
        RatingLevel(3, _VERY_SATISFIED, satisfied=True, needs_reason=False),
        RatingLevel(2, _SATISFIED, satisfied=True, needs_reason=False),
        RatingLevel(1, _DISSATISFIED, satisfied=False, needs_reason=True),
    ),
    5: (
        RatingLevel(5, _VERY_SATISFIED, satisfied=True, needs_reason=False),
        RatingLevel(4, _SATISFIED, satisfied=True, needs_reason=False),
        RatingLevel(3, LocalText("Bình thường", "Neutral"), satisfied=False, needs_reason=False),
        RatingLevel(2, _DISSATISFIED, satisfied=False, needs_reason=True),
        RatingLevel(
            1,
            LocalText("Rất không hài lòng", "Very dissatisfied"),
            satisfied=False,
            needs_reason=True,
        ),
    ),
}
DEFAULT_SCALE = 3


class AlreadyRatedError(ValidationError):
    """The ticket or visit has its rating already: one per visit."""

    default_code = ErrorCode.ALREADY_RATED


def scale_levels(scale: int) -> tuple[RatingLevel, ...]:
    """The levels of a scale, best first; ``ValueError`` for a scale that does not exist."""
    try:
        return SCALES[scale]
    except KeyError:
        raise ValueError(f"no {scale}-level rating scale; expected 3 or 5") from None


def level_of(scale: int, value: int) -> RatingLevel:
    """The level ``value`` on ``scale``, or a ``ValidationError`` naming the valid range."""
    for level in scale_levels(scale):
        if level.value == value:
            return level
    raise ValidationError(
        "A rating on this {scale}-level scale is from 1 to {scale}, not {value}.",
        scale=scale,
        value=value,
    )


def check_rating(
    scale: int, value: int, reason: str | None
) -> tuple[RatingLevel, RatingReason | None]:
    """Validate an answer: the level must exist; a reason is required exactly when it is needed.

    Args:
        scale: The configured number of levels (3 or 5).
        value: The level chosen, higher is better.
        reason: A ``RatingReason`` value, or None.

    Returns:
        The level and the parsed reason (None for a satisfied or neutral answer).

    Raises:
        ValidationError: The level is off the scale, the reason is missing or unknown, or a
            reason was given for an answer that does not ask for one.
    """
    level = level_of(scale, value)
    if not level.needs_reason:
        if reason:
            raise ValidationError("Only a dissatisfied rating takes a reason.")
        return level, None
    if not reason:
        raise ValidationError("Please choose why you were not satisfied.")
    try:
        return level, RatingReason(reason)
    except ValueError:
        raise ValidationError(
            "Unknown reason {reason}; expected one of {options}.",
            reason=reason,
            options=", ".join(r.value for r in RatingReason),
        ) from None


def is_satisfied(scale: int, value: int) -> bool:
    """True for "Hài lòng" or better; a rating from a scale no longer known counts as not."""
    levels = SCALES.get(scale, ())
    return any(level.value == value and level.satisfied for level in levels)


def level_label(scale: int, value: int) -> LocalText:
    """The words of a stored level; a value off the scale shows as ``value/scale``."""
    for level in SCALES.get(scale, ()):
        if level.value == value:
            return level.label
    return LocalText(f"{value}/{scale}")


@dataclass(frozen=True, slots=True)
class RatingView:
    """A stored rating as the rating screen confirms it."""

    id: int
    ticket_number: str | None
    visit_id: int | None
    scale: int
    level: RatingLevel
    reason: RatingReason | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FinishedVisit:
    """The visit a counter's rating screen asks about: who helped, and whether it is rated."""

    visit_id: int
    ticket_number: str | None
    ended_at: datetime
    helper_names: tuple[str, ...]
    rated: bool


def reason_label(value: str) -> LocalText:
    """The words of a stored reason; a code this version does not know shows as itself."""
    try:
        return REASON_LABELS[RatingReason(value)]
    except ValueError:
        return LocalText(value)
