"""The change counter and the audit log: every mutation touches both."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.services.context import Actor, AppContext
from kiosk.storage.models import AuditEntry, Site

SITE_CODE = "main"


def bump(session: Session) -> None:
    """Increment the site's change counter inside the caller's transaction."""
    session.execute(
        update(Site).where(Site.code == SITE_CODE).values(change_counter=Site.change_counter + 1)
    )


def change_counter(ctx: AppContext) -> int:
    """The current value, for screens that poll "did anything change?"."""
    with ctx.db.read() as session:
        value = session.scalar(select(Site.change_counter).where(Site.code == SITE_CODE))
    return int(value or 0)


def audit(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    now: datetime,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """Append an audit entry and bump the change counter."""
    session.add(
        AuditEntry(
            at=now,
            actor_helper_id=actor.helper_id,
            actor=actor.label,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_json(before),
            after=_json(after),
        )
    )
    bump(session)


def _json(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
