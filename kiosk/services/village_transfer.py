"""Village records and help sessions as JSON, and storing them in the commune database.

One format serves the network sync and the USB export file, and one function stores both:
``store_batch`` inserts each record keyed by its UUID and ignores a UUID it already has, so a
batch sent twice (a crash after the commune committed but before the village PC noted it, a
file imported twice) adds nothing. A session is updated when a newer version arrives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Insert, select
from sqlalchemy.orm import Session

from kiosk.domain.enums import HelperPart
from kiosk.domain.json_fields import JsonFields
from kiosk.domain.village import AgeBand, Sex, TransferError
from kiosk.storage.models import Helper
from kiosk.storage.upsert import insert_on_conflict
from kiosk.storage.village_models import (
    HelpSession,
    HelpSessionMember,
    VillageRecord,
    VillageRecordHelper,
    VillageRecordOutcome,
)

FORMAT = 1


@dataclass(frozen=True, slots=True)
class SessionData:
    """A help session as it travels."""

    uid: str
    place: str
    day: date
    started_at: datetime
    ended_at: datetime | None
    note: str
    origin: str
    version: int
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class RecordData:
    """A village record as it travels."""

    uid: str
    place: str
    recorded_at: datetime
    session_uid: str | None
    need: str
    outcomes: tuple[str, ...]
    helpers: tuple[tuple[int, HelperPart], ...]
    procedure_code: str | None
    age_band: str | None
    sex: str | None
    note: str
    origin: str


@dataclass(frozen=True, slots=True)
class TransferBatch:
    """Sessions and records to store together."""

    sessions: tuple[SessionData, ...]
    records: tuple[RecordData, ...]


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing a batch changed."""

    records_added: int
    records_known: int
    sessions_added: int
    sessions_updated: int


# -- village side: rows to data ---------------------------------------------------------------
def session_data(row: HelpSession) -> SessionData:
    """A session row as transfer data."""
    return SessionData(
        uid=row.uid,
        place=row.place,
        day=row.day,
        started_at=row.started_at,
        ended_at=row.ended_at,
        note=row.note,
        origin=row.origin,
        version=row.version,
        members=tuple(sorted(m.helper_id for m in row.members)),
    )


def record_data(row: VillageRecord) -> RecordData:
    """A record row as transfer data."""
    return RecordData(
        uid=row.uid,
        place=row.place,
        recorded_at=row.recorded_at,
        session_uid=row.help_session.uid if row.help_session else None,
        need=row.need,
        outcomes=tuple(o.outcome for o in row.outcomes),
        helpers=tuple((h.helper_id, HelperPart(h.part)) for h in row.helpers),
        procedure_code=row.procedure_code,
        age_band=row.age_band,
        sex=row.sex,
        note=row.note,
        origin=row.origin,
    )


def batch_json(batch: TransferBatch, *, place: str, origin: str) -> dict[str, Any]:
    """The JSON payload of a batch (export files carry it)."""
    return {
        "format": FORMAT,
        "place": place,
        "origin": origin,
        "sessions": [_session_json(s) for s in batch.sessions],
        "records": [_record_json(r) for r in batch.records],
    }


def _session_json(s: SessionData) -> dict[str, Any]:
    return {
        "uid": s.uid,
        "place": s.place,
        "day": s.day.isoformat(),
        "started_at": s.started_at.isoformat(),
        "ended_at": s.ended_at.isoformat() if s.ended_at else None,
        "note": s.note,
        "origin": s.origin,
        "version": s.version,
        "members": list(s.members),
    }


def _record_json(r: RecordData) -> dict[str, Any]:
    return {
        "uid": r.uid,
        "place": r.place,
        "recorded_at": r.recorded_at.isoformat(),
        "session": r.session_uid,
        "need": r.need,
        "outcomes": list(r.outcomes),
        "helpers": [[helper_id, part.value] for helper_id, part in r.helpers],
        "procedure": r.procedure_code,
        "age_band": r.age_band,
        "sex": r.sex,
        "note": r.note,
        "origin": r.origin,
    }


# -- commune side: JSON to data, data to rows ------------------------------------------------
def parse_batch(payload: Any) -> TransferBatch:
    """Check a payload field by field; ``TransferError`` names the first bad one."""
    top = JsonFields(payload, "the records")
    found = top.integer("format")
    if found != FORMAT:
        raise TransferError(
            "The records are in format {found}; this kiosk reads format {ours}.",
            found=found,
            ours=FORMAT,
        )
    sessions = [
        _parse_session(JsonFields(item, f"session {i + 1}"))
        for i, item in enumerate(top.items("sessions"))
    ]
    records = [
        _parse_record(JsonFields(item, f"record {i + 1}"))
        for i, item in enumerate(top.items("records"))
    ]
    return TransferBatch(tuple(sessions), tuple(records))


def _parse_session(f: JsonFields) -> SessionData:
    return SessionData(
        uid=f.uid("uid"),
        place=f.text("place", required=True),
        day=f.day("day"),
        started_at=f.moment("started_at"),
        ended_at=f.optional_moment("ended_at"),
        note=f.text("note"),
        origin=f.text("origin"),
        version=f.integer("version"),
        members=tuple(f.integer_list("members")),
    )


def _parse_record(f: JsonFields) -> RecordData:
    helpers = []
    for item in f.items("helpers"):
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], int)):
            raise f.error("helpers", "expected [helper id, part] pairs")
        try:
            helpers.append((item[0], HelperPart(item[1])))
        except ValueError:
            raise f.error("helpers", f"unknown part {item[1]!r}") from None
    if not helpers:
        raise f.error("helpers", "at least one helper is needed")
    outcomes = f.text_list("outcomes")
    if not outcomes:
        raise f.error("outcomes", "at least one outcome is needed")
    return RecordData(
        uid=f.uid("uid"),
        place=f.text("place", required=True),
        recorded_at=f.moment("recorded_at"),
        session_uid=f.uid("session", optional=True) or None,
        need=f.text("need", required=True),
        outcomes=tuple(outcomes),
        helpers=tuple(helpers),
        procedure_code=f.text("procedure", optional=True) or None,
        age_band=f.choice("age_band", [a.value for a in AgeBand]),
        sex=f.choice("sex", [s.value for s in Sex]),
        note=f.text("note"),
        origin=f.text("origin"),
    )


def store_batch(session: Session, batch: TransferBatch, *, now: datetime) -> StoreResult:
    """Store a batch in the commune database inside the caller's transaction.

    Raises:
        TransferError: A helper the commune does not know, or a record whose session is
            neither in the batch nor already stored.
    """
    _check_helpers(session, batch)
    session_ids: dict[str, int] = {}
    added_sessions = updated_sessions = 0
    for data in batch.sessions:
        session_ids[data.uid], is_new, is_updated = _upsert_session(session, data)
        added_sessions += is_new
        updated_sessions += is_updated
    added = 0
    for record in batch.records:
        session_id = _session_id(session, record, session_ids)
        added += _insert_record(session, record, session_id, now)
    return StoreResult(added, len(batch.records) - added, added_sessions, updated_sessions)


def _check_helpers(session: Session, batch: TransferBatch) -> None:
    wanted = {h for r in batch.records for h, _part in r.helpers}
    wanted |= {m for s in batch.sessions for m in s.members}
    if not wanted:
        return
    known = set(session.scalars(select(Helper.id).where(Helper.id.in_(wanted))))
    missing = sorted(wanted - known)
    if missing:
        raise TransferError(
            "Helper id(s) {ids} are not in this commune's roster: the records come from a PC"
            " set up with another commune's roster.",
            ids=", ".join(str(i) for i in missing),
        )


def _upsert_session(session: Session, data: SessionData) -> tuple[int, bool, bool]:
    stmt: Insert = insert_on_conflict(session, HelpSession).values(
        uid=data.uid,
        place=data.place,
        day=data.day,
        started_at=data.started_at,
        ended_at=data.ended_at,
        note=data.note,
        origin=data.origin,
        version=data.version,
        synced_version=0,
    )
    new_id = session.execute(
        stmt.on_conflict_do_nothing(index_elements=["uid"]).returning(HelpSession.id)  # type: ignore[attr-defined]
    ).scalar()
    if new_id is not None:
        _add_members(session, new_id, data.members)
        return int(new_id), True, False
    row = session.scalars(
        select(HelpSession).where(HelpSession.uid == data.uid).with_for_update()
    ).one()
    if data.version <= row.version:
        return row.id, False, False
    row.ended_at, row.note, row.version = data.ended_at, data.note, data.version
    row.members.clear()
    session.flush()
    _add_members(session, row.id, data.members)
    return row.id, False, True


def _add_members(session: Session, session_id: int, members: Iterable[int]) -> None:
    session.add_all(HelpSessionMember(session_id=session_id, helper_id=m) for m in members)
    session.flush()


def _session_id(session: Session, record: RecordData, known: dict[str, int]) -> int | None:
    if record.session_uid is None:
        return None
    if record.session_uid not in known:
        found = session.scalar(select(HelpSession.id).where(HelpSession.uid == record.session_uid))
        if found is None:
            raise TransferError(
                "Record {uid} belongs to help session {session}, which is missing.",
                uid=record.uid,
                session=record.session_uid,
            )
        known[record.session_uid] = found
    return known[record.session_uid]


def _insert_record(
    session: Session, record: RecordData, session_id: int | None, now: datetime
) -> int:
    """Insert one record and its helpers and outcomes; 0 when its UUID is already stored."""
    stmt: Insert = insert_on_conflict(session, VillageRecord).values(
        uid=record.uid,
        place=record.place,
        recorded_at=record.recorded_at,
        help_session_id=session_id,
        need=record.need,
        procedure_code=record.procedure_code,
        age_band=record.age_band,
        sex=record.sex,
        note=record.note,
        origin=record.origin,
        sent_at=None,
        received_at=now,
    )
    new_id = session.execute(
        stmt.on_conflict_do_nothing(index_elements=["uid"]).returning(VillageRecord.id)  # type: ignore[attr-defined]
    ).scalar()
    if new_id is None:
        return 0
    session.add_all(
        VillageRecordHelper(record_id=new_id, helper_id=h, part=part.value)
        for h, part in record.helpers
    )
    session.add_all(VillageRecordOutcome(record_id=new_id, outcome=o) for o in record.outcomes)
    session.flush()
    return 1
