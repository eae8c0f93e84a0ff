from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.enums import (
    HelperKind,
    HelperPart,
    HelperRole,
    Outcome,
    RoleGroup,
    TicketStatus,
    role_group,
)
from kiosk.domain.errors import InvalidTransitionError, ValidationError
from kiosk.domain.pins import hash_pin, lockout_until, verify_pin
from kiosk.domain.visits import (
    HelperCredit,
    check_outcomes,
    next_status,
    normalise_credits,
    recall_becomes_no_show,
)

S = TicketStatus


@pytest.mark.parametrize(
    ("current", "action", "target"),
    [
        (S.WAITING, "call", S.CALLED),
        (S.CALLED, "recall", S.CALLED),
        (S.CALLED, "start", S.SERVING),
        (S.SERVING, "finish", S.DONE),
        (S.CALLED, "finish", S.DONE),
        (S.CALLED, "no_show", S.NO_SHOW),
        (S.NO_SHOW, "reactivate", S.WAITING),
        (S.SERVING, "transfer", S.WAITING),
        (S.WAITING, "cancel", S.CANCELLED),
        (S.WAITING, "close", S.NOT_SERVED_AT_CLOSING),
    ],
)
def test_allowed_transitions(current: TicketStatus, action: str, target: TicketStatus) -> None:
    assert next_status(current, action) is target


@pytest.mark.parametrize(
    ("current", "action"),
    [(S.DONE, "call"), (S.WAITING, "finish"), (S.CANCELLED, "reactivate"), (S.CALLED, "close")],
)
def test_forbidden_transitions_name_the_action_and_state(
    current: TicketStatus, action: str
) -> None:
    with pytest.raises(InvalidTransitionError) as info:
        next_status(current, action)
    assert action in str(info.value) and current.value in str(info.value)


def test_recall_turns_no_show_only_after_the_configured_recalls() -> None:
    assert not recall_becomes_no_show(2, 3)
    assert recall_becomes_no_show(3, 3)
    assert recall_becomes_no_show(0, 0)


def test_a_visit_without_helpers_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least one helper"):
        normalise_credits([])


def test_the_first_helper_leads_when_nobody_was_marked_lead() -> None:
    credits = normalise_credits([HelperCredit(5), HelperCredit(7)])
    assert [(c.helper_id, c.part) for c in credits] == [
        (5, HelperPart.LEAD),
        (7, HelperPart.SUPPORT),
    ]


def test_an_explicit_lead_is_kept_and_two_leads_are_refused() -> None:
    credits = normalise_credits([HelperCredit(5), HelperCredit(7, HelperPart.LEAD)])
    assert credits[1].part is HelperPart.LEAD and credits[0].part is HelperPart.SUPPORT
    with pytest.raises(ValidationError, match="Only one helper"):
        normalise_credits([HelperCredit(5, HelperPart.LEAD), HelperCredit(7, HelperPart.LEAD)])


def test_a_helper_listed_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="twice"):
        normalise_credits([HelperCredit(5), HelperCredit(5)])


def test_outcomes_are_required_deduplicated_and_ordered() -> None:
    with pytest.raises(ValidationError, match="at least one outcome"):
        check_outcomes([])
    kept = check_outcomes([Outcome.PAID_ONLINE, Outcome.SUBMITTED_ONLINE, Outcome.PAID_ONLINE])
    assert kept == (Outcome.SUBMITTED_ONLINE, Outcome.PAID_ONLINE)


def test_role_groups_split_staff_digital_team_and_other_volunteers() -> None:
    assert role_group(HelperKind.STAFF, HelperRole.DIGITAL_TEAM) is RoleGroup.STAFF
    assert role_group(HelperKind.VOLUNTEER, HelperRole.DIGITAL_TEAM) is RoleGroup.DIGITAL_TEAM
    assert role_group(HelperKind.VOLUNTEER, HelperRole.TEACHER) is RoleGroup.OTHER_VOLUNTEERS


def test_pin_hash_is_salted_and_verifies() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and "2468" not in first
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_malformed_pins_are_refused(pin: str) -> None:
    with pytest.raises(ValidationError, match="4 to 8 digits"):
        hash_pin(pin)


def test_a_corrupt_stored_hash_never_matches() -> None:
    assert not verify_pin("1234", "garbage")
    assert not verify_pin("1234", "md5$1$2$3$00$00")


def test_lockout_starts_at_the_fifth_wrong_try() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert lockout_until(4, now) is None
    assert lockout_until(5, now) == now + timedelta(minutes=5)
