"""A desk's working session: open and close a counter (undo lives in ``kiosk.services.undo``)."""

from __future__ import annotations

from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import counter_by_number
from kiosk.services.permissions import require_staff
from kiosk.services.undo import UNDO_WINDOW, UNDOABLE, undo_last


def open_counter(ctx: AppContext, *, counter_number: int, actor: Actor) -> None:
    """Someone signed in at the desk: it counts as open for waiting-time estimates."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        counter = counter_by_number(session, counter_number)
        counter.open_since = now
        audit(
            session,
            actor=actor,
            action="counter_open",
            entity="counter",
            entity_id=counter.id,
            now=now,
        )


def close_counter(ctx: AppContext, *, counter_number: int, actor: Actor) -> None:
    """The desk signed out (by hand or after idle time)."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_staff(session, actor)
        counter = counter_by_number(session, counter_number)
        counter.open_since = None
        audit(
            session,
            actor=actor,
            action="counter_close",
            entity="counter",
            entity_id=counter.id,
            now=now,
        )


__all__ = ["UNDOABLE", "UNDO_WINDOW", "close_counter", "open_counter", "undo_last"]
