"""Leaving the kiosk: any active staff member's PIN opens the exit, behind a kiosk-wide throttle.

``sign_in`` counts failures per helper, but at the exit keypad nobody says who they are, so
the throttle here counts wrong PINs for the whole kiosk instead (in memory: a restart, which
needs staff anyway, clears it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.domain.enums import HelperKind
from kiosk.domain.errors import AuthError, ErrorCode
from kiosk.domain.pins import LOCKOUT, MAX_FAILED_TRIES, verify_pin
from kiosk.domain.views import HelperView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import helper_view
from kiosk.storage.models import Helper


@dataclass(slots=True)
class ExitPinThrottle:
    """Wrong exit PINs in a row and, after too many, when the keypad opens again."""

    max_failures: int = MAX_FAILED_TRIES
    failures: int = 0
    locked_until: datetime | None = None

    def check(self, now: datetime) -> None:
        """Raise ``AuthError`` while the keypad is locked."""
        if self.locked_until is not None and now < self.locked_until:
            raise AuthError(
                "Too many wrong PINs. Try again after {time}.",
                code=ErrorCode.PIN_LOCKED,
                time=self.locked_until,
            )
        self.locked_until = None

    def record(self, *, success: bool, now: datetime) -> None:
        """Count a try; the ``max_failures``-th wrong one in a row locks for the lockout time."""
        if success:
            self.failures = 0
            return
        self.failures += 1
        if self.failures >= self.max_failures:
            self.failures = 0
            self.locked_until = now + LOCKOUT


def verify_exit_pin(
    ctx: AppContext, pin: str, *, throttle: ExitPinThrottle, source: str = "kiosk"
) -> HelperView | None:
    """The active staff member whose PIN this is, or None for a wrong PIN.

    A match is audited as ``kiosk_exit`` by that staff member.

    Args:
        ctx: The application context.
        pin: The digits typed on the keypad.
        throttle: The kiosk's count of wrong PINs.
        source: The device being left, for the audit log.

    Raises:
        AuthError: Too many wrong PINs were typed (this one included); the keypad is locked
            for a while.
    """
    now = ctx.clock()
    throttle.check(now)
    with ctx.db.read() as session:
        staff = session.scalars(
            select(Helper).where(
                Helper.active.is_(True),
                Helper.kind == HelperKind.STAFF,
                Helper.pin_hash.is_not(None),
            )
        ).all()
        match = next((h for h in staff if h.pin_hash and verify_pin(pin, h.pin_hash)), None)
        view = helper_view(match) if match is not None else None
    throttle.record(success=view is not None, now=now)
    if view is None:
        throttle.check(now)  # the wrong PIN that starts a lockout says so at once
        return None
    with ctx.db.write.begin() as session:
        audit(
            session,
            actor=Actor(view.name, view.id),
            action="kiosk_exit",
            entity="helper",
            entity_id=view.id,
            now=now,
            after={"source": source},
        )
    return view
