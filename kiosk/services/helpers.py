"""The helper roster: staff and volunteers, PINs, sign-in with lockout, CSV import."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.errors import AuthError, ErrorCode, ValidationError
from kiosk.domain.pins import (
    check_pin_format,
    hash_pin,
    min_pin_digits,
    needs_rehash,
    verify_pin,
)
from kiosk.domain.text import fold, matches, nfc
from kiosk.domain.views import HelperView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import helper_by_id
from kiosk.services.permissions import require_manager
from kiosk.services.pin_attempts import add_wrong_pin, check_not_locked, locked_error
from kiosk.storage.models import Helper, Visit, VisitHelper

CSV_COLUMNS = ("name", "kind", "role", "affiliation", "pin")


def helper_view(helper: Helper) -> HelperView:
    """A helper row as a frozen view (never the PIN hash)."""
    return HelperView(
        id=helper.id,
        name=helper.name,
        kind=HelperKind(helper.kind),
        role=HelperRole(helper.role),
        affiliation=helper.affiliation,
        active=helper.active,
        has_pin=helper.pin_hash is not None,
    )


def _parse_kind_role(kind: str, role: str) -> tuple[HelperKind, HelperRole]:
    try:
        kind_value = HelperKind(kind)
    except ValueError:
        raise ValidationError(
            "Unknown kind {kind}; expected one of {options}.",
            kind=kind,
            options=", ".join(k.value for k in HelperKind),
        ) from None
    try:
        role_value = HelperRole(role)
    except ValueError:
        raise ValidationError(
            "Unknown role {role}; expected one of {options}.",
            role=role,
            options=", ".join(r.value for r in HelperRole),
        ) from None
    return kind_value, role_value


def add_helper(
    ctx: AppContext,
    *,
    name: str,
    kind: str,
    role: str,
    affiliation: str = "",
    pin: str | None = None,
    actor: Actor,
) -> HelperView:
    """Add a staff member (who may get a PIN) or a volunteer (who never signs in)."""
    name = nfc(name)
    if not name:
        raise ValidationError("A helper needs a name.", code=ErrorCode.HELPER_NAME_MISSING)
    kind_value, role_value = _parse_kind_role(kind, role)
    if pin and kind_value is not HelperKind.STAFF:
        raise ValidationError(
            "Only staff sign in, so only staff get a PIN.", code=ErrorCode.PIN_STAFF_ONLY
        )
    pin_hash = hash_pin(pin, min_digits=min_pin_digits(role_value)) if pin else None
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_manager(session, actor, action="change the roster")
        helper = Helper(
            name=name,
            name_folded=fold(name),
            kind=kind_value,
            role=role_value,
            affiliation=nfc(affiliation),
            active=True,
            pin_hash=pin_hash,
            failed_pin_tries=0,
            created_at=now,
        )
        session.add(helper)
        session.flush()
        audit(
            session,
            actor=actor,
            action="helper_add",
            entity="helper",
            entity_id=helper.id,
            now=now,
            after={"name": name, "kind": kind_value.value, "role": role_value.value},
        )
        return helper_view(helper)


def list_helpers(
    ctx: AppContext, *, include_inactive: bool = False, query: str = ""
) -> list[HelperView]:
    """Helpers by name (accent-insensitive search on ``query``)."""
    with ctx.db.read() as session:
        stmt = select(Helper).order_by(Helper.name_folded, Helper.id)
        if not include_inactive:
            stmt = stmt.where(Helper.active.is_(True))
        helpers = [helper_view(h) for h in session.scalars(stmt)]
    return [h for h in helpers if not query or matches(query, h.name)]


def recent_helpers(ctx: AppContext, *, limit: int = 12) -> list[HelperView]:
    """Active helpers, those who helped most recently first (the desk's one-tap roster)."""
    with ctx.db.read() as session:
        last_visit = (
            select(VisitHelper.helper_id, func.max(Visit.ended_at).label("last"))
            .join(Visit, Visit.id == VisitHelper.visit_id)
            .group_by(VisitHelper.helper_id)
            .subquery()
        )
        stmt = (
            select(Helper)
            .outerjoin(last_visit, last_visit.c.helper_id == Helper.id)
            .where(Helper.active.is_(True))
            .order_by(last_visit.c.last.desc().nulls_last(), Helper.name_folded)
            .limit(limit)
        )
        return [helper_view(h) for h in session.scalars(stmt)]


def set_active(ctx: AppContext, *, helper_id: int, active: bool, actor: Actor) -> HelperView:
    """Deactivate (or reactivate) a helper; past visits keep their credit."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_manager(session, actor, action="change the roster")
        helper = helper_by_id(session, helper_id)
        before = helper.active
        helper.active = active
        audit(
            session,
            actor=actor,
            action="helper_activate" if active else "helper_deactivate",
            entity="helper",
            entity_id=helper.id,
            now=now,
            before={"active": before},
            after={"active": active},
        )
        return helper_view(helper)


def set_pin(ctx: AppContext, *, helper_id: int, pin: str, actor: Actor) -> HelperView:
    """Set or reset a staff member's PIN (clears a lockout); managers' PINs have 6+ digits.

    Raises:
        PermissionDeniedError: The actor is a helper but not a manager.
        ValidationError: A volunteer, or a PIN of the wrong length for the helper's role.
    """
    now = ctx.clock()
    with ctx.db.read() as session:
        role = helper_by_id(session, helper_id).role
    # Hashed before the write transaction: scrypt is too slow to hold the write lock for.
    pin_hash = hash_pin(pin, min_digits=min_pin_digits(role))
    with ctx.db.write.begin() as session:
        require_manager(session, actor, action="set a PIN")
        helper = helper_by_id(session, helper_id, lock=True)
        if helper.kind != HelperKind.STAFF:
            raise ValidationError(
                "Only staff sign in, so only staff get a PIN.", code=ErrorCode.PIN_STAFF_ONLY
            )
        if min_pin_digits(helper.role) > min_pin_digits(role):  # promoted meanwhile
            check_pin_format(pin, min_digits=min_pin_digits(helper.role))
        helper.pin_hash = pin_hash
        helper.failed_pin_tries = 0
        helper.locked_until = None
        audit(
            session,
            actor=actor,
            action="helper_set_pin",
            entity="helper",
            entity_id=helper.id,
            now=now,
        )
        return helper_view(helper)


def sign_in(ctx: AppContext, *, helper_id: int, pin: str) -> HelperView:
    """Check a staff PIN; five wrong tries lock the helper for five minutes (each audited).

    Wrong tries are counted atomically (``pin_attempts``), also when sent in parallel. A
    good PIN whose hash was made at an older scrypt cost is hashed again at today's.

    Raises:
        AuthError: A wrong PIN, a locked helper, or one who cannot sign in.
    """
    now = ctx.clock()
    with ctx.db.read() as session:
        stored = _pin_hash_to_check(helper_by_id(session, helper_id), now)
    # The slow scrypt runs before the write transaction, never while holding its lock.
    good = verify_pin(pin, stored)
    fresh = hash_pin(pin) if good and needs_rehash(stored) else None
    with ctx.db.write.begin() as session:
        helper = helper_by_id(session, helper_id, lock=True)
        current = _pin_hash_to_check(helper, now)  # a parallel wrong PIN may have locked it
        if current != stored:  # the PIN was reset meanwhile
            good, fresh = verify_pin(pin, current), None
        actor = Actor(helper.name, helper.id)
        if good:
            helper.failed_pin_tries = 0
            helper.locked_until = None
            helper.pin_hash = fresh or current
            audit(
                session,
                actor=actor,
                action="sign_in",
                entity="helper",
                entity_id=helper.id,
                now=now,
            )
            return helper_view(helper)
        locked = add_wrong_pin(session, Helper, Helper.id == helper.id, now)
        audit(
            session,
            actor=actor,
            action="pin_wrong" if locked is None else "pin_lockout",
            entity="helper",
            entity_id=helper.id,
            now=now,
            after={"locked_until": locked} if locked is not None else None,
        )
    # Committed above so the failed try counts even though we raise.
    if locked is not None:
        raise locked_error(locked)
    raise AuthError("Wrong PIN.", code=ErrorCode.WRONG_PIN)


def _pin_hash_to_check(helper: Helper, now: datetime) -> str:
    if not helper.active or helper.pin_hash is None:
        raise AuthError("{name} cannot sign in.", code=ErrorCode.CANNOT_SIGN_IN, name=helper.name)
    check_not_locked(helper.locked_until, now)
    return helper.pin_hash


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a CSV import added, and the rows it refused with their line numbers."""

    added: tuple[HelperView, ...]
    problems: tuple[str, ...]


def import_csv(ctx: AppContext, path: Path, *, actor: Actor) -> ImportResult:
    """Import helpers from a UTF-8 CSV with columns name, kind, role, affiliation[, pin].

    Every row is checked first; nothing is added unless all rows are good.
    """
    with ctx.db.read() as session:
        require_manager(session, actor, action="change the roster")
    rows = _read_csv(path)
    problems: list[str] = []
    good: list[dict[str, str]] = []
    for line_no, row in rows:
        try:
            _check_row(row)
        except ValidationError as exc:
            problems.append(f"{path}:{line_no}: {exc}")
            continue
        good.append(row)
    if problems:
        return ImportResult((), tuple(problems))
    added = [
        add_helper(
            ctx,
            name=row["name"],
            kind=row["kind"],
            role=row["role"],
            affiliation=row.get("affiliation", ""),
            pin=row.get("pin") or None,
            actor=actor,
        )
        for row in good
    ]
    return ImportResult(tuple(added), ())


def _read_csv(path: Path) -> Sequence[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError("{path}: file not found.", path=path) from None
    except UnicodeDecodeError:
        raise ValidationError("{path}: not UTF-8 text; save the CSV as UTF-8.", path=path) from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("name", "kind", "role") if c not in header]
    if missing:
        raise ValidationError(
            "{path}:1: missing column(s) {missing}; expected {expected}.",
            path=path,
            missing=", ".join(missing),
            expected=", ".join(CSV_COLUMNS),
        )
    rows = []
    for row in reader:
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        rows.append((reader.line_num, clean))
    return rows


def _check_row(row: dict[str, str]) -> None:
    if not row.get("name"):
        raise ValidationError("name: must not be empty")
    kind, role = _parse_kind_role(row.get("kind", ""), row.get("role", ""))
    pin = row.get("pin", "")
    if pin:
        if kind is not HelperKind.STAFF:
            raise ValidationError("pin: only staff get a PIN")
        check_pin_format(pin, min_digits=min_pin_digits(role))
