"""Signed files that carry village records and the roster on a USB stick.

Scheme: HMAC-SHA256 with one secret key per commune. A commune needs no PKI: the commune PC
makes the key once (``kiosk village key create``) and it is copied to each village PC with the
roster. Whoever holds the key can sign, so the key file stays on the commune's own PCs.

Layout (UTF-8; the payload is one line of JSON, so the file stays readable)::

    commune-kiosk village file 1
    {"created_at": "...", "key_id": "...", "kind": "records", "length": 1234}
    <payload: exactly `length` bytes>
    hmac-sha256 <64 hex digits>

The MAC covers everything before the signature line. A file cut short loses its signature
line first, so truncation is told apart from a change; every refusal has a stable ``code``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import tomllib
from dataclasses import dataclass
from typing import Any

from kiosk.domain.errors import ErrorCode, KioskError

MAGIC = b"commune-kiosk village file "
VERSION = 1
SIGNATURE_PREFIX = b"hmac-sha256 "
_SIGNATURE_LINE = re.compile(rb"hmac-sha256 ([0-9a-f]{64})\n\Z")
KEY_BYTES = 32


class SignedFileError(KioskError):
    """A village file that is refused; ``code`` says why (never match the message)."""

    default_code = ErrorCode.VILLAGE_FILE_DAMAGED


class EmptyFileError(SignedFileError):
    """The file has no content."""

    default_code = ErrorCode.VILLAGE_FILE_EMPTY


class NotAVillageFileError(SignedFileError):
    """The file was not written by ``kiosk village ... export``."""

    default_code = ErrorCode.NOT_A_VILLAGE_FILE


class TruncatedFileError(SignedFileError):
    """The file is cut short (an unfinished copy, a stick pulled out too early)."""

    default_code = ErrorCode.VILLAGE_FILE_TRUNCATED


class TamperedFileError(SignedFileError):
    """The signature does not match: the file was changed after it was signed."""

    default_code = ErrorCode.VILLAGE_FILE_TAMPERED


class OtherKeyError(SignedFileError):
    """The file was signed with another key (another commune, or an old key)."""

    default_code = ErrorCode.VILLAGE_FILE_OTHER_KEY


class WrongKindError(SignedFileError):
    """A roster file given where records are expected, or the other way round."""

    default_code = ErrorCode.VILLAGE_FILE_WRONG_KIND


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A commune's secret key and its public id (printed in messages, never the secret)."""

    secret: bytes

    @property
    def key_id(self) -> str:
        """12 hex digits derived from the secret; tells keys apart without revealing them."""
        return hashlib.sha256(b"commune-kiosk key id\0" + self.secret).hexdigest()[:12]

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key."""
        return cls(secrets.token_bytes(KEY_BYTES))


def key_file_text(key: SigningKey, *, commune: str) -> str:
    """The text of a key file (TOML), with a warning for whoever opens it."""
    return (
        "# Village signing key of the commune kiosk. Keep it secret: whoever has it can sign\n"
        "# village files. Copy it only to the commune's own PCs (kiosk village setup --key).\n"
        f"commune = {json.dumps(commune, ensure_ascii=False)}\n"
        f'key_id = "{key.key_id}"\n'
        f'key = "{key.secret.hex()}"\n'
    )


def parse_key_file(text: str) -> SigningKey:
    """The key in a key file; ``ValueError`` naming what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not a key file ({exc})") from None
    raw = data.get("key")
    if not isinstance(raw, str) or not re.fullmatch(r"[0-9a-f]{64}", raw):
        raise ValueError("the key must be 64 hexadecimal digits")
    key = SigningKey(bytes.fromhex(raw))
    if data.get("key_id", key.key_id) != key.key_id:
        raise ValueError("key_id does not match the key (the file was edited)")
    return key


def _canonical(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def seal(kind: str, payload: Any, key: SigningKey, *, created_at: str) -> bytes:
    """The bytes of a signed file holding ``payload`` (JSON-ready data)."""
    body = _canonical(payload)
    header = {"created_at": created_at, "key_id": key.key_id, "kind": kind, "length": len(body)}
    signed = MAGIC + f"{VERSION}\n".encode() + _canonical(header) + b"\n" + body
    mac = hmac.new(key.secret, signed, hashlib.sha256).hexdigest()
    return signed + b"\n" + SIGNATURE_PREFIX + mac.encode() + b"\n"


@dataclass(frozen=True, slots=True)
class Opened:
    """A checked file: its header and its payload."""

    kind: str
    created_at: str
    payload: Any


def open_sealed(data: bytes, key: SigningKey, *, kind: str) -> Opened:
    """Check a signed file and return its payload.

    Raises:
        SignedFileError: A subclass whose ``code`` and message say what is wrong.
    """
    if not data.strip():
        raise EmptyFileError("The file is empty.")
    if not data.startswith(MAGIC):
        raise NotAVillageFileError("This is not a village file written by the kiosk.")
    first_end = data.find(b"\n")
    second_end = data.find(b"\n", first_end + 1) if first_end >= 0 else -1
    if second_end < 0:
        raise TruncatedFileError("The file is cut short: it ends inside its header.")
    version = data[len(MAGIC) : first_end]
    if version != str(VERSION).encode():
        raise NotAVillageFileError(
            "The file has format {version}; this version of the kiosk reads format {ours}.",
            version=version.decode(errors="replace"),
            ours=VERSION,
        )
    header = _header(data[first_end + 1 : second_end])
    rest = data[second_end + 1 :]
    body, mac = _split_signature(rest, header["length"])
    if header["kind"] != kind:
        raise WrongKindError(
            "This is a {found} file, not a {wanted} file.", found=header["kind"], wanted=kind
        )
    if header["key_id"] != key.key_id:
        raise OtherKeyError(
            "The file is signed with key {theirs}; this PC has key {ours}. It comes from"
            " another commune, or the commune's key was changed.",
            theirs=header["key_id"],
            ours=key.key_id,
        )
    expected = hmac.new(key.secret, data[: second_end + 1] + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), mac):
        raise TamperedFileError("The signature does not match: the file was changed after export.")
    try:
        payload = json.loads(body)
    except ValueError:
        raise SignedFileError("The signed content is not valid JSON.") from None
    return Opened(kind=header["kind"], created_at=header["created_at"], payload=payload)


def _header(line: bytes) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except ValueError:
        raise SignedFileError("The file's header is damaged.") from None
    fields = {"created_at": str, "key_id": str, "kind": str, "length": int}
    if not isinstance(header, dict) or any(
        not isinstance(header.get(name), kind) for name, kind in fields.items()
    ):
        raise SignedFileError("The file's header is damaged.")
    return header


def _split_signature(rest: bytes, length: int) -> tuple[bytes, bytes]:
    """The payload and the MAC; a missing or partial signature line means a cut-short copy."""
    cut = rest.rfind(b"\n" + SIGNATURE_PREFIX)
    if cut < 0:
        present = min(len(rest), length)
        raise TruncatedFileError(
            "The file is cut short: its signature is missing ({present} of {length} bytes of"
            " content present). Copy it again from the village PC.",
            present=present,
            length=length,
        )
    match = _SIGNATURE_LINE.match(rest, cut + 1)
    if match is None:
        tail = rest[cut + 1 :]
        if len(tail) < len(SIGNATURE_PREFIX) + 65 and b"\n" not in tail:
            raise TruncatedFileError("The file is cut short inside its signature.")
        raise TamperedFileError("The signature line is damaged: the file was changed.")
    body = rest[:cut]
    if len(body) != length:
        raise TamperedFileError(
            "The content is {found} bytes long but {length} bytes were signed: the file was"
            " changed after export.",
            found=len(body),
            length=length,
        )
    return body, match.group(1)
