"""Leaving the kiosk: any active staff member's PIN opens the exit, behind a kiosk-wide throttle.

``sign_in`` counts failures per helper, but at the exit keypad nobody says who they are, so
the throttle counts wrong PINs for the whole keypad instead. It lives in the database
(``pin_throttle``), so restarting the kiosk does not reset it, and every wrong PIN is audited
like the desk's.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.enums import HelperKind
from kiosk.domain.pins import verify_pin
from kiosk.domain.views import HelperView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import helper_view
from kiosk.services.lookup import helper_by_id
from kiosk.services.pin_attempts import (
    add_wrong_pin,
    check_not_locked,
    locked_error,
    locked_throttle,
)
from kiosk.storage.models import Helper, PinThrottle


def throttle_name(source: str) -> str:
    """The ``pin_throttle`` row of a device's exit keypad."""
    return f"exit:{source}"


def verify_exit_pin(ctx: AppContext, pin: str, *, source: str = "kiosk") -> HelperView | None:
    """The active staff member whose PIN this is, or None for a wrong PIN.

    A match is audited as ``kiosk_exit`` by that staff member, a wrong PIN as
    ``exit_pin_wrong`` (``exit_pin_lockout`` when it locks the keypad) by the device.

    Args:
        ctx: The application context.
        pin: The digits typed on the keypad.
        source: The device being left; its throttle and audit entries carry the name.

    Raises:
        AuthError: The keypad is locked after too many wrong PINs (this one included).
    """
    now = ctx.clock()
    name = throttle_name(source)
    with ctx.db.read() as session:
        throttle = session.get(PinThrottle, name)
        check_not_locked(throttle.locked_until if throttle else None, now)
        staff = session.execute(
            select(Helper.id, Helper.pin_hash).where(
                Helper.active.is_(True),
                Helper.kind == HelperKind.STAFF,
                Helper.pin_hash.is_not(None),
            )
        ).all()
    match = _first_match(pin, [(helper_id, pin_hash) for helper_id, pin_hash in staff])
    view: HelperView | None = None
    locked: datetime | None = None
    with ctx.db.write.begin() as session:
        throttle = locked_throttle(session, name)
        check_not_locked(throttle.locked_until, now)  # a parallel wrong PIN may have locked it
        if match is None:
            locked = _wrong(session, name=name, source=source, now=now)
        else:
            throttle.failed_pin_tries = 0
            throttle.locked_until = None
            view = helper_view(helper_by_id(session, match))
            audit(
                session,
                actor=Actor(view.name, view.id),
                action="kiosk_exit",
                entity="helper",
                entity_id=view.id,
                now=now,
                after={"source": source},
            )
    if view is None and locked is not None:
        raise locked_error(locked)  # the PIN that locks says so at once
    return view


def _wrong(session: Session, *, name: str, source: str, now: datetime) -> datetime | None:
    locked = add_wrong_pin(session, PinThrottle, PinThrottle.name == name, now)
    audit(
        session,
        actor=Actor(source),
        action="exit_pin_wrong" if locked is None else "exit_pin_lockout",
        entity="pin_throttle",
        entity_id=None,
        now=now,
        after={"source": source, "locked_until": locked},
    )
    return locked


def _first_match(pin: str, hashes: list[tuple[int, str | None]]) -> int | None:
    """The first helper whose hash matches; scrypt runs on every core at once."""
    candidates = [(helper_id, stored) for helper_id, stored in hashes if stored]
    if not candidates:
        return None
    # hashlib.scrypt releases the GIL: several staff hashes cost about one on a 4-core PC.
    workers = max(1, min(len(candidates), os.cpu_count() or 1))
    with ThreadPoolExecutor(workers, thread_name_prefix="pin-check") as pool:
        results = pool.map(lambda item: verify_pin(pin, item[1]), candidates)
        for (helper_id, _stored), good in zip(candidates, results, strict=True):
            if good:
                return helper_id
    return None
