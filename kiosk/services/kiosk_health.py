"""Whether the kiosk can issue a ticket now: a real write, proved before a visitor needs it.

A database that can be read is not one that can be written: a read-only data folder, a full
disk or a read-only server (a standby) still answer every query, and the kiosk learnt it only
when a visitor's ticket failed. ``check_can_issue`` writes and commits something that leaves
no trace, so such a database shows at start, and its return shows while the kiosk is paused.
"""

from __future__ import annotations

from sqlalchemy import select, text

from kiosk.domain.enums import AlertKind
from kiosk.services.alerts import AlertView, raise_alert
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.storage.models import Alert

PROBE_TABLE = "kiosk_write_probe"


def check_can_issue(ctx: AppContext) -> None:
    """Commit a write that leaves nothing behind; raises if the database refuses it.

    SQLite: a table made and dropped in one committed transaction takes a new page and
    appends to the write-ahead log, so a full disk (or a database at its size limit) fails
    here as a ticket would. PostgreSQL: a temporary table writes the server's catalog, which
    a read-only or full server refuses.

    Args:
        ctx: The application context.

    Raises:
        sqlalchemy.exc.DBAPIError: The database refused the write (the caller's operation
            layer words it as a link error).
    """
    with ctx.db.write.begin() as session:
        if ctx.db.is_sqlite:
            session.execute(text(f"CREATE TABLE {PROBE_TABLE} (x INTEGER)"))
            session.execute(text(f"DROP TABLE {PROBE_TABLE}"))
        else:
            session.execute(
                text(f"CREATE TEMPORARY TABLE {PROBE_TABLE} (x integer) ON COMMIT DROP")
            )


def report_paused(ctx: AppContext, *, source: str, reason: str) -> AlertView:
    """Tell the desks the kiosk is paused (once: a repeat while it is open is not recorded).

    Args:
        ctx: The application context.
        source: The kiosk that paused, e.g. ``kiosk``.
        reason: Why, for staff (the database's own words).

    Returns:
        The open alert.
    """
    return raise_alert(ctx, kind=AlertKind.KIOSK_PAUSED, source=source, message=reason)


def report_resumed(ctx: AppContext, *, source: str) -> int:
    """Close the kiosk's open "paused" alerts: it issues tickets again.

    Args:
        ctx: The application context.
        source: The kiosk that resumed.

    Returns:
        How many alerts were closed.
    """
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        alerts = session.scalars(
            select(Alert).where(
                Alert.kind == AlertKind.KIOSK_PAUSED,
                Alert.source == source,
                Alert.resolved_at.is_(None),
            )
        ).all()
        for alert in alerts:
            alert.resolved_at = now
            audit(
                session,
                actor=Actor(source),
                action="alert_resolve",
                entity="alert",
                entity_id=alert.id,
                now=now,
                after={"kind": alert.kind},
            )
        return len(alerts)
