"""Satisfaction scales: wording, which levels count as satisfied, when a reason is needed."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.ratings import (
    RatingReason,
    check_rating,
    is_satisfied,
    level_label,
    reason_label,
    scale_levels,
)


def test_the_three_level_scale_is_the_provincial_wording_best_first() -> None:
    levels = scale_levels(3)
    assert [level.label.vi for level in levels] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    assert [level.value for level in levels] == [3, 2, 1]


def test_the_five_level_scale_is_the_ministry_wording_best_first() -> None:
    assert [level.label.vi for level in scale_levels(5)] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
    ]


def test_satisfied_or_better_is_hai_long_and_rat_hai_long_on_both_scales() -> None:
    for scale in (3, 5):
        satisfied = {level.label.vi for level in scale_levels(scale) if level.satisfied}
        assert satisfied == {"Rất hài lòng", "Hài lòng"}
    assert is_satisfied(5, 4) and not is_satisfied(5, 3) and not is_satisfied(3, 1)


def test_a_rating_from_an_unknown_scale_is_not_counted_satisfied() -> None:
    assert not is_satisfied(7, 7)
    assert level_label(7, 7).vi == "7/7"


def test_khong_hai_long_requires_a_reason_from_the_list() -> None:
    with pytest.raises(ValidationError, match="why"):
        check_rating(3, 1, None)
    level, reason = check_rating(3, 1, "too_many_papers")
    assert level.label.vi == "Không hài lòng" and reason is RatingReason.TOO_MANY_PAPERS
    with pytest.raises(ValidationError, match="Unknown reason"):
        check_rating(3, 1, "slow wifi")


def test_both_dissatisfied_levels_of_five_need_a_reason_but_neutral_does_not() -> None:
    assert check_rating(5, 1, "attitude")[1] is RatingReason.ATTITUDE
    assert check_rating(5, 2, "other")[1] is RatingReason.OTHER
    assert check_rating(5, 3, None) == (scale_levels(5)[2], None)


def test_a_satisfied_rating_takes_no_reason() -> None:
    with pytest.raises(ValidationError, match="Only a dissatisfied rating"):
        check_rating(3, 3, "waiting_time")


def test_a_level_off_the_configured_scale_is_refused() -> None:
    with pytest.raises(ValidationError, match="from 1 to 3, not 4"):
        check_rating(3, 4, None)
    with pytest.raises(ValidationError, match="not 0"):
        check_rating(5, 0, None)


def test_the_reason_list_is_waiting_attitude_guidance_papers_other() -> None:
    assert [r.value for r in RatingReason] == [
        "waiting_time",
        "attitude",
        "unclear_guidance",
        "too_many_papers",
        "other",
    ]
    assert reason_label("waiting_time").vi == "Thời gian chờ lâu"
    assert reason_label("from_a_newer_version").vi == "from_a_newer_version"
