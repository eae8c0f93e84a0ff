"""What the visitor kiosk shows: lines commonest first, and how many people are waiting.

"Commonest" counts the days before today only, so the order is the same all day long: a
visitor who learned where their line's button is in the morning finds it there at noon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from kiosk.domain.clock import service_day
from kiosk.domain.views import LineView
from kiosk.services.context import AppContext
from kiosk.services.queue_read import list_lines, total_waiting
from kiosk.storage.models import Line, Ticket

# Long enough to smooth out one busy morning, short enough to follow the season
# (school enrolment, land declarations).
USAGE_WINDOW_DAYS = 30


@dataclass(frozen=True, slots=True)
class KioskSnapshot:
    """Everything the home and choose screens show, read in one go."""

    lines: tuple[LineView, ...]
    total_waiting: int


def line_usage(ctx: AppContext, *, days: int = USAGE_WINDOW_DAYS) -> dict[str, int]:
    """Tickets issued per line code over the ``days`` service days before today.

    Today's tickets are left out: counting them moved buttons around during the day.
    """
    today = service_day(ctx.clock(), ctx.tz)
    first_day = today - timedelta(days=days)
    with ctx.db.read() as session:
        rows = session.execute(
            select(Line.code, func.count(Ticket.id))
            .join(Ticket, Ticket.issue_line_id == Line.id)
            .where(Ticket.service_day >= first_day, Ticket.service_day < today)
            .group_by(Line.code)
        ).all()
    return {str(code): int(count) for code, count in rows}


def lines_commonest_first(ctx: AppContext) -> list[LineView]:
    """Active lines, the most used before today first; unused lines keep the configured order."""
    lines = list_lines(ctx)
    usage = line_usage(ctx)
    # sorted() is stable, so equal counts keep the configured order.
    return sorted(lines, key=lambda line: -usage.get(line.code, 0))


def kiosk_snapshot(ctx: AppContext) -> KioskSnapshot:
    """The lines and the waiting count, as the home and choose screens show them."""
    return KioskSnapshot(
        lines=tuple(lines_commonest_first(ctx)),
        total_waiting=total_waiting(ctx),
    )
