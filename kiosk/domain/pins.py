"""Staff PINs: stored only as a salted scrypt hash; a lockout after repeated mistakes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from kiosk.domain.errors import ErrorCode, ValidationError

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
MAX_FAILED_TRIES = 5
LOCKOUT = timedelta(minutes=5)

# scrypt cost: about 20 ms on a small PC; strong enough for a local 4-8 digit PIN behind a lockout.
_N, _R, _P = 2**14, 8, 1


def check_pin_format(pin: str) -> str:
    """A PIN is 4 to 8 digits; returns it unchanged or raises ``ValidationError``."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS):
        raise ValidationError(
            "A PIN must be {low} to {high} digits.",
            code=ErrorCode.PIN_FORMAT,
            low=PIN_MIN_DIGITS,
            high=PIN_MAX_DIGITS,
        )
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt_hex$hash_hex`` for a valid PIN."""
    check_pin_format(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Compare in constant time; a malformed stored hash never matches."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def lockout_until(failed_tries: int, now: datetime) -> datetime | None:
    """When a helper with ``failed_tries`` consecutive mistakes may try again, if locked."""
    if failed_tries >= MAX_FAILED_TRIES:
        return now + LOCKOUT
    return None
