"""Writing summary files: audited exports, the day's reports at closing, who may export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.domain.errors import AuthError
from kiosk.domain.summary import Period
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.reports import (
    ReportWriteError,
    closing_minute,
    day_report_paths,
    due_for_closing,
    export_summary,
    write_day_reports,
)
from kiosk.storage.models import AuditEntry
from tests.summary.dataset import MONDAY, SATURDAY, SUNDAY, Helpers, local


def exports(ctx: AppContext) -> list[AuditEntry]:
    with ctx.db.read() as session:
        stmt = select(AuditEntry).where(AuditEntry.action == "summary_export")
        return list(session.scalars(stmt.order_by(AuditEntry.id)))


def test_every_export_is_audited_with_its_period_and_format(
    ctx: AppContext, week: Helpers, tmp_path: Path
) -> None:
    pdf, csv = tmp_path / "tuan.pdf", tmp_path / "tuan.csv"
    export_summary(ctx, Period(SATURDAY, MONDAY), pdf=pdf, csv=csv, actor=CLI_ACTOR)
    assert pdf.read_bytes().startswith(b"%PDF") and csv.stat().st_size > 0
    entries = exports(ctx)
    assert [e.actor for e in entries] == ["cli", "cli"]
    details = [json.loads(e.after) for e in entries]
    assert details[0] == {
        "first": "2026-11-21",
        "last": "2026-11-23",
        "format": "pdf",
        "file": str(pdf),
        "number": "",  # none given: the clerk writes it on the printed page
    }
    assert (
        details[1]["format"] == "csv" and details[1]["records"] == 14
    )  # Sat 2 + 1, Sun 1, Mon 7 + 3


def test_a_summary_only_read_on_screen_writes_no_audit_entry(
    ctx: AppContext, week: Helpers
) -> None:
    summary = export_summary(ctx, Period.day(MONDAY), actor=CLI_ACTOR)
    assert summary.tickets.totals.issued.current == 7
    assert exports(ctx) == []


def test_the_days_reports_go_to_the_reports_folder_at_closing(
    ctx: AppContext, week: Helpers
) -> None:
    pdf, csv = write_day_reports(ctx, MONDAY)
    assert (pdf, csv) == day_report_paths(ctx.config, MONDAY)
    assert pdf.parent == ctx.config.reports_dir
    assert pdf.name == "bao-cao-2026-11-23.pdf" and csv.name == "bao-cao-2026-11-23.csv"
    assert pdf.exists() and csv.exists()
    assert not list(pdf.parent.glob(".*.part"))
    assert [e.actor for e in exports(ctx)] == ["closing", "closing"]


def test_closing_is_due_from_the_end_of_the_last_opening_range(ctx: AppContext) -> None:
    config = ctx.config  # default hours: Mon-Fri 07:00-11:30, 13:30-17:00; Sat 07:00-11:30
    assert closing_minute(config, MONDAY) == 17 * 60
    assert closing_minute(config, SUNDAY) is None
    assert not due_for_closing(config, local(MONDAY, "16:59"))
    assert not due_for_closing(config, local(MONDAY, "12:00"))  # lunch break is not closing
    assert due_for_closing(config, local(MONDAY, "17:00"))
    assert due_for_closing(config, local(MONDAY, "23:59"))
    assert not due_for_closing(config, local(SATURDAY, "11:29"))
    assert due_for_closing(config, local(SATURDAY, "11:30"))
    assert not due_for_closing(config, local(SUNDAY, "18:00"))


def test_only_a_manager_among_helpers_may_export(
    ctx: AppContext, week: Helpers, tmp_path: Path
) -> None:
    with pytest.raises(AuthError, match="Only a manager"):
        export_summary(
            ctx, Period.day(MONDAY), pdf=tmp_path / "x.pdf", actor=Actor("Lan", week.staff)
        )
    assert not (tmp_path / "x.pdf").exists()
    export_summary(
        ctx, Period.day(MONDAY), pdf=tmp_path / "x.pdf", actor=Actor("Bảo", week.manager)
    )
    assert [e.actor_helper_id for e in exports(ctx)] == [week.manager]


def test_a_file_that_cannot_be_written_is_a_clear_error_and_not_audited(
    ctx: AppContext, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "r.pdf"
    with pytest.raises(ReportWriteError, match=r"Cannot write .*no-such-folder"):
        export_summary(ctx, Period.day(date(2026, 11, 23)), pdf=missing, actor=CLI_ACTOR)
    assert exports(ctx) == []
