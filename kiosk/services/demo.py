"""Demo data for ``kiosk demo`` and the screenshots: clearly named helpers and waiting tickets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kiosk.demo import DEMO_MANAGER_PIN, DEMO_STAFF_PIN
from kiosk.domain.clock import service_day
from kiosk.domain.enums import HelperKind, HelperRole
from kiosk.domain.pins import verify_pin
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.helpers import add_helper, list_helpers, set_pin
from kiosk.services.queue_read import waiting_tickets
from kiosk.services.tickets import issue_ticket, mark_print_result
from kiosk.storage.models import Helper

DEMO_PREFIX = "[DEMO] "

# The staff get DEMO_STAFF_PIN, the manager DEMO_MANAGER_PIN (README and `kiosk demo --help`).
DEMO_HELPERS: tuple[tuple[str, HelperKind, HelperRole, str], ...] = (
    ("Cán bộ Một Cửa", HelperKind.STAFF, HelperRole.DESK_OFFICER, "UBND xã"),
    ("Lãnh Đạo Xã", HelperKind.STAFF, HelperRole.MANAGER, "UBND xã"),
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


def demo_pin(kind: HelperKind, role: HelperRole) -> str | None:
    """The demo PIN of a demo helper: the manager's, the staff's, none for a volunteer."""
    if role is HelperRole.MANAGER:
        return DEMO_MANAGER_PIN
    return DEMO_STAFF_PIN if kind is HelperKind.STAFF else None


def _renew_demo_pins(ctx: AppContext, existing: set[str]) -> None:
    """A demo database seeded before the demo PINs changed gets the ones the README gives."""
    names = {DEMO_PREFIX + name for name, *_rest in DEMO_HELPERS} & existing
    if not names:
        return
    with ctx.db.read() as session:
        rows = session.execute(
            select(Helper.id, Helper.kind, Helper.role, Helper.pin_hash).where(
                Helper.name.in_(names)
            )
        ).all()
    for helper_id, kind, role, pin_hash in rows:
        pin = demo_pin(HelperKind(kind), HelperRole(role))
        if pin is not None and (pin_hash is None or not verify_pin(pin, pin_hash)):
            set_pin(ctx, helper_id=helper_id, pin=pin, actor=CLI_ACTOR)


@dataclass(frozen=True, slots=True)
class DemoSeed:
    """What seeding added (nothing when the demo data was already there)."""

    helpers_added: int
    tickets_added: int
    staff_pin: str = DEMO_STAFF_PIN
    manager_pin: str = DEMO_MANAGER_PIN


__all__ = ["DEMO_MANAGER_PIN", "DEMO_PREFIX", "DEMO_STAFF_PIN", "DemoSeed", "seed_demo"]


def seed_demo(ctx: AppContext) -> DemoSeed:
    """Add the demo helpers once, and a queue of waiting tickets when today has none.

    Args:
        ctx: The application context of a demo database (never a commune's real one).

    Returns:
        How many helpers and tickets were added.
    """
    existing = {h.name for h in list_helpers(ctx, include_inactive=True)}
    _renew_demo_pins(ctx, existing)
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
            pin=demo_pin(kind, role),
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


# The team members of a demo village point (volunteers: no PIN, as on a real village PC).
DEMO_VILLAGE_HELPERS: tuple[tuple[str, HelperRole, str], ...] = (
    ("Trưởng Thôn", HelperRole.VILLAGE_HEAD, "Thôn 1"),
    ("Bí Thư Chi Bộ", HelperRole.PARTY_SECRETARY, "Thôn 1"),
    ("Đoàn Viên Thanh Niên", HelperRole.YOUTH_UNION, "Thôn 1"),
    ("Hội Viên Phụ Nữ", HelperRole.WOMENS_UNION, "Thôn 1"),
    ("Giáo Viên Tin Học", HelperRole.TEACHER, "Trường THCS"),
)


def seed_village_demo(ctx: AppContext) -> int:
    """Add the demo village team once (``kiosk demo village``); returns how many were added.

    Args:
        ctx: The application context of a village demo database.
    """
    existing = {h.name for h in list_helpers(ctx, include_inactive=True)}
    added = 0
    for name, role, affiliation in DEMO_VILLAGE_HELPERS:
        if DEMO_PREFIX + name not in existing:
            add_helper(
                ctx,
                name=DEMO_PREFIX + name,
                kind=HelperKind.VOLUNTEER,
                role=role,
                affiliation=affiliation,
                actor=CLI_ACTOR,
            )
            added += 1
    return added
