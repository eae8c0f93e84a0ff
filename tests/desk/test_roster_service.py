"""The roster service a manager uses from the desk: update_helper, audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.errors import AuthError, NotFoundError, ValidationError
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper, list_helpers, sign_in
from kiosk.services.roster import update_helper
from kiosk.storage.models import AuditEntry

MANAGER = Actor("Lãnh đạo", None)


def _audits(ctx: AppContext, action: str) -> list[AuditEntry]:
    with ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_update_helper_changes_name_role_and_affiliation_and_audits_before_and_after(
    ctx: AppContext,
) -> None:
    helper = add_helper(
        ctx, name="Tran Van Binh", kind="volunteer", role="teacher", affiliation="", actor=MANAGER
    )
    updated = update_helper(
        ctx,
        helper_id=helper.id,
        name="  Trần Văn Bình ",
        kind=HelperKind.VOLUNTEER,
        role=HelperRole.DIGITAL_TEAM,
        affiliation="Thôn 4",
        actor=MANAGER,
    )
    assert (updated.name, updated.role, updated.affiliation) == (
        "Trần Văn Bình",
        HelperRole.DIGITAL_TEAM,
        "Thôn 4",
    )
    assert [h.name for h in list_helpers(ctx, query="tran binh")] == ["Trần Văn Bình"]
    (entry,) = _audits(ctx, "helper_update")
    assert json.loads(entry.before)["role"] == "teacher"
    assert json.loads(entry.after)["role"] == "digital_team"
    assert entry.entity_id == helper.id


def test_update_helper_with_nothing_changed_writes_no_audit_entry(ctx: AppContext) -> None:
    helper = add_helper(
        ctx, name="Lê Thị Hoa", kind="volunteer", role="womens_union", actor=MANAGER
    )
    update_helper(
        ctx,
        helper_id=helper.id,
        name="Lê Thị Hoa",
        kind=HelperKind.VOLUNTEER,
        role=HelperRole.WOMENS_UNION,
        affiliation="",
        actor=MANAGER,
    )
    assert _audits(ctx, "helper_update") == []


def test_staff_who_becomes_a_volunteer_loses_the_pin(ctx: AppContext) -> None:
    helper = add_helper(
        ctx, name="Phạm Minh", kind="staff", role="desk_officer", pin="1234", actor=MANAGER
    )
    updated = update_helper(
        ctx,
        helper_id=helper.id,
        name="Phạm Minh",
        kind=HelperKind.VOLUNTEER,
        role=HelperRole.OTHER_VOLUNTEER,
        affiliation="",
        actor=MANAGER,
    )
    assert not updated.has_pin
    with pytest.raises(AuthError):
        sign_in(ctx, helper_id=helper.id, pin="1234")


def test_update_helper_refuses_an_empty_name_and_an_unknown_helper(ctx: AppContext) -> None:
    helper = add_helper(ctx, name="Vũ Lan", kind="volunteer", role="teacher", actor=MANAGER)
    with pytest.raises(ValidationError, match="needs a name"):
        update_helper(
            ctx,
            helper_id=helper.id,
            name="   ",
            kind=HelperKind.VOLUNTEER,
            role=HelperRole.TEACHER,
            affiliation="",
            actor=MANAGER,
        )
    with pytest.raises(NotFoundError):
        update_helper(
            ctx,
            helper_id=helper.id + 99,
            name="X",
            kind=HelperKind.VOLUNTEER,
            role=HelperRole.TEACHER,
            affiliation="",
            actor=MANAGER,
        )
