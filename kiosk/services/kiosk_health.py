"""Whether the kiosk can issue a ticket now: a real write, proved before a visitor needs it.

A database that can be read is not one that can be written: a read-only data folder, a full
disk or a read-only server (a standby) still answer every query, and the kiosk learnt it only
when a visitor's ticket failed. ``check_can_issue`` proves a write (on SQLite it commits one
that leaves no trace), so such a database shows at start, and its return while paused.
"""

from __future__ import annotations

from sqlalchemy import select, text

from kiosk.domain.enums import AlertKind
from kiosk.domain.errors import LinkError
from kiosk.services.alerts import AlertView, raise_alert
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.storage.models import Alert

PROBE_TABLE = "kiosk_write_probe"


def check_can_issue(ctx: AppContext) -> None:
    """Prove the database takes a ticket now; raises if it does not.

    SQLite: a table made and dropped in one committed transaction takes a new page and
    appends to the write-ahead log, so a read-only file or a full disk (or a database at its
    size limit) fails here as a ticket would, and leaves nothing behind. PostgreSQL: a write
    transaction that the server runs read-only (a standby, ``default_transaction_read_only``)
    fails; a server out of disk shows when a ticket fails, and the kiosk then pauses too.

    Args:
        ctx: The application context.

    Raises:
        LinkError: The server runs read-only.
        sqlalchemy.exc.DBAPIError: The database refused the write (the operation layer words
            it as a link error).
    """
    with ctx.db.write.begin() as session:
        if ctx.db.is_sqlite:
            session.execute(text(f"CREATE TABLE {PROBE_TABLE} (x INTEGER)"))
            session.execute(text(f"DROP TABLE {PROBE_TABLE}"))
        elif session.execute(text("SHOW transaction_read_only")).scalar() == "on":
            raise LinkError("The database server is read-only.")


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
