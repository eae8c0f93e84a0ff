"""The kiosk process closes the queue at closing time and writes the day's reports."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import TicketStatus
from kiosk.services.context import AppContext
from kiosk.services.tickets import find_ticket, issue_ticket
from ui.kiosk.closing_job import ClosingJob
from ui.shell import Runtime

LOOP = asyncio.new_event_loop()


def closing_job(ctx: AppContext) -> ClosingJob:
    return ClosingJob(runtime=Runtime.over_context(ctx, loop=LOOP))


def _check(job: ClosingJob) -> object:
    return LOOP.run_until_complete(job.check())


def test_the_closing_job_closes_once_after_hours(
    sqlite_ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    issue_ticket(sqlite_ctx, line_code="A")
    job = closing_job(sqlite_ctx)
    assert _check(job) is None  # 09:00: open
    assert find_ticket(sqlite_ctx, "A001").status is TicketStatus.WAITING
    clock.advance(hours=8, minutes=2)
    result = _check(job)
    assert result is not None
    assert find_ticket(sqlite_ctx, "A001").status is TicketStatus.NOT_SERVED_AT_CLOSING
    assert (tmp_path / "reports" / "bao-cao-2026-11-23.pdf").is_file()
    assert _check(job) is None


def test_a_closing_failure_is_logged_and_retried(
    sqlite_ctx: AppContext,
    clock: FixedClock,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (tmp_path / "reports").write_text("a file where the folder should be", encoding="utf-8")
    job = closing_job(sqlite_ctx)
    clock.advance(hours=8, minutes=2)
    assert _check(job) is None
    assert "closing failed" in caplog.text
