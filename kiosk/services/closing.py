"""Closing time: waiting tickets become "not served at closing"; the day's reports are written."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from kiosk.domain.clock import service_day
from kiosk.services.backup import BackupError, backup_if_due
from kiosk.services.calling import close_day
from kiosk.services.context import Actor, AppContext
from kiosk.services.reports import (
    CLOSING_ACTOR,
    day_report_paths,
    due_for_closing,
    write_day_reports,
)
from kiosk.state_log import StateLog

CLOSING_REASON = "Hết giờ làm việc"

_states = StateLog(logging.getLogger(__name__))


@dataclass(frozen=True, slots=True)
class ClosingResult:
    """What closing did for a day."""

    day: date
    closed_tickets: int
    pdf: Path
    csv: Path
    backup: Path | None = None


def close_now(
    ctx: AppContext, *, reason: str = CLOSING_REASON, actor: Actor = CLOSING_ACTOR
) -> ClosingResult:
    """Close the queue and write today's PDF and CSV (also `kiosk close-day`, as the CLI)."""
    day = service_day(ctx.clock(), ctx.tz)
    closed = close_day(ctx, actor=actor, reason=reason)
    pdf, csv = write_day_reports(ctx, day, actor=actor)
    return ClosingResult(day, closed, pdf, csv)


def close_if_due(ctx: AppContext) -> ClosingResult | None:
    """Run closing once per day after the last opening range ends; ``None`` when not due.

    The kiosk process calls this every minute. The day's report files mark it as done, so a
    restart after closing, or a second PC doing the same, does not close twice. Then the day's
    backup is taken, once (``backup_if_due``); if it cannot be (a USB stick unplugged) it is
    tried again at the next call, and the log says so once, not every minute.
    """
    now = ctx.clock()
    if not due_for_closing(ctx.config, now):
        return None
    pdf, csv = day_report_paths(ctx.config, service_day(now, ctx.tz))
    result = None if pdf.exists() and csv.exists() else close_now(ctx)
    backup = _backup_after_closing(ctx)
    return None if result is None else replace(result, backup=backup)


def _backup_after_closing(ctx: AppContext) -> Path | None:
    try:
        path = backup_if_due(ctx)
    except BackupError as exc:
        _states.change(
            "daily backup", f"failed: {exc}", "daily backup failed: %s", exc, level=logging.WARNING
        )
        return None
    if path is not None:
        _states.change("daily backup", "ok", "daily backup written: %s", path, level=logging.INFO)
    return path
