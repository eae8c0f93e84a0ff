"""Staff PINs: stored only as a salted scrypt hash; a lockout after repeated mistakes.

The scrypt cost is set so that one check takes about 0.3 s on the slowest PC the kiosk
supports (assumed: a 2013-2016 Celeron J1900/N3350-class mini PC, about 4 times slower at
scrypt than the AMD EPYC server core it was measured on, where N=2^15 took 70 ms). Whoever
copies the database can still guess offline at about 70 ms a guess per modern core: a 4-digit
PIN falls in at most 12 core-minutes, a 6-digit one in 19 core-hours. So the files are private
to the kiosk user (see README), and managers, who can change the roster, need 6 digits. Hashes
made at an older cost keep verifying and are redone at the new cost on the next good sign-in
(``needs_rehash``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import ErrorCode, ValidationError

PIN_MIN_DIGITS = 4
MANAGER_PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 8
MAX_FAILED_TRIES = 5
LOCKOUT = timedelta(minutes=5)

_N, _R, _P = 2**15, 8, 1
# OpenSSL refuses scrypt above 32 MiB unless told; N=2^15, r=8 needs 32 MiB plus a little.
_MAX_MEMORY_BYTES = 256 * 1024 * 1024


def min_pin_digits(role: HelperRole | str) -> int:
    """The shortest PIN allowed for a role: 6 digits for managers, 4 for other staff."""
    return MANAGER_PIN_MIN_DIGITS if role == HelperRole.MANAGER else PIN_MIN_DIGITS


def check_pin_format(pin: str, *, min_digits: int = PIN_MIN_DIGITS) -> str:
    """A PIN is ``min_digits`` to 8 digits; returns it unchanged or raises ``ValidationError``."""
    if not (pin.isascii() and pin.isdigit() and min_digits <= len(pin) <= PIN_MAX_DIGITS):
        raise ValidationError(
            "A PIN must be {low} to {high} digits.",
            code=ErrorCode.PIN_FORMAT,
            low=min_digits,
            high=PIN_MAX_DIGITS,
        )
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None, min_digits: int = PIN_MIN_DIGITS) -> str:
    """``scrypt$N$r$p$salt_hex$hash_hex`` for a valid PIN at the current cost."""
    check_pin_format(pin, min_digits=min_digits)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(pin, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Compare in constant time at the cost the hash was made with; malformed never matches."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = _scrypt(pin, bytes.fromhex(salt_hex), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def needs_rehash(stored: str) -> bool:
    """True when a hash was made at another cost than today's (redo it at the next sign-in)."""
    parts = stored.split("$")
    return len(parts) != 6 or parts[:4] != ["scrypt", str(_N), str(_R), str(_P)]


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY_BYTES, dklen=32
    )


def lockout_until(failed_tries: int, now: datetime) -> datetime | None:
    """When a helper with ``failed_tries`` consecutive mistakes may try again, if locked."""
    if failed_tries >= MAX_FAILED_TRIES:
        return now + LOCKOUT
    return None
