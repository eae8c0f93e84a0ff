"""Sending a village PC's records to the commune database, and pulling the roster back.

Exactly once, across crashes: each batch is stored by the commune in one transaction keyed by
record UUID (``store_batch`` ignores UUIDs it already has); only after that transaction has
committed does the village PC mark the batch sent, in its own transaction. A crash before the
commune's commit leaves nothing there; a crash between the two commits makes the next sync
send the batch again, and the commune ignores it. Nothing is ever marked sent that the commune
has not committed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import create_engine, func, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.pool import NullPool

from kiosk.domain.errors import ErrorCode, KioskError
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.village_state import (
    LAST_SYNC,
    VillageSetupError,
    device_id,
    put_setting,
    require_village_point,
)
from kiosk.services.village_transfer import (
    StoreResult,
    TransferBatch,
    record_data,
    session_data,
    store_batch,
)
from kiosk.storage.engine import Database, is_sqlite, normalise_url, open_database
from kiosk.storage.migrate import current_revision, head_revision
from kiosk.storage.village_models import HelpSession, VillageRecord

DEFAULT_BATCH = 100


class SyncError(KioskError):
    """The commune database cannot be reached or used; nothing was lost."""

    default_code = ErrorCode.VILLAGE_SYNC


@dataclass(frozen=True, slots=True)
class Pending:
    """A batch read from the village PC, with what to mark once the commune has it."""

    batch: TransferBatch
    record_ids: tuple[int, ...]
    session_versions: dict[int, int]

    @property
    def empty(self) -> bool:
        """True when there is nothing to send."""
        return not self.batch.records and not self.batch.sessions


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What a sync did."""

    records_sent: int
    records_already_there: int
    sessions_sent: int
    pending: int
    roster_changed: bool


def pending(session: Session, *, limit: int | None, include_sent: bool = False) -> Pending:
    """The oldest records not yet confirmed by the commune, and the sessions to go with them.

    Args:
        session: A session on the village PC's database.
        limit: At most this many records (None: all).
        include_sent: Also records (and sessions) the commune already confirmed (a full export).
    """
    stmt = (
        select(VillageRecord)
        .options(
            selectinload(VillageRecord.helpers),
            selectinload(VillageRecord.outcomes),
            selectinload(VillageRecord.help_session),
        )
        .order_by(VillageRecord.id)
        .limit(limit)
    )
    if not include_sent:
        stmt = stmt.where(VillageRecord.sent_at.is_(None))
    records = list(session.scalars(stmt))
    needed = {r.help_session_id for r in records if r.help_session_id is not None}
    sessions_stmt = select(HelpSession).options(selectinload(HelpSession.members))
    if not include_sent:
        dirty = HelpSession.version > HelpSession.synced_version
        sessions_stmt = sessions_stmt.where(dirty | HelpSession.id.in_(needed))
    sessions = list(session.scalars(sessions_stmt.order_by(HelpSession.id)))
    return Pending(
        batch=TransferBatch(
            sessions=tuple(session_data(s) for s in sessions),
            records=tuple(record_data(r) for r in records),
        ),
        record_ids=tuple(r.id for r in records),
        session_versions={s.id: s.version for s in sessions},
    )


def mark_sent(session: Session, sent: Pending, *, now: datetime) -> None:
    """Note on the village PC that the commune has committed ``sent``."""
    if sent.record_ids:
        session.execute(
            update(VillageRecord)
            .where(VillageRecord.id.in_(sent.record_ids), VillageRecord.sent_at.is_(None))
            .values(sent_at=now)
        )
    for session_id, version in sent.session_versions.items():
        # A session changed since it was read keeps its newer version pending.
        session.execute(
            update(HelpSession)
            .where(HelpSession.id == session_id, HelpSession.synced_version < version)
            .values(synced_version=version)
        )


def count_pending(session: Session) -> int:
    """Records the commune has not confirmed yet."""
    return int(
        session.scalar(
            select(func.count()).select_from(VillageRecord).where(VillageRecord.sent_at.is_(None))
        )
        or 0
    )


def open_commune_database(url: str, *, timeout_s: float) -> Database:
    """The commune database, with a connect timeout and keepalives so a dead link fails fast."""
    if is_sqlite(url):
        return open_database(url)
    engine = create_engine(
        normalise_url(url),
        poolclass=NullPool,
        connect_args={
            "connect_timeout": max(1, round(timeout_s)),
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
        },
    )
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, write=factory, read=factory)


def sync_village(ctx: AppContext, *, actor: Actor, batch_size: int = DEFAULT_BATCH) -> SyncResult:
    """Send every pending record and session to the commune, then pull the roster.

    Raises:
        VillageSetupError: This PC is not a village point, or has no ``server_url``.
        SyncError: The commune database cannot be reached or is at another schema version.
    """
    from kiosk.services.village_roster import pull_roster

    require_village_point(ctx)
    url = ctx.config.village.server_url
    if not url:
        raise VillageSetupError(
            "No commune database to sync to: set [village] server_url in {config}, or carry"
            " the records with `kiosk village export`.",
            config=ctx.config.source,
        )
    server = open_commune_database(url, timeout_s=ctx.config.village.connect_timeout_s)
    try:
        _check_schema(server, url)
        sent, known, sessions = _push(ctx, server, max(1, batch_size))
        roster_changed = pull_roster(ctx, server, actor=actor)
    except DBAPIError as exc:
        _note_sync(ctx, ok=False, message=_reason(exc))
        raise SyncError(
            "Cannot use the commune database at {where}: {reason}. The records stay on this PC"
            " and go at the next sync.",
            where=_where(url),
            reason=_reason(exc),
        ) from None
    except KioskError as exc:
        _note_sync(ctx, ok=False, message=str(exc))
        raise
    finally:
        server.dispose()
    with ctx.db.read() as session:
        left = count_pending(session)
    _note_sync(ctx, ok=True, message=f"{sent} sent")
    return SyncResult(sent, known, sessions, left, roster_changed)


def _push(ctx: AppContext, server: Database, batch_size: int) -> tuple[int, int, int]:
    sent = known = sessions = 0
    while True:
        with ctx.db.read() as local:
            batch = pending(local, limit=batch_size)
        if batch.empty:
            return sent, known, sessions
        with server.write.begin() as remote:  # commit 1: the commune has the batch
            stored: StoreResult = store_batch(remote, batch.batch, now=ctx.clock())
            if stored.records_added or stored.sessions_added or stored.sessions_updated:
                _audit_receipt(ctx, remote, stored)
        with ctx.db.write.begin() as local:  # commit 2: the village PC knows it
            mark_sent(local, batch, now=ctx.clock())
        sent += stored.records_added
        known += stored.records_known
        sessions += stored.sessions_added + stored.sessions_updated


def _audit_receipt(ctx: AppContext, remote: Session, stored: StoreResult) -> None:
    """The commune's audit log says which village PC sent what, in the same transaction."""
    audit(
        remote,
        actor=Actor(f"village: {ctx.config.village.place}"),
        action="village_sync_receive",
        entity="village_record",
        entity_id=None,
        now=ctx.clock(),
        after={
            "records": stored.records_added,
            "sessions": stored.sessions_added + stored.sessions_updated,
        },
    )


def _check_schema(server: Database, url: str) -> None:
    found = current_revision(server.engine)
    if found != head_revision():
        raise SyncError(
            "The commune database at {where} is at schema version {found}; this village PC"
            " needs {ours}. Update the kiosk on the older side and run `kiosk db upgrade`.",
            where=_where(url),
            found=found or "(empty)",
            ours=head_revision(),
        )


def _note_sync(ctx: AppContext, *, ok: bool, message: str) -> None:
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        device_id(session)
        put_setting(
            session, LAST_SYNC, json.dumps({"at": now.isoformat(), "ok": ok, "message": message})
        )


def _where(url: str) -> str:
    parsed = make_url(normalise_url(url))
    if is_sqlite(url):
        return parsed.database or ""
    return f"{parsed.host}:{parsed.port or 5432}"


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
