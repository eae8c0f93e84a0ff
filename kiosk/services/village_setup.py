"""Setting up village points: the commune's signing key, a village PC's setup and status."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kiosk.domain.signed_file import SigningKey, key_file_text, parse_key_file
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.village_files import read_file, require_manager
from kiosk.services.village_state import (
    LAST_SYNC,
    ROLE,
    ROLE_VILLAGE,
    VillageSetupError,
    device_id,
    get_setting,
    installed_roster,
    put_setting,
    require_commune,
    require_village_point,
)
from kiosk.storage.models import Helper, Ticket, Visit
from kiosk.storage.village_models import HelpSession, VillageRecord

KEY_FILE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class KeyView:
    """Where a key file is and its public id."""

    path: Path
    key_id: str


@dataclass(frozen=True, slots=True)
class VillageStatus:
    """A village PC at a glance (``kiosk village status``, the village screen's footer)."""

    place: str
    device_id: str
    set_up: bool
    key_id: str | None
    roster_published_at: datetime | None
    active_helpers: int
    pending_records: int
    pending_sessions: int
    last_sync_at: datetime | None
    last_sync_ok: bool | None
    last_sync_message: str
    # When the commune last confirmed a record: "last sent", whatever the last attempt did.
    last_sent_at: datetime | None = None


def load_key(ctx: AppContext) -> SigningKey:
    """The commune's signing key from ``[village] key_file``, or a message saying what to do."""
    path = ctx.config.village.key_file
    if not path.exists():
        raise VillageSetupError(
            "No village key at {path}. On the commune PC run `kiosk village key create`; on a"
            " village PC `kiosk village setup --key FILE` with the commune's key file.",
            path=str(path),
        )
    return _parse_key(path, read_file(path))


def _parse_key(path: Path, data: bytes) -> SigningKey:
    try:
        return parse_key_file(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise VillageSetupError(
            "{path}: not a village key file ({reason}).", path=str(path), reason=str(exc)
        ) from None


def _write_key(path: Path, key: SigningKey, commune: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, KEY_FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(key_file_text(key, commune=commune))
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
    except OSError as exc:
        raise VillageSetupError(
            "Cannot write the key file {path}: {reason}.", path=str(path), reason=exc.strerror
        ) from None


def create_key(ctx: AppContext, *, actor: Actor, replace: bool = False) -> KeyView:
    """Make the commune's signing key (once, on the commune PC); readable by its owner only.

    Raises:
        VillageSetupError: Run on a village PC, or a key exists and ``replace`` is False.
    """
    require_commune(ctx, "Making the village key")
    require_manager(ctx, actor)
    path = ctx.config.village.key_file
    if path.exists() and not replace:
        old = load_key(ctx)
        raise VillageSetupError(
            "A key already exists at {path} (key {key_id}). A new key makes every village PC"
            " need the new one; use --replace only if the old key was lost or leaked.",
            path=str(path),
            key_id=old.key_id,
        )
    key = SigningKey.generate()
    _write_key(path, key, ctx.config.site.commune)
    with ctx.db.write.begin() as session:
        audit(
            session,
            actor=actor,
            action="village_key_create",
            entity="site",
            entity_id=None,
            now=ctx.clock(),
            after={"key_id": key.key_id},
        )
    return KeyView(path, key.key_id)


def require_setup_done(session: Session) -> None:
    """Refuse roster installs on a database that was never set up as a village point."""
    if get_setting(session, ROLE) != ROLE_VILLAGE:
        raise VillageSetupError(
            "This PC is not set up as a village point yet: run `kiosk village setup` first."
        )


def setup_village_point(
    ctx: AppContext,
    *,
    actor: Actor,
    key_file: Path | None = None,
    roster_file: Path | None = None,
    replace_key: bool = False,
) -> VillageStatus:
    """Make this PC a village point: its own database, the commune's key, the roster.

    Raises:
        VillageSetupError: No ``[village] place``; a database that holds desk data (a village
            point needs its own); a different key already installed without ``replace_key``.
    """
    from kiosk.services.village_roster import import_roster

    require_village_point(ctx)
    require_manager(ctx, actor)
    if key_file is not None:
        _install_key(ctx, key_file, replace=replace_key)
    load_key(ctx)
    with ctx.db.write.begin() as session:
        if get_setting(session, ROLE) != ROLE_VILLAGE:
            _check_empty_of_desk_data(session)
            put_setting(session, ROLE, ROLE_VILLAGE)
            audit(
                session,
                actor=actor,
                action="village_setup",
                entity="site",
                entity_id=None,
                now=ctx.clock(),
                after={"place": ctx.config.village.place, "device": device_id(session)},
            )
    if roster_file is not None:
        import_roster(ctx, roster_file, actor=actor)
    return village_status(ctx)


def _install_key(ctx: AppContext, source: Path, *, replace: bool) -> None:
    key = _parse_key(source, read_file(source))
    target = ctx.config.village.key_file
    if target.exists():
        current = load_key(ctx)
        if current == key:
            return
        if not replace:
            raise VillageSetupError(
                "This PC already has key {current}; the file holds key {new}. Add --replace-key"
                " if the commune has made a new key.",
                current=current.key_id,
                new=key.key_id,
            )
    _write_key(target, key, ctx.config.site.commune)


def _check_empty_of_desk_data(session: Session) -> None:
    desk_data = (
        session.scalar(select(exists().where(Ticket.id.is_not(None))))
        or session.scalar(select(exists().where(Visit.id.is_not(None))))
        or session.scalar(select(exists().where(Helper.pin_hash.is_not(None))))
    )
    if desk_data:
        raise VillageSetupError(
            "This database already holds desk data (tickets, visits or staff PINs). A village"
            " point needs its own database: set [database] url to a new SQLite file."
        )


def village_status(ctx: AppContext) -> VillageStatus:
    """Where this village PC stands: key, roster, records waiting, last sync."""
    place = require_village_point(ctx)
    key_id = load_key(ctx).key_id if ctx.config.village.key_file.exists() else None
    with ctx.db.write.begin() as session:
        roster = installed_roster(session)
        last = json.loads(get_setting(session, LAST_SYNC) or "{}")
        return VillageStatus(
            place=place,
            device_id=device_id(session),
            set_up=get_setting(session, ROLE) == ROLE_VILLAGE,
            key_id=key_id,
            roster_published_at=roster.published_at if roster else None,
            active_helpers=_count(
                session, select(func.count()).select_from(Helper).where(Helper.active.is_(True))
            ),
            pending_records=_count(
                session,
                select(func.count())
                .select_from(VillageRecord)
                .where(VillageRecord.sent_at.is_(None)),
            ),
            pending_sessions=_count(
                session,
                select(func.count())
                .select_from(HelpSession)
                .where(HelpSession.version > HelpSession.synced_version),
            ),
            last_sync_at=datetime.fromisoformat(last["at"]) if "at" in last else None,
            last_sync_ok=last.get("ok"),
            last_sync_message=last.get("message", ""),
            last_sent_at=session.scalar(select(func.max(VillageRecord.sent_at))),
        )


def _count(session: Session, stmt: object) -> int:
    return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]
