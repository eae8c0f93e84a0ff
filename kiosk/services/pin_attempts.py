"""Wrong PINs counted atomically on SQLite and PostgreSQL, and the lockout that follows.

The PIN is checked before the write transaction (scrypt takes a good part of a second, too
long to hold SQLite's write lock or a row lock); the transaction then locks the row, looks
again at the lockout (a parallel wrong PIN may just have set it) and adds the failure with
one ``UPDATE ... RETURNING``. Twelve wrong PINs sent at once therefore lock the account
after the fifth, as five sent one by one do.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from kiosk.domain.errors import AuthError, ErrorCode
from kiosk.domain.pins import lockout_until
from kiosk.storage.models import Helper, PinThrottle
from kiosk.storage.upsert import insert_on_conflict


def locked_error(locked_until: datetime) -> AuthError:
    """The error of a helper or keypad locked until ``locked_until``."""
    return AuthError(
        "Too many wrong PINs. Try again after {time}.",
        code=ErrorCode.PIN_LOCKED,
        time=locked_until,
    )


def check_not_locked(locked_until: datetime | None, now: datetime) -> None:
    """Raise ``AuthError`` while a lockout runs."""
    if locked_until is not None and locked_until > now:
        raise locked_error(locked_until)


def add_wrong_pin(
    session: Session,
    row: type[Helper] | type[PinThrottle],
    which: ColumnElement[bool],
    now: datetime,
) -> datetime | None:
    """One more wrong PIN on a helper or throttle row that the caller has locked.

    Args:
        session: The write transaction holding the row lock.
        row: ``Helper`` or ``PinThrottle``.
        which: Picks the row, e.g. ``Helper.id == 7``.
        now: The time of the try.

    Returns:
        When the lockout this failure starts ends, or None when it starts none.
    """
    tries = session.execute(
        update(row)
        .where(which)
        .values(failed_pin_tries=row.failed_pin_tries + 1)
        .returning(row.failed_pin_tries)
    ).scalar_one()
    locked = lockout_until(tries, now)
    if locked is not None:
        session.execute(update(row).where(which).values(failed_pin_tries=0, locked_until=locked))
    return locked


def locked_throttle(session: Session, name: str) -> PinThrottle:
    """The throttle row ``name``, created if missing and row-locked on PostgreSQL."""
    session.execute(
        insert_on_conflict(session, PinThrottle)
        .values(name=name, failed_pin_tries=0, locked_until=None)
        .on_conflict_do_nothing(index_elements=[PinThrottle.name])
    )
    throttle = session.scalar(
        select(PinThrottle)
        .where(PinThrottle.name == name)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert throttle is not None  # inserted just above if it was missing
    return throttle
