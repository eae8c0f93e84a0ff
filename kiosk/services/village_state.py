"""A village PC's own state: its device id, its role, the installed roster and the last sync.

Values live in the ``village_setting`` table so they travel with the database file (a backup
of the SQLite file restores them too).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.domain.views import LocalText
from kiosk.domain.village import VillageForm
from kiosk.services.context import AppContext
from kiosk.storage.models import Procedure
from kiosk.storage.village_models import VillageSetting

DEVICE_ID = "device_id"
ROLE = "role"
ROLE_VILLAGE = "village"
ROSTER = "roster"
LAST_SYNC = "last_sync"
# On the commune database: the form village PCs pull when they sync.
PUBLISHED_FORM = "published_form"


class VillageSetupError(KioskError):
    """This PC or database is not set up for what was asked."""

    default_code = ErrorCode.VILLAGE_SETUP


def get_setting(session: Session, key: str) -> str | None:
    """A setting's value, or None."""
    return session.scalar(select(VillageSetting.value).where(VillageSetting.key == key))


def put_setting(session: Session, key: str, value: str) -> None:
    """Create or replace a setting inside the caller's transaction."""
    row = session.get(VillageSetting, key)
    if row is None:
        session.add(VillageSetting(key=key, value=value))
    else:
        row.value = value


def device_id(session: Session) -> str:
    """This database's device id (a UUID made on first use); records carry it as ``origin``."""
    value = get_setting(session, DEVICE_ID)
    if value is None:
        value = str(uuid.uuid4())
        put_setting(session, DEVICE_ID, value)
        session.flush()
    return value


@dataclass(frozen=True, slots=True)
class RosterInfo:
    """The roster installed on a village PC (helpers are in the helper table)."""

    commune: str
    published_at: datetime
    form: VillageForm | None
    procedures: tuple[tuple[str, LocalText], ...]

    def to_json(self) -> str:
        """Stored as a setting."""
        data: dict[str, Any] = {
            "commune": self.commune,
            "published_at": self.published_at.isoformat(),
            "form": self.form.to_json() if self.form else None,
            "procedures": [[code, name.vi, name.en] for code, name in self.procedures],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RosterInfo:
        """The stored setting back."""
        data = json.loads(text)
        return cls(
            commune=data["commune"],
            published_at=datetime.fromisoformat(data["published_at"]),
            form=VillageForm.from_json(data["form"]) if data["form"] else None,
            procedures=tuple((c, LocalText(vi, en)) for c, vi, en in data["procedures"]),
        )


def installed_roster(session: Session) -> RosterInfo | None:
    """The roster this PC runs on, or None before the first one."""
    text = get_setting(session, ROSTER)
    return RosterInfo.from_json(text) if text else None


def current_form(ctx: AppContext, session: Session) -> VillageForm:
    """The form in use: the commune's (with the roster) on a village PC, else the config's."""
    roster = installed_roster(session) if ctx.config.village.is_village_point else None
    if roster is not None and roster.form is not None:
        return roster.form
    return ctx.config.village.form


def referral_procedures(ctx: AppContext, session: Session) -> tuple[tuple[str, LocalText], ...]:
    """Procedures a referral may name: the roster's on a village PC, else the database's."""
    roster = installed_roster(session) if ctx.config.village.is_village_point else None
    return roster.procedures if roster is not None else active_procedures(session)


def active_procedures(session: Session) -> tuple[tuple[str, LocalText], ...]:
    """The database's active procedures (code, name), in the kiosk's order."""
    rows = session.execute(
        select(Procedure.code, Procedure.name_vi, Procedure.name_en)
        .where(Procedure.active.is_(True))
        .order_by(Procedure.line_id, Procedure.sort_order)
    ).all()
    return tuple((code, LocalText(vi, en)) for code, vi, en in rows)


def require_village_point(ctx: AppContext) -> str:
    """The village point's place, or ``VillageSetupError`` explaining the config key."""
    place = ctx.config.village.place
    if not place:
        raise VillageSetupError(
            "This PC is not a village point: set [village] place in {config}.",
            config=ctx.config.source,
        )
    return place


def require_commune(ctx: AppContext, what: str) -> None:
    """Refuse ``what`` on a village PC: it belongs on the commune PC."""
    if ctx.config.village.is_village_point:
        raise VillageSetupError(
            "{what} is done on the commune PC, not at a village point ({place}).",
            what=what,
            place=ctx.config.village.place,
        )
