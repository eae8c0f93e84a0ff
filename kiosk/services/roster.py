"""Editing the helper roster from the desk: a manager corrects a helper's name, kind or role."""

from __future__ import annotations

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.errors import ErrorCode, ValidationError
from kiosk.domain.text import fold, nfc
from kiosk.domain.views import HelperView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper, helper_view, list_helpers
from kiosk.services.lookup import helper_by_id
from kiosk.services.permissions import require_manager
from kiosk.storage.models import Helper


def _fields(helper: Helper) -> dict[str, object]:
    return {
        "name": helper.name,
        "kind": helper.kind,
        "role": helper.role,
        "affiliation": helper.affiliation,
        "has_pin": helper.pin_hash is not None,
    }


def update_helper(
    ctx: AppContext,
    *,
    helper_id: int,
    name: str,
    kind: HelperKind,
    role: HelperRole,
    affiliation: str,
    actor: Actor,
) -> HelperView:
    """Change a helper's name, kind, role and affiliation; audited with before and after.

    A staff member who becomes a volunteer loses the PIN (volunteers never sign in), and so
    does one who becomes a manager: a manager's PIN needs 6 digits, and nobody can tell the
    length of the old one from its hash. Past visits keep their credit: they refer to the
    helper by id.

    Args:
        ctx: The application context.
        helper_id: The helper to change.
        name: The new name (NFC, trimmed; must not be empty).
        kind: Staff or volunteer.
        role: What the helper does (summaries group by it).
        affiliation: Village, school or union branch; may be empty.
        actor: The manager making the change.

    Returns:
        The helper as stored after the change.

    Raises:
        ValidationError: The name is empty.
        NotFoundError: There is no helper with this id.
        PermissionDeniedError: The actor is a helper but not a manager.
    """
    clean_name = nfc(name)
    if not clean_name:
        raise ValidationError("A helper needs a name.", code=ErrorCode.HELPER_NAME_MISSING)
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_manager(session, actor, action="change the roster")
        helper = helper_by_id(session, helper_id, lock=True)
        before = _fields(helper)
        promoted = helper.role != HelperRole.MANAGER and role == HelperRole.MANAGER
        helper.name = clean_name
        helper.name_folded = fold(clean_name)
        helper.kind = HelperKind(kind)
        helper.role = HelperRole(role)
        helper.affiliation = nfc(affiliation)
        if helper.kind != HelperKind.STAFF or promoted:
            helper.pin_hash = None
            helper.failed_pin_tries = 0
            helper.locked_until = None
        after = _fields(helper)
        if after != before:
            audit(
                session,
                actor=actor,
                action="helper_update",
                entity="helper",
                entity_id=helper.id,
                now=now,
                before=before,
                after=after,
            )
        return helper_view(helper)


def save_helper(
    ctx: AppContext,
    *,
    helper_id: int | None,
    name: str,
    kind: HelperKind,
    role: HelperRole,
    affiliation: str,
    actor: Actor,
) -> HelperView:
    """The roster form's "save": add a helper (``helper_id`` None) or change one; audited."""
    if helper_id is None:
        return add_helper(
            ctx, name=name, kind=kind.value, role=role.value, affiliation=affiliation, actor=actor
        )
    return update_helper(
        ctx,
        helper_id=helper_id,
        name=name,
        kind=kind,
        role=role,
        affiliation=affiliation,
        actor=actor,
    )


def who_can_sign_in(ctx: AppContext, *, role: HelperRole | None = None) -> list[HelperView]:
    """Active staff with a PIN (of one role, if given), by name: the sign-in screen's names."""
    return [
        helper
        for helper in list_helpers(ctx)
        if helper.kind is HelperKind.STAFF
        and helper.has_pin
        and (role is None or helper.role is role)
    ]
