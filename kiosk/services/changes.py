"""Change notices and the audit log: every mutation writes an audit entry and signals a change.

Screens learn of changes through ``kiosk.storage.live``: on PostgreSQL each change sends a
``NOTIFY`` in its own transaction (so only committed changes are heard, and no writer waits
on a shared counter row); on SQLite any commit changes ``PRAGMA data_version``, so nothing is
sent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.services.context import Actor
from kiosk.storage.live import notify_statement
from kiosk.storage.models import AuditEntry

SITE_CODE = "main"


def signal_change(session: Session, topic: str) -> None:
    """Tell the screens, once this transaction commits, that ``topic`` (a table) changed.

    PostgreSQL sends one notice per topic per transaction however often this is called.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(notify_statement(topic))


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
    """Append an audit entry and signal the change to the screens."""
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
    signal_change(session, entity)


def _json(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
