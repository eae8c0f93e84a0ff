"""Summary files: written on request and at closing, each export audited as ``summary_export``.

Files are written beside their final name and renamed into place, so a reader (or a crash
half-way) never sees half a PDF. Only a manager (``HelperRole.MANAGER``) or a device actor such
as the CLI or the closing job may export; the UI gates the screens as well.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from kiosk.config import WEEKDAYS, Config
from kiosk.domain.clock import service_day
from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import AuthError, ErrorCode, KioskError
from kiosk.domain.summary import Period
from kiosk.domain.summary_views import Summary
from kiosk.domain.views import HelperView
from kiosk.private_files import open_private, private_dir
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import sign_in
from kiosk.services.permissions import require_manager
from kiosk.services.report_records import report_records
from kiosk.services.summary import build_summary
from printing.admin_document import AdminDocument
from printing.report_csv import write_records_csv
from printing.report_pdf import subject_line, write_summary_pdf
from printing.report_sections import title_lines

CLOSING_ACTOR = Actor("closing")
EXPORT_ACTION = "summary_export"


class ReportWriteError(KioskError):
    """A report file could not be written (missing folder, no permission, disk full)."""

    default_code = ErrorCode.REPORT_WRITE_FAILED


def closing_minute(config: Config, day: date) -> int | None:
    """Minutes after local midnight when the desk closes on ``day``; None on a closed day."""
    spans = config.site.hours.get(WEEKDAYS[day.weekday()], ())
    return max((end for _start, end in spans), default=None)


def due_for_closing(config: Config, now: datetime) -> bool:
    """True from the day's closing time until local midnight, on a day the desk opens.

    The UI's closing job calls this every minute or so and, once it is True, calls
    ``write_day_reports`` once for the day (``day_report_paths`` tell whether it already did).
    """
    local = now.astimezone(config.site.tz)
    closing = closing_minute(config, local.date())
    return closing is not None and local.hour * 60 + local.minute >= closing


def day_report_paths(config: Config, day: date) -> tuple[Path, Path]:
    """Where closing writes the day's PDF and CSV in the reports folder.

    Closing looks for these two files to know it already ran, so nothing else writes them:
    a manager's export is named ``tong-hop-`` (``export_paths``).
    """
    stem = f"bao-cao-{day.isoformat()}"
    return config.reports_dir / f"{stem}.pdf", config.reports_dir / f"{stem}.csv"


@dataclass(frozen=True, slots=True)
class ReportWords:
    """What the manager typed before an export; None: what the config and the figures give."""

    narrative: str | None = None
    number: str = ""
    signer_name: str | None = None


def summary_document(
    config: Config, summary: Summary, *, number: str = "", signer_name: str | None = None
) -> AdminDocument:
    """The summary's administrative frame: the committee, place and signer of ``[team_report]``.

    Args:
        config: The commune's config.
        summary: The summary reported (its title, period and date).
        number: The document's number (empty: left blank for the clerk).
        signer_name: The signer's name; None: ``[team_report] signer_name``.
    """
    frame, own = config.team_report, config.summary_report
    title, _period = title_lines(summary)
    return AdminDocument(
        issuer=frame.issuer,
        parent_issuer=frame.parent_issuer,
        doc_type=title,
        summary=subject_line(summary),
        issued_on=summary.generated_at.date(),
        place_name=frame.place_name,
        symbol=own.number_symbol or frame.number_symbol,
        number=number.strip(),
        signer_authority=frame.signer_authority,
        signer_title=frame.signer_title,
        signer_name=frame.signer_name if signer_name is None else signer_name.strip(),
        recipients=own.recipients,
    )


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Where an export went."""

    pdf: Path
    csv: Path


def export_paths(config: Config, period: Period) -> ExportResult:
    """Where a manager's export of ``period`` goes in the reports folder."""
    stem = f"tong-hop-{period.slug()}"
    return ExportResult(config.reports_dir / f"{stem}.pdf", config.reports_dir / f"{stem}.csv")


def export_to_reports(
    ctx: AppContext, *, period: Period, actor: Actor, words: ReportWords | None = None
) -> ExportResult:
    """Write a period's PDF and CSV into the reports folder, audited as ``actor``.

    ``words``: the paragraph, number and signer the manager typed (default: generated).

    Raises:
        PermissionDeniedError: ``actor`` is a helper who is not a manager.
        ReportWriteError: The folder or a file cannot be written.
    """
    result = export_paths(ctx.config, period)
    try:
        private_dir(ctx.config.reports_dir)
    except OSError as exc:
        raise _write_error(ctx.config.reports_dir, exc) from None
    export_summary(ctx, period, pdf=result.pdf, csv=result.csv, actor=actor, words=words)
    return result


def manager_sign_in(ctx: AppContext, *, helper_id: int, pin: str) -> HelperView:
    """Check a PIN for the summary screen: only an active manager gets in.

    Raises:
        AuthError: A wrong PIN, a locked helper, or one who is not a manager.
    """
    helper = sign_in(ctx, helper_id=helper_id, pin=pin)
    if helper.role != HelperRole.MANAGER:
        raise AuthError("Only a manager can read the summary.", code=ErrorCode.NOT_A_MANAGER)
    return helper


def write_day_reports(
    ctx: AppContext, day: date | None = None, *, actor: Actor = CLOSING_ACTOR
) -> tuple[Path, Path]:
    """Write the day's PDF and CSV into the reports folder (today by default); overwrites.

    Returns:
        The PDF and CSV paths.

    Raises:
        ReportWriteError: The folder cannot be created or a file cannot be written.
    """
    day = day or service_day(ctx.clock(), ctx.tz)
    pdf, csv = day_report_paths(ctx.config, day)
    try:
        private_dir(ctx.config.reports_dir)
    except OSError as exc:
        raise _write_error(ctx.config.reports_dir, exc) from None
    export_summary(ctx, Period.day(day), pdf=pdf, csv=csv, actor=actor)
    return pdf, csv


def export_summary(
    ctx: AppContext,
    period: Period,
    *,
    pdf: Path | None = None,
    csv: Path | None = None,
    actor: Actor,
    words: ReportWords | None = None,
) -> Summary:
    """Build the period's summary, write the files asked for, and audit each one.

    Args:
        ctx: The application context.
        period: Local service days.
        pdf: Where to write the PDF, if wanted.
        csv: Where to write the CSV of records, if wanted.
        actor: Who exports: a manager, or a device actor (CLI, closing job).
        words: The PDF's paragraph, number and signer (default: generated, blank, config).

    Returns:
        The summary that was written (the CLI also prints it).

    Raises:
        PermissionDeniedError: A signed-in helper who is not a manager.
        ReportWriteError: A file could not be written.
    """
    _check_may_export(ctx, actor)
    summary = build_summary(ctx, period)
    written: list[tuple[str, Path, int | None]] = []
    number = ""  # the document number a PDF goes out under; a CSV has none
    if pdf is not None:
        words = words or ReportWords()
        number = words.number
        document = summary_document(
            ctx.config, summary, number=words.number, signer_name=words.signer_name
        )
        _write_atomically(
            pdf,
            lambda stream: write_summary_pdf(
                summary, stream, document=document, narrative=words.narrative
            ),
        )
        written.append(("pdf", pdf, None))
    if csv is not None:
        records = report_records(ctx, period)
        _write_atomically(csv, lambda stream: write_records_csv(records, stream, ctx.tz))
        written.append(("csv", csv, len(records)))
    if written:
        _audit_exports(ctx, period, actor, written, number=number)
    return summary


def _check_may_export(ctx: AppContext, actor: Actor) -> None:
    with ctx.db.read() as session:
        require_manager(session, actor, action="export summaries")


def _write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    partial = path.with_name(f".{path.name}.part")
    try:
        with open_private(partial) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> ReportWriteError:
    return ReportWriteError("Cannot write {path}: {reason}.", path=str(path), reason=exc.strerror)


def _audit_exports(
    ctx: AppContext,
    period: Period,
    actor: Actor,
    written: list[tuple[str, Path, int | None]],
    *,
    number: str,
) -> None:
    now = ctx.clock()
    with ctx.db.write.begin() as session:
        for kind, path, rows in written:
            after: dict[str, object] = {
                "first": period.first.isoformat(),
                "last": period.last.isoformat(),
                "format": kind,
                "file": str(path),
            }
            if rows is not None:
                after["records"] = rows
            if kind == "pdf":
                # The number the report went out under (blank: left for the clerk to write).
                after["number"] = number
            audit(
                session,
                actor=actor,
                action=EXPORT_ACTION,
                entity="summary",
                entity_id=None,
                now=now,
                after=after,
            )
