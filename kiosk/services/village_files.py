"""Village records on a USB stick: a signed export file, and its import at the commune.

The import is all or nothing (one transaction) and keyed by record UUID, so importing the same
file twice, or a later file that repeats earlier records, adds nothing the second time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import AuthError, ErrorCode, KioskError
from kiosk.domain.signed_file import open_sealed, seal
from kiosk.domain.text import fold
from kiosk.private_files import open_private
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.lookup import helper_by_id
from kiosk.services.village_state import device_id, require_commune, require_village_point
from kiosk.services.village_transfer import batch_json, parse_batch, store_batch

RECORDS_KIND = "records"
FILE_SUFFIX = ".kiosk-village"


class VillageFileError(KioskError):
    """A file that cannot be read or written (missing, no permission, disk full)."""

    default_code = ErrorCode.VILLAGE_FILE


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A written export file."""

    path: Path
    records: int
    sessions: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import added; ``records_known`` were already in the commune database."""

    place: str
    records_added: int
    records_known: int
    sessions_added: int
    sessions_updated: int


def require_manager(ctx: AppContext, actor: Actor) -> None:
    """Village files move records between databases: a manager, or the CLI, may do it."""
    if actor.helper_id is None:
        return  # a device actor: the command line, run by the commune's IT helper
    with ctx.db.read() as session:
        helper = helper_by_id(session, actor.helper_id)
        if helper.role != HelperRole.MANAGER or not helper.active:
            raise AuthError("Only a manager can move village records and rosters.")


def read_file(path: Path) -> bytes:
    """The bytes of a file, or ``VillageFileError`` naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VillageFileError("{path}: file not found.", path=str(path)) from None
    except IsADirectoryError:
        raise VillageFileError("{path}: is a folder, not a file.", path=str(path)) from None
    except OSError as exc:
        raise VillageFileError(
            "{path}: cannot read it ({reason}).", path=str(path), reason=exc.strerror
        ) from None


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write beside the final name, flush to the device, then rename into place.

    A USB stick pulled out half-way leaves the old file (or none), never half of a new one.
    The file is 0600 (``kiosk.private_files``): it names helpers, and on a PC's own disk other
    accounts must not read it; a FAT stick ignores the mode.
    """
    partial = path.with_name(f".{path.name}.part")
    try:
        with open_private(partial) as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
        _sync_folder(path.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise VillageFileError(
            "Cannot write {path}: {reason}.", path=str(path), reason=exc.strerror
        ) from None


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some USB file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(fd)


def default_export_path(ctx: AppContext, folder: Path) -> Path:
    """``ho-tro-<place>-<YYYYMMDD-HHMM>.kiosk-village`` in ``folder``."""
    place = "-".join(fold(ctx.config.village.place).split()) or "thon"
    stamp = ctx.clock().astimezone(ctx.tz).strftime("%Y%m%d-%H%M")
    return folder / f"ho-tro-{place}-{stamp}{FILE_SUFFIX}"


def export_records(
    ctx: AppContext, path: Path, *, actor: Actor, include_sent: bool = False
) -> ExportResult:
    """Write the records the commune has not confirmed (or all of them) to a signed file.

    Exporting marks nothing as sent: a file may be lost on the way, so the records go again
    in the next file or sync until the commune has confirmed them over the network.
    """
    from kiosk.services.village_setup import load_key
    from kiosk.services.village_sync import pending

    place = require_village_point(ctx)
    require_manager(ctx, actor)
    key = load_key(ctx)
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        origin = device_id(session)
        batch = pending(session, limit=None, include_sent=include_sent).batch
    payload = batch_json(batch, place=place, origin=origin)
    write_file_atomically(path, seal(RECORDS_KIND, payload, key, created_at=now.isoformat()))
    with ctx.db.write.begin() as session:
        audit(
            session,
            actor=actor,
            action="village_export",
            entity="village_record",
            entity_id=None,
            now=now,
            after={"file": str(path), "records": len(batch.records)},
        )
    return ExportResult(path, len(batch.records), len(batch.sessions))


def import_records(ctx: AppContext, path: Path, *, actor: Actor) -> ImportResult:
    """Check a village export file and add its records to the commune database.

    Raises:
        SignedFileError: Empty, not a village file, cut short, changed, or another key.
        TransferError: A record that cannot be stored (names the record and field).
        VillageSetupError: Run on a village PC instead of the commune PC.
    """
    from kiosk.services.village_setup import load_key

    require_commune(ctx, "Importing village records")
    require_manager(ctx, actor)
    opened = open_sealed(read_file(path), load_key(ctx), kind=RECORDS_KIND)
    batch = parse_batch(opened.payload)
    place = str(opened.payload.get("place", ""))
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        stored = store_batch(session, batch, now=now)
        audit(
            session,
            actor=actor,
            action="village_import",
            entity="village_record",
            entity_id=None,
            now=now,
            after={
                "file": str(path),
                "place": place,
                "created_at": opened.created_at,
                "added": stored.records_added,
                "known": stored.records_known,
            },
        )
    return ImportResult(
        place,
        stored.records_added,
        stored.records_known,
        stored.sessions_added,
        stored.sessions_updated,
    )
