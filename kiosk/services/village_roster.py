"""The commune's roster on village PCs: helpers, referral procedures and the form.

The commune writes it (``export_roster``, a signed file for a USB stick, which also publishes
the form in the commune database); a village PC installs it from that file, or pulls it at
each sync. Helpers keep the commune's ids on the village PC, so records credit the same
people at both ends.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.json_fields import JsonFields
from kiosk.domain.signed_file import open_sealed, seal
from kiosk.domain.text import fold
from kiosk.domain.village import VillageForm
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.village_files import read_file, require_manager, write_file_atomically
from kiosk.services.village_setup import load_key, require_setup_done
from kiosk.services.village_state import (
    PUBLISHED_FORM,
    ROSTER,
    RosterInfo,
    VillageSetupError,
    active_procedures,
    get_setting,
    installed_roster,
    put_setting,
    require_commune,
    require_village_point,
)
from kiosk.storage.engine import Database
from kiosk.storage.models import Helper

ROSTER_KIND = "roster"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class RosterHelper:
    """A helper as the roster carries them (never a PIN)."""

    id: int
    name: str
    kind: str
    role: str
    affiliation: str
    active: bool


@dataclass(frozen=True, slots=True)
class Roster:
    """Helpers, procedures and the form, as of ``info.published_at``."""

    info: RosterInfo
    helpers: tuple[RosterHelper, ...]


@dataclass(frozen=True, slots=True)
class RosterExport:
    """A written roster file."""

    path: Path
    helpers: int
    key_id: str


def _helpers(session: Session) -> tuple[RosterHelper, ...]:
    rows = session.scalars(select(Helper).order_by(Helper.id))
    return tuple(RosterHelper(h.id, h.name, h.kind, h.role, h.affiliation, h.active) for h in rows)


def export_roster(ctx: AppContext, path: Path, *, actor: Actor) -> RosterExport:
    """Write the signed roster file for village PCs and publish the form for those online."""
    require_commune(ctx, "Exporting the roster")
    require_manager(ctx, actor)
    key = load_key(ctx)
    publish_form(ctx, actor=actor)
    published_at = ctx.clock()
    with ctx.db.read() as session:
        roster = Roster(
            RosterInfo(
                ctx.config.site.commune,
                published_at,
                ctx.config.village.form,
                active_procedures(session),
            ),
            _helpers(session),
        )
    data = seal(ROSTER_KIND, roster_json(roster), key, created_at=published_at.isoformat())
    write_file_atomically(path, data)
    with ctx.db.write.begin() as session:
        audit(
            session,
            actor=actor,
            action="village_roster_export",
            entity="helper",
            entity_id=None,
            now=published_at,
            after={"file": str(path), "helpers": len(roster.helpers), "key_id": key.key_id},
        )
    return RosterExport(path, len(roster.helpers), key.key_id)


def publish_form(ctx: AppContext, *, actor: Actor) -> datetime:
    """Put the config's form in the commune database, where syncing village PCs find it."""
    require_commune(ctx, "Publishing the form")
    require_manager(ctx, actor)
    now = ctx.clock()
    form = ctx.config.village.form.to_json()
    with ctx.db.write.begin() as session:
        stored = get_setting(session, PUBLISHED_FORM)
        if stored is not None and json.loads(stored)["form"] == form:
            return datetime.fromisoformat(json.loads(stored)["published_at"])
        value = {"published_at": now.isoformat(), "form": form}
        put_setting(session, PUBLISHED_FORM, json.dumps(value, ensure_ascii=False))
        audit(
            session,
            actor=actor,
            action="village_form_publish",
            entity="site",
            entity_id=None,
            now=now,
            after={"needs": len(form["needs"]), "outcomes": len(form["outcomes"])},
        )
    return now


def import_roster(ctx: AppContext, path: Path, *, actor: Actor) -> bool:
    """Install a roster file on a village PC; True when it changed anything.

    Raises:
        SignedFileError: The file is not a roster, is cut short, changed or from another key.
        VillageSetupError: Not a village point, setup not done, or the file is older than the
            roster already installed.
    """
    require_village_point(ctx)
    require_manager(ctx, actor)
    opened = open_sealed(read_file(path), load_key(ctx), kind=ROSTER_KIND)
    roster = parse_roster(opened.payload)
    with ctx.db.read() as session:
        current = installed_roster(session)
    if current is not None and roster.info.published_at < current.published_at:
        raise VillageSetupError(
            "This roster file was made on {file}; the roster on this PC is newer ({installed}).",
            file=f"{roster.info.published_at:%d/%m/%Y %H:%M}",
            installed=f"{current.published_at:%d/%m/%Y %H:%M}",
        )
    return apply_roster(ctx, roster, actor=actor, source=str(path))


def pull_roster(ctx: AppContext, server: Database, *, actor: Actor) -> bool:
    """Fetch helpers, procedures and the published form from the commune; True if changed."""
    with server.read() as remote:
        helpers = _helpers(remote)
        procedures = active_procedures(remote)
        published = get_setting(remote, PUBLISHED_FORM)
    with ctx.db.read() as session:
        current = installed_roster(session)
    form = VillageForm.from_json(json.loads(published)["form"]) if published else None
    info = RosterInfo(
        commune=current.commune if current else ctx.config.site.commune,
        published_at=ctx.clock(),
        form=form or (current.form if current else None),
        procedures=procedures,
    )
    return apply_roster(ctx, Roster(info, helpers), actor=actor, source="sync")


def apply_roster(ctx: AppContext, roster: Roster, *, actor: Actor, source: str) -> bool:
    """Make this village PC's helpers, procedures and form those of ``roster``.

    Helpers missing from the roster are deactivated, never deleted (records keep their
    credit). Nothing is written, not even the audit, when nothing changed.
    """
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        require_setup_done(session)
        current = installed_roster(session)
        changed = _apply_helpers(session, roster.helpers, now)
        if current is None or _content(current) != _content(roster.info) or changed:
            put_setting(session, ROSTER, roster.info.to_json())
            audit(
                session,
                actor=actor,
                action="village_roster_install",
                entity="helper",
                entity_id=None,
                now=now,
                after={"source": source, "helpers": len(roster.helpers), "changed": changed},
            )
            return True
        if roster.info.published_at > current.published_at:
            # Same content, newer date: an older file must not count as newer than this one.
            put_setting(session, ROSTER, roster.info.to_json())
    return False


def _content(info: RosterInfo) -> tuple[Any, ...]:
    return (info.commune, info.form, info.procedures)


def _apply_helpers(session: Session, helpers: Sequence[RosterHelper], now: datetime) -> int:
    existing = {h.id: h for h in session.scalars(select(Helper))}
    changed = 0
    for item in helpers:
        row = existing.pop(item.id, None)
        if row is None:
            row = Helper(id=item.id, created_at=now, failed_pin_tries=0, pin_hash=None)
            session.add(row)
        wanted = {
            "name": item.name,
            "name_folded": fold(item.name),
            "kind": item.kind,
            "role": item.role,
            "affiliation": item.affiliation,
            "active": item.active,
        }
        if any(getattr(row, k, None) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(row, k, v)
            changed += 1
    for row in existing.values():
        if row.active:
            row.active = False
            changed += 1
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        # Ids come from the commune: move the sequence past them.
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('helper', 'id'), GREATEST(MAX(id), 1))"
                " FROM helper"
            )
        )
    return changed


def roster_json(roster: Roster) -> dict[str, Any]:
    """The JSON payload of a roster file."""
    info: dict[str, Any] = json.loads(roster.info.to_json())
    info["format"] = FORMAT
    info["helpers"] = [
        {
            "id": h.id,
            "name": h.name,
            "kind": h.kind,
            "role": h.role,
            "affiliation": h.affiliation,
            "active": h.active,
        }
        for h in roster.helpers
    ]
    return info


def _required_choice(f: JsonFields, name: str, options: list[str]) -> str:
    # A kind or role this version does not know means the commune runs a newer kiosk.
    value = f.choice(name, options)
    if value is None:
        raise f.error(name, "missing")
    return value


def parse_roster(payload: Any) -> Roster:
    """A roster from its JSON payload; ``JsonFieldError`` names a bad field."""
    top = JsonFields(payload, "the roster")
    if top.integer("format") != FORMAT:
        raise top.error("format", f"expected {FORMAT}")
    helpers = []
    for i, item in enumerate(top.items("helpers")):
        f = JsonFields(item, f"helper {i + 1}")
        helpers.append(
            RosterHelper(
                f.integer("id"),
                f.text("name", required=True),
                _required_choice(f, "kind", [k.value for k in HelperKind]),
                _required_choice(f, "role", [r.value for r in HelperRole]),
                f.text("affiliation"),
                f.flag("active"),
            )
        )
    try:
        info = RosterInfo.from_json(json.dumps(payload))
    except (KeyError, TypeError, ValueError) as exc:
        raise top.error("form", f"damaged ({exc})") from None
    return Roster(info, tuple(helpers))
