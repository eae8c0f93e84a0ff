"""Alerts a desk must see: a visitor asking for help at the kiosk, printer trouble."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.domain.enums import AlertKind
from kiosk.domain.errors import NotFoundError
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.permissions import require_staff
from kiosk.storage.models import Alert

__all__ = ["AlertKind", "AlertView", "open_alerts", "raise_alert", "resolve_alert"]


@dataclass(frozen=True, slots=True)
class AlertView:
    """An alert as a desk shows it."""

    id: int
    kind: AlertKind
    source: str
    message: str
    ticket_id: int | None
    created_at: datetime
    resolved_at: datetime | None


def _view(alert: Alert) -> AlertView:
    return AlertView(
        id=alert.id,
        kind=AlertKind(alert.kind),
        source=alert.source,
        message=alert.message,
        ticket_id=alert.ticket_id,
        created_at=alert.created_at,
        resolved_at=alert.resolved_at,
    )


def raise_alert(
    ctx: AppContext,
    *,
    kind: AlertKind,
    source: str,
    message: str = "",
    ticket_id: int | None = None,
) -> AlertView:
    """Record an alert for the desks; a repeat of one still open is not recorded twice.

    Args:
        ctx: The application context.
        kind: Why the desk is alerted.
        source: The device that raised it, e.g. ``kiosk``.
        message: Details for staff (never shown to visitors).
        ticket_id: The ticket concerned, if any.

    Returns:
        The new alert, or the open one of the same kind, source and ticket.
    """
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        open_same = session.scalar(
            select(Alert).where(
                Alert.kind == kind,
                Alert.source == source,
                Alert.resolved_at.is_(None),
                Alert.ticket_id.is_(None) if ticket_id is None else Alert.ticket_id == ticket_id,
            )
        )
        if open_same is not None:
            # A visitor tapping "call a helper" three times is still one visitor waiting.
            return _view(open_same)
        alert = Alert(
            kind=kind,
            source=source,
            message=message[:300],
            ticket_id=ticket_id,
            created_at=now,
        )
        session.add(alert)
        session.flush()
        audit(
            session,
            actor=Actor(source),
            action="alert_raise",
            entity="alert",
            entity_id=alert.id,
            now=now,
            after={"kind": kind.value, "message": message, "ticket_id": ticket_id},
        )
        return _view(alert)


def open_alerts(ctx: AppContext) -> list[AlertView]:
    """Alerts not yet resolved, oldest first."""
    with ctx.db.read() as session:
        stmt = select(Alert).where(Alert.resolved_at.is_(None)).order_by(Alert.created_at, Alert.id)
        return [_view(alert) for alert in session.scalars(stmt)]


def resolve_alert(ctx: AppContext, alert_id: int, actor: Actor) -> AlertView:
    """Mark an alert as dealt with by ``actor``; resolving it twice changes nothing.

    Raises:
        NotFoundError: There is no alert with this id.
    """
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        alert = session.get(Alert, alert_id)
        if alert is None:
            raise NotFoundError("There is no alert with id {id}.", id=alert_id)
        if alert.resolved_at is not None:
            return _view(alert)
        alert.resolved_at = now
        alert.resolved_by_id = actor.helper_id
        audit(
            session,
            actor=actor,
            action="alert_resolve",
            entity="alert",
            entity_id=alert.id,
            now=now,
            after={"kind": alert.kind},
        )
        return _view(alert)
