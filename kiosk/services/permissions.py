"""Who may do what, checked in the core for every use case, not only by hiding buttons.

A helper actor (signed in with a PIN) must still be an active staff member, and a manager
for roster changes, PINs and summary exports. Device actors without a helper id (the kiosk,
the closing job, the CLI run by the PC's administrator) are trusted: whoever can run them as
the kiosk user can read and write the database file anyway.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.errors import PermissionDeniedError
from kiosk.services.context import Actor
from kiosk.storage.models import Helper


def require_staff(session: Session, actor: Actor) -> None:
    """Refuse a helper actor who is not (or no longer) an active staff member.

    Raises:
        PermissionDeniedError: A volunteer, a deactivated or a deleted helper as the actor.
    """
    if actor.helper_id is None:
        return
    helper = session.get(Helper, actor.helper_id)
    if helper is None or not helper.active or helper.kind != HelperKind.STAFF:
        raise PermissionDeniedError(
            "{name} is not an active staff member and cannot do this.", name=actor.label
        )


def require_manager(session: Session, actor: Actor, *, action: str) -> None:
    """Refuse a helper actor who is not an active manager.

    Args:
        session: The action's session.
        actor: Who acts.
        action: What they tried, for the message, e.g. "change the roster".

    Raises:
        PermissionDeniedError: A helper actor who is not an active manager.
    """
    require_staff(session, actor)
    if actor.helper_id is None:
        return
    helper = session.get(Helper, actor.helper_id)
    assert helper is not None  # require_staff checked it
    if helper.role != HelperRole.MANAGER:
        raise PermissionDeniedError("Only a manager can {action}.", action=action)
