"""The helper roster: staff and volunteers, PINs, sign-in with lockout, CSV import."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.errors import AuthError, ErrorCode, ValidationError
from kiosk.domain.pins import hash_pin, lockout_until, verify_pin
from kiosk.domain.text import fold, matches, nfc
from kiosk.domain.views import HelperView
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import helper_by_id
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
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        helper = Helper(
            name=name,
            name_folded=fold(name),
            kind=kind_value,
            role=role_value,
            affiliation=nfc(affiliation),
            active=True,
            pin_hash=hash_pin(pin) if pin else None,
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
    """Set or reset a staff member's PIN (clears a lockout)."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        helper = helper_by_id(session, helper_id)
        if helper.kind != HelperKind.STAFF:
            raise ValidationError(
                "Only staff sign in, so only staff get a PIN.", code=ErrorCode.PIN_STAFF_ONLY
            )
        helper.pin_hash = hash_pin(pin)
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
    """Check a staff PIN; five wrong tries lock the helper for five minutes (audited)."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        helper = helper_by_id(session, helper_id)
        if not helper.active or helper.pin_hash is None:
            raise AuthError(
                "{name} cannot sign in.", code=ErrorCode.CANNOT_SIGN_IN, name=helper.name
            )
        if helper.locked_until is not None and helper.locked_until > now:
            raise AuthError(
                "Too many wrong PINs. Try again after {time}.",
                code=ErrorCode.PIN_LOCKED,
                time=helper.locked_until,
            )
        if verify_pin(pin, helper.pin_hash):
            helper.failed_pin_tries = 0
            helper.locked_until = None
            audit(
                session,
                actor=Actor(helper.name, helper.id),
                action="sign_in",
                entity="helper",
                entity_id=helper.id,
                now=now,
            )
            return helper_view(helper)
        helper.failed_pin_tries += 1
        locked = lockout_until(helper.failed_pin_tries, now)
        if locked is not None:
            helper.locked_until = locked
            helper.failed_pin_tries = 0
            audit(
                session,
                actor=Actor(helper.name, helper.id),
                action="pin_lockout",
                entity="helper",
                entity_id=helper.id,
                now=now,
                after={"locked_until": locked},
            )
    # Committed above so the failed try counts even though we raise.
    if locked is not None:
        raise AuthError(
            "Too many wrong PINs. Try again after {time}.", code=ErrorCode.PIN_LOCKED, time=locked
        )
    raise AuthError("Wrong PIN.", code=ErrorCode.WRONG_PIN)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a CSV import added, and the rows it refused with their line numbers."""

    added: tuple[HelperView, ...]
    problems: tuple[str, ...]


def import_csv(ctx: AppContext, path: Path, *, actor: Actor) -> ImportResult:
    """Import helpers from a UTF-8 CSV with columns name, kind, role, affiliation[, pin].

    Every row is checked first; nothing is added unless all rows are good.
    """
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
    kind, _role = _parse_kind_role(row.get("kind", ""), row.get("role", ""))
    pin = row.get("pin", "")
    if pin:
        if kind is not HelperKind.STAFF:
            raise ValidationError("pin: only staff get a PIN")
        hash_pin(pin)  # raises on a malformed PIN
