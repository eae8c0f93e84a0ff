"""Closing time: waiting tickets become "not served at closing"; the day's reports are written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.domain.clock import service_day
from kiosk.services.calling import close_day
from kiosk.services.context import Actor, AppContext
from kiosk.services.reports import (
    CLOSING_ACTOR,
    day_report_paths,
    due_for_closing,
    write_day_reports,
)

CLOSING_REASON = "Hết giờ làm việc"


@dataclass(frozen=True, slots=True)
class ClosingResult:
    """What closing did for a day."""

    day: date
    closed_tickets: int
    pdf: Path
    csv: Path


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
    restart after closing, or a second PC doing the same, does not close twice.
    """
    now = ctx.clock()
    if not due_for_closing(ctx.config, now):
        return None
    pdf, csv = day_report_paths(ctx.config, service_day(now, ctx.tz))
    if pdf.exists() and csv.exists():
        return None
    return close_now(ctx)
