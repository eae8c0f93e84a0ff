"""The core checks roles itself, managers need 6-digit PINs, and old PIN hashes are upgraded."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain.enums import HelperKind, HelperRole, Outcome
from kiosk.domain.errors import PermissionDeniedError, ValidationError
from kiosk.domain.pins import needs_rehash
from kiosk.domain.summary import Period
from kiosk.domain.views import HelperView
from kiosk.services import calling, desk
from kiosk.services.alerts import AlertKind, raise_alert, resolve_alert
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.helpers import add_helper, import_csv, set_active, set_pin, sign_in
from kiosk.services.reports import export_summary
from kiosk.services.roster import update_helper
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit, record_walk_in
from kiosk.storage.models import Helper


def _helper(ctx: AppContext, name: str, role: str, pin: str | None = None) -> HelperView:
    kind = "volunteer" if role == "teacher" else "staff"
    return add_helper(ctx, name=name, kind=kind, role=role, pin=pin, actor=CLI_ACTOR)


def _as(helper: HelperView) -> Actor:
    return Actor(helper.name, helper.id)


def _stored(ctx: AppContext, helper_id: int) -> Helper:
    with ctx.db.read() as session:
        helper = session.get(Helper, helper_id)
        assert helper is not None
        return helper


def test_a_clerk_cannot_promote_themself_to_manager(ctx: AppContext) -> None:
    clerk = _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357")

    with pytest.raises(PermissionDeniedError) as caught:
        update_helper(
            ctx,
            helper_id=clerk.id,
            name=clerk.name,
            kind=HelperKind.STAFF,
            role=HelperRole.MANAGER,
            affiliation="",
            actor=_as(clerk),
        )

    assert caught.value.code == "permission_denied"
    assert _stored(ctx, clerk.id).role == HelperRole.DESK_OFFICER


def test_a_clerk_cannot_reset_the_managers_pin(ctx: AppContext) -> None:
    clerk = _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357")
    boss = _helper(ctx, "Phạm Văn Chủ", "manager", "246824")

    with pytest.raises(PermissionDeniedError):
        set_pin(ctx, helper_id=boss.id, pin="111111", actor=_as(clerk))

    assert sign_in(ctx, helper_id=boss.id, pin="246824").id == boss.id


ROSTER_CHANGES: dict[str, Callable[[AppContext, HelperView, Actor, Path], object]] = {
    "add": lambda ctx, _h, actor, _p: add_helper(
        ctx, name="Mới", kind="volunteer", role="teacher", actor=actor
    ),
    "deactivate": lambda ctx, h, actor, _p: set_active(
        ctx, helper_id=h.id, active=False, actor=actor
    ),
    "import": lambda ctx, _h, actor, path: import_csv(ctx, path, actor=actor),
    "export": lambda ctx, _h, actor, path: export_summary(
        ctx, Period.day(ctx.clock().date()), csv=path.with_suffix(".out.csv"), actor=actor
    ),
}


@pytest.mark.parametrize("change", sorted(ROSTER_CHANGES))
def test_manager_only_use_cases_refuse_a_clerk_and_allow_a_manager(
    ctx: AppContext, tmp_path: Path, change: str
) -> None:
    clerk = _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357")
    boss = _helper(ctx, "Phạm Văn Chủ", "manager", "246824")
    teacher = _helper(ctx, "Cô Giáo", "teacher")
    csv = tmp_path / "new.csv"
    csv.write_text("name,kind,role\nHai,volunteer,teacher\n", encoding="utf-8")

    with pytest.raises(PermissionDeniedError):
        ROSTER_CHANGES[change](ctx, teacher, _as(clerk), csv)
    ROSTER_CHANGES[change](ctx, teacher, _as(boss), csv)


def _desk_actions(ctx: AppContext) -> dict[str, Callable[[Actor], object]]:
    ticket = issue_ticket(ctx, line_code="A")
    alert = raise_alert(ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
    return {
        "call_next": lambda a: calling.call_next(ctx, counter_number=1, actor=a),
        "call_ticket": lambda a: calling.call_ticket(
            ctx, ticket_id=ticket.id, counter_number=1, actor=a
        ),
        "cancel": lambda a: calling.cancel(ctx, ticket_id=ticket.id, actor=a),
        "open_counter": lambda a: desk.open_counter(ctx, counter_number=1, actor=a),
        "undo": lambda a: desk.undo_last(ctx, ticket_id=ticket.id, actor=a),
        "resolve_alert": lambda a: resolve_alert(ctx, alert.id, a),
        "finish": lambda a: finish_visit(
            ctx, ticket_id=ticket.id, helpers=[], outcomes=[Outcome.GUIDED_ONLY], actor=a
        ),
        "walk_in": lambda a: record_walk_in(
            ctx, helpers=[], outcomes=[Outcome.GUIDED_ONLY], actor=a, place="Thôn 1"
        ),
    }


@pytest.mark.parametrize(
    "action",
    [
        "call_next",
        "call_ticket",
        "cancel",
        "open_counter",
        "undo",
        "resolve_alert",
        "finish",
        "walk_in",
    ],
)
def test_desk_actions_refuse_a_volunteer_or_a_deactivated_staff_member(
    ctx: AppContext, action: str
) -> None:
    teacher = _helper(ctx, "Cô Giáo", "teacher")
    gone = _helper(ctx, "Đã Nghỉ", "desk_officer", "1357")
    set_active(ctx, helper_id=gone.id, active=False, actor=CLI_ACTOR)
    run = _desk_actions(ctx)[action]

    for actor in (_as(teacher), _as(gone)):
        with pytest.raises(PermissionDeniedError):
            run(actor)


def test_a_manager_pin_needs_six_digits_everywhere_it_can_be_set(
    ctx: AppContext, tmp_path: Path
) -> None:
    boss = _helper(ctx, "Phạm Văn Chủ", "manager", "246824")
    with pytest.raises(ValidationError, match="6 to 8"):
        _helper(ctx, "Trưởng Mới", "manager", "1234")
    with pytest.raises(ValidationError, match="6 to 8"):
        set_pin(ctx, helper_id=boss.id, pin="1234", actor=CLI_ACTOR)
    csv = tmp_path / "h.csv"
    csv.write_text("name,kind,role,affiliation,pin\nAn,staff,manager,,1234\n", encoding="utf-8")
    assert "6 to 8" in import_csv(ctx, csv, actor=CLI_ACTOR).problems[0]
    # Other staff keep 4-digit PINs.
    assert _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357").has_pin


def test_promotion_to_manager_clears_the_old_pin_until_a_six_digit_one_is_set(
    ctx: AppContext,
) -> None:
    clerk = _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357")

    promoted = update_helper(
        ctx,
        helper_id=clerk.id,
        name=clerk.name,
        kind=HelperKind.STAFF,
        role=HelperRole.MANAGER,
        affiliation="",
        actor=CLI_ACTOR,
    )

    assert not promoted.has_pin
    set_pin(ctx, helper_id=clerk.id, pin="135799", actor=CLI_ACTOR)
    assert sign_in(ctx, helper_id=clerk.id, pin="135799").role is HelperRole.MANAGER


def test_a_pin_hashed_at_the_old_cost_still_signs_in_and_is_rehashed(ctx: AppContext) -> None:
    clerk = _helper(ctx, "Lê Văn Quầy", "desk_officer", "1357")
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"1357", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"
    with ctx.db.write.begin() as session:
        helper = session.scalar(select(Helper).where(Helper.id == clerk.id))
        assert helper is not None
        helper.pin_hash = old

    sign_in(ctx, helper_id=clerk.id, pin="1357")

    upgraded = _stored(ctx, clerk.id).pin_hash
    assert upgraded is not None and upgraded != old and not needs_rehash(upgraded)
    assert sign_in(ctx, helper_id=clerk.id, pin="1357").id == clerk.id
