"""Village-point use cases: record the help given to a visitor, hold help sessions.

Every use case is one transaction and returns a frozen view. On a village PC the records wait
in its own database until ``village_sync`` or an export file carries them to the commune; a
record made straight into the commune database (a desk PC recording for a village) is marked
received at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.clock import service_day
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.text import nfc
from kiosk.domain.views import HelperView, LocalText
from kiosk.domain.village import VillageForm, check_entry
from kiosk.domain.visits import HelperCredit, normalise_credits
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import helper_view
from kiosk.services.lookup import helper_by_id
from kiosk.services.village_state import (
    current_form,
    device_id,
    referral_procedures,
    require_village_point,
)
from kiosk.storage.models import Helper
from kiosk.storage.village_models import (
    HelpSession,
    HelpSessionMember,
    VillageRecord,
    VillageRecordHelper,
    VillageRecordOutcome,
)


@dataclass(frozen=True, slots=True)
class VillageRecordView:
    """A village record as stored."""

    id: int
    uid: str
    place: str
    recorded_at: datetime
    need: str
    outcomes: tuple[str, ...]
    helper_ids: tuple[int, ...]
    session_id: int | None


@dataclass(frozen=True, slots=True)
class HelpSessionView:
    """A help session and the members present."""

    id: int
    uid: str
    place: str
    day: date
    started_at: datetime
    ended_at: datetime | None
    member_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class VillageChoices:
    """What the village screen offers: the place, the form, the helpers, the open session."""

    place: str
    form: VillageForm
    helpers: tuple[HelperView, ...]
    procedures: tuple[tuple[str, LocalText], ...]
    open_session: HelpSessionView | None


def village_choices(ctx: AppContext) -> VillageChoices:
    """Everything the village screen needs to show, read in one go."""
    place = require_village_point(ctx)
    with ctx.db.read() as session:
        helpers = session.scalars(
            select(Helper).where(Helper.active.is_(True)).order_by(Helper.name_folded)
        )
        open_session = _open_session(session, place, service_day(ctx.clock(), ctx.tz))
        return VillageChoices(
            place=place,
            form=current_form(ctx, session),
            helpers=tuple(helper_view(h) for h in helpers),
            procedures=referral_procedures(ctx, session),
            open_session=_session_view(open_session) if open_session else None,
        )


def record_village_visit(
    ctx: AppContext,
    *,
    place: str,
    helpers: Sequence[HelperCredit],
    need: str,
    outcomes: Sequence[str],
    actor: Actor,
    age_band: str | None = None,
    sex: str | None = None,
    procedure_code: str | None = None,
    note: str = "",
    session_id: int | None = None,
) -> VillageRecordView:
    """Record help given to one visitor at a village point.

    Args:
        ctx: The application context.
        place: Where help was given (on a village PC, ``config.village.place``).
        helpers: One or more helpers; the first leads unless one is marked lead.
        need: The code of what the visitor needed (from the form).
        outcomes: Codes of what came of it (from the form), at least one.
        actor: Who records it (the volunteer at the screen, or a device).
        age_band: An ``AgeBand`` value when the commune records age bands.
        sex: A ``Sex`` value when the commune records sex.
        procedure_code: The procedure of a referral to the commune desk.
        note: Optional free text; never a name or an ID number.
        session_id: The help session; by default the session open at the place today.

    Returns:
        The stored record.

    Raises:
        ValidationError: An empty place, a helper or code that is not allowed, a closed session.
        NotFoundError: An unknown helper or session.
    """
    place = nfc(place)
    if not place:
        raise ValidationError("Name the place where help was given.")
    credits = normalise_credits(helpers)
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        known = {code for code, _name in referral_procedures(ctx, session)}
        entry = check_entry(
            current_form(ctx, session),
            need=need,
            outcomes=outcomes,
            age_band=age_band,
            sex=sex,
            procedure_code=procedure_code,
            note=nfc(note),
            procedures=known,
        )
        help_session = _session_for(session, place, session_id, service_day(now, ctx.tz))
        record = VillageRecord(
            uid=str(uuid.uuid4()),
            place=place,
            recorded_at=now,
            help_session_id=help_session.id if help_session else None,
            need=entry.need,
            procedure_code=entry.procedure_code,
            age_band=entry.age_band.value if entry.age_band else None,
            sex=entry.sex.value if entry.sex else None,
            note=entry.note,
            origin=device_id(session),
            sent_at=None,
            received_at=None if ctx.config.village.is_village_point else now,
        )
        for credit in credits:
            _active_helper(session, credit.helper_id)
            record.helpers.append(VillageRecordHelper(helper_id=credit.helper_id, part=credit.part))
        record.outcomes.extend(VillageRecordOutcome(outcome=o) for o in entry.outcomes)
        session.add(record)
        session.flush()
        audit(
            session,
            actor=actor,
            action="village_record",
            entity="village_record",
            entity_id=record.id,
            now=now,
            after={"uid": record.uid, "place": place, "need": need, "outcomes": entry.outcomes},
        )
        return _record_view(record)


def open_help_session(
    ctx: AppContext, *, place: str, member_ids: Sequence[int], actor: Actor, note: str = ""
) -> HelpSessionView:
    """Open today's help session at ``place`` with the members present.

    Raises:
        ValidationError: No member, an inactive member, or a session already open there today.
    """
    place = nfc(place)
    if not place:
        raise ValidationError("Name the place of the help session.")
    now = ctx.clock()
    day = service_day(now, ctx.tz)
    with ctx.db.write.begin() as session:
        if _open_session(session, place, day) is not None:
            raise ValidationError("A help session is already open at {place}.", place=place)
        help_session = HelpSession(
            uid=str(uuid.uuid4()),
            place=place,
            day=day,
            started_at=now,
            ended_at=None,
            note=nfc(note),
            origin=device_id(session),
            version=1,
            synced_version=0,
        )
        _set_members(session, help_session, member_ids)
        session.add(help_session)
        session.flush()
        _audit_session(session, actor, "help_session_open", help_session, now)
        return _session_view(help_session)


def set_help_session_members(
    ctx: AppContext, *, session_id: int, member_ids: Sequence[int], actor: Actor
) -> HelpSessionView:
    """Change who is present at an open session (a member arrives late or leaves)."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        help_session = _session_by_id(session, session_id, lock=True)
        if help_session.ended_at is not None:
            raise ValidationError("This help session is closed.")
        help_session.members.clear()
        session.flush()
        _set_members(session, help_session, member_ids)
        help_session.version += 1
        _audit_session(session, actor, "help_session_members", help_session, now)
        return _session_view(help_session)


def close_help_session(ctx: AppContext, *, session_id: int, actor: Actor) -> HelpSessionView:
    """Close a help session; records made afterwards no longer belong to it."""
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        help_session = _session_by_id(session, session_id, lock=True)
        if help_session.ended_at is None:
            help_session.ended_at = now
            help_session.version += 1
            _audit_session(session, actor, "help_session_close", help_session, now)
        return _session_view(help_session)


def _set_members(session: Session, help_session: HelpSession, member_ids: Sequence[int]) -> None:
    ids = list(dict.fromkeys(member_ids))
    if not ids:
        raise ValidationError("A help session needs at least one team member present.")
    for helper_id in ids:
        _active_helper(session, helper_id)
        help_session.members.append(HelpSessionMember(helper_id=helper_id))


def _active_helper(session: Session, helper_id: int) -> Helper:
    helper = helper_by_id(session, helper_id)
    if not helper.active:
        raise ValidationError("{name} is no longer an active helper.", name=helper.name)
    return helper


def _open_session(session: Session, place: str, day: date) -> HelpSession | None:
    return session.scalar(
        select(HelpSession)
        .where(HelpSession.place == place, HelpSession.day == day, HelpSession.ended_at.is_(None))
        .order_by(HelpSession.id.desc())
        .limit(1)
    )


def _session_by_id(session: Session, session_id: int, *, lock: bool = False) -> HelpSession:
    stmt = select(HelpSession).where(HelpSession.id == session_id)
    help_session = session.scalar(stmt.with_for_update() if lock else stmt)
    if help_session is None:
        raise NotFoundError("There is no help session with id {id}.", id=session_id)
    return help_session


def _session_for(
    session: Session, place: str, session_id: int | None, day: date
) -> HelpSession | None:
    if session_id is None:
        return _open_session(session, place, day)
    help_session = _session_by_id(session, session_id)
    if help_session.ended_at is not None or help_session.place != place:
        raise ValidationError(
            "Help session {id} is not open at {place}.", id=session_id, place=place
        )
    return help_session


def _audit_session(
    session: Session, actor: Actor, action: str, help_session: HelpSession, now: datetime
) -> None:
    audit(
        session,
        actor=actor,
        action=action,
        entity="help_session",
        entity_id=help_session.id,
        now=now,
        after={
            "uid": help_session.uid,
            "place": help_session.place,
            "members": [m.helper_id for m in help_session.members],
        },
    )


def _record_view(record: VillageRecord) -> VillageRecordView:
    return VillageRecordView(
        id=record.id,
        uid=record.uid,
        place=record.place,
        recorded_at=record.recorded_at,
        need=record.need,
        outcomes=tuple(o.outcome for o in record.outcomes),
        helper_ids=tuple(h.helper_id for h in record.helpers),
        session_id=record.help_session_id,
    )


def _session_view(help_session: HelpSession) -> HelpSessionView:
    return HelpSessionView(
        id=help_session.id,
        uid=help_session.uid,
        place=help_session.place,
        day=help_session.day,
        started_at=help_session.started_at,
        ended_at=help_session.ended_at,
        member_ids=tuple(m.helper_id for m in help_session.members),
    )
