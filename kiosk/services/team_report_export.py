"""The team report's files: PDF and DOCX in the administrative form, CSV of the records.

Each file is written beside its final name and renamed into place, and each export is audited
as ``team_report_export``. Only a manager, or a device actor such as the CLI, may export.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select, union

from kiosk.domain.enums import Channel
from kiosk.domain.errors import ValidationError
from kiosk.domain.team_report import ReportPeriod, TeamReport
from kiosk.domain.text import nfc
from kiosk.services.changes import audit
from kiosk.services.context import Actor, AppContext
from kiosk.services.team_report import build_team_report
from kiosk.services.team_report_records import team_report_rows
from kiosk.services.village_files import require_manager, write_file_atomically
from kiosk.storage.models import Visit
from kiosk.storage.village_models import HelpSession, VillageRecord
from printing.admin_document import AdminDocument, write_admin_pdf
from printing.admin_docx import write_admin_docx
from printing.team_report_csv import write_team_csv
from printing.team_report_sections import summary_line, team_blocks

DOC_TYPE = "Báo cáo"


def known_places(ctx: AppContext) -> list[str]:
    """Every village point that has records, sessions or desk walk-ins, sorted."""
    stmt = union(
        select(VillageRecord.place),
        select(HelpSession.place),
        select(Visit.place).where(Visit.channel == Channel.VILLAGE_POINT.value),
    )
    with ctx.db.read() as session:
        return sorted(str(place) for place in session.scalars(stmt))


def team_document(ctx: AppContext, report: TeamReport, *, number: str = "") -> AdminDocument:
    """The report's administrative frame from ``[team_report]`` in the config."""
    settings = ctx.config.team_report
    return AdminDocument(
        issuer=settings.issuer,
        parent_issuer=settings.parent_issuer,
        doc_type=DOC_TYPE,
        summary=summary_line(report),
        issued_on=report.generated_at.date(),
        place_name=settings.place_name,
        symbol=settings.number_symbol,
        number=number,
        signer_authority=settings.signer_authority,
        signer_title=settings.signer_title,
        signer_name=settings.signer_name,
        recipients=settings.recipients,
    )


def export_team_report(
    ctx: AppContext,
    *,
    period: ReportPeriod,
    actor: Actor,
    place: str | None = None,
    pdf: Path | None = None,
    docx: Path | None = None,
    csv: Path | None = None,
    number: str = "",
) -> TeamReport:
    """Build the team report and write the files asked for.

    Args:
        ctx: The application context (the commune database).
        period: The month, quarter or year.
        actor: A manager, or a device actor (the CLI).
        place: One village point only; must be a place the database knows.
        pdf: Where to write the PDF.
        docx: Where to write the editable DOCX.
        csv: Where to write the records as CSV.
        number: The document number (empty: left blank for the clerk).

    Returns:
        The report (the CLI prints it).

    Raises:
        AuthError: A signed-in helper who is not a manager.
        ValidationError: An unknown place.
        VillageFileError: A file could not be written.
    """
    require_manager(ctx, actor)
    if place is not None:
        place = nfc(place)
        places = known_places(ctx)
        if place not in places:
            raise ValidationError(
                "No village point is called {place}; known: {known}.",
                place=place,
                known=", ".join(places) or "none yet",
            )
    report = build_team_report(ctx, period=period, place=place)
    document = team_document(ctx, report, number=number.strip())
    blocks = team_blocks(report)
    author = ctx.config.site.desk_name
    written: list[tuple[str, Path]] = []
    if pdf is not None:
        _write(pdf, lambda s: write_admin_pdf(document, blocks, s, author=author))
        written.append(("pdf", pdf))
    if docx is not None:
        _write(docx, lambda s: write_admin_docx(document, blocks, s, author=author))
        written.append(("docx", docx))
    if csv is not None:
        rows = team_report_rows(ctx, period=period, place=place)
        _write(csv, lambda s: write_team_csv(rows, s, ctx.tz))
        written.append(("csv", csv))
    _audit(ctx, actor, period, place, written, number=document.number)
    return report


def _write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    buffer = io.BytesIO()
    write(buffer)
    write_file_atomically(path, buffer.getvalue())


def _audit(
    ctx: AppContext,
    actor: Actor,
    period: ReportPeriod,
    place: str | None,
    written: list[tuple[str, Path]],
    *,
    number: str,
) -> None:
    if not written:
        return
    with ctx.db.write.begin() as session:
        for kind, path in written:
            audit(
                session,
                actor=actor,
                action="team_report_export",
                entity="team_report",
                entity_id=None,
                now=ctx.clock(),
                after={
                    "period": period.code,
                    "place": place,
                    "format": kind,
                    "file": str(path),
                    # The number the document went out under (blank: left for the clerk).
                    "number": number,
                },
            )
