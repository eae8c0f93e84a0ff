"""Demo data for ``kiosk demo`` and the screenshots: clearly named helpers and waiting tickets."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.defaults import DEMO_STAFF_PIN as DEMO_STAFF_PIN  # still importable from here
from kiosk.domain.clock import service_day
from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.helpers import add_helper, list_helpers
from kiosk.services.queue_read import waiting_tickets
from kiosk.services.tickets import issue_ticket, mark_print_result

DEMO_PREFIX = "[DEMO] "

DEMO_HELPERS: tuple[tuple[str, HelperKind, HelperRole, str], ...] = (
    ("Cán bộ Một Cửa", HelperKind.STAFF, HelperRole.DESK_OFFICER, "UBND xã"),
    ("Tổ Công Nghệ Số", HelperKind.VOLUNTEER, HelperRole.DIGITAL_TEAM, "Thôn 1"),
    ("Giáo Viên Tin Học", HelperKind.VOLUNTEER, HelperRole.TEACHER, "Trường THCS"),
    ("Đoàn Viên Thanh Niên", HelperKind.VOLUNTEER, HelperRole.YOUTH_UNION, "Thôn 3"),
)

# (line code, priority group): a morning's queue; lines missing from the config are skipped.
DEMO_TICKETS: tuple[tuple[str, str | None], ...] = (
    ("A", None),
    ("A", "elderly"),
    ("A", None),
    ("B", None),
    ("E", None),
    ("E", None),
    ("A", None),
    ("D", "disability"),
    ("E", None),
)


@dataclass(frozen=True, slots=True)
class DemoSeed:
    """What seeding added (nothing when the demo data was already there)."""

    helpers_added: int
    tickets_added: int
    staff_pin: str = DEMO_STAFF_PIN


def seed_demo(ctx: AppContext) -> DemoSeed:
    """Add the demo helpers once, and a queue of waiting tickets when today has none.

    Args:
        ctx: The application context of a demo database (never a commune's real one).

    Returns:
        How many helpers and tickets were added.
    """
    existing = {h.name for h in list_helpers(ctx, include_inactive=True)}
    helpers = 0
    for name, kind, role, affiliation in DEMO_HELPERS:
        full_name = DEMO_PREFIX + name
        if full_name in existing:
            continue
        add_helper(
            ctx,
            name=full_name,
            kind=kind,
            role=role,
            affiliation=affiliation,
            pin=DEMO_STAFF_PIN if kind is HelperKind.STAFF else None,
            actor=CLI_ACTOR,
        )
        helpers += 1
    tickets = 0
    today = service_day(ctx.clock(), ctx.tz)
    if not any(t.service_day == today for t in waiting_tickets(ctx)):
        codes = {line.code for line in ctx.config.lines}
        groups = {group.code for group in ctx.config.queue.priority_groups}
        for line_code, group in DEMO_TICKETS:
            if line_code not in codes:
                continue
            ticket = issue_ticket(
                ctx, line_code=line_code, priority_group=group if group in groups else None
            )
            mark_print_result(ctx, ticket.id, printed=True)
            tickets += 1
    return DemoSeed(helpers_added=helpers, tickets_added=tickets)
