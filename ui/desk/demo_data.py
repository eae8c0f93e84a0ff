"""A demo morning for the desk and display screenshots: clearly marked helpers, a real queue.

Everything goes through the core's services with a fixed clock that moves forward, so the
database holds what a real morning would: finished visits (recent helpers), calls at three
counters, priority tickets waiting, an alert from the kiosk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kiosk.defaults import DEMO_STAFF_PIN
from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperKind, HelperPart, HelperRole, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.alerts import AlertKind, raise_alert
from kiosk.services.context import CLI_ACTOR, Actor, AppContext
from kiosk.services.demo import DEMO_PREFIX
from kiosk.services.desk import open_counter
from kiosk.services.helpers import add_helper
from kiosk.services.tickets import issue_ticket, mark_print_result
from kiosk.services.visits import finish_visit

# name, kind, role, affiliation; the first is the manager who signs in on the screenshots.
HELPERS: tuple[tuple[str, HelperKind, HelperRole, str], ...] = (
    ("Lãnh Đạo Xã", HelperKind.STAFF, HelperRole.MANAGER, "UBND xã"),
    ("Cán Bộ Một Cửa", HelperKind.STAFF, HelperRole.DESK_OFFICER, "UBND xã"),
    ("Cán Bộ Tư Pháp", HelperKind.STAFF, HelperRole.DESK_OFFICER, "UBND xã"),
    ("Tổ Công Nghệ Số", HelperKind.VOLUNTEER, HelperRole.DIGITAL_TEAM, "Thôn 1"),
    ("Giáo Viên Tin Học", HelperKind.VOLUNTEER, HelperRole.TEACHER, "Trường THCS"),
    ("Đoàn Viên Thanh Niên", HelperKind.VOLUNTEER, HelperRole.YOUTH_UNION, "Thôn 3"),
    ("Hội Phụ Nữ Thôn 4", HelperKind.VOLUNTEER, HelperRole.WOMENS_UNION, "Thôn 4"),
    ("Trưởng Thôn 2", HelperKind.VOLUNTEER, HelperRole.VILLAGE_HEAD, "Thôn 2"),
)

# (minutes after 07:30, line, procedure, priority group)
TICKETS: tuple[tuple[int, str, str | None, str | None], ...] = (
    (2, "A", "khai-sinh", None),
    (5, "E", "kich-hoat-vneid", None),
    (9, "B", "chung-thuc-ban-sao", None),
    (14, "E", "nop-ho-so-truc-tuyen", None),
    (21, "A", "ket-hon", None),
    (30, "D", "tro-cap-xa-hoi", "elderly"),
    (48, "A", "trich-luc-ho-tich", None),
    (55, "E", "thanh-toan-truc-tuyen", None),
    (63, "B", "chung-thuc-chu-ky", None),
    (71, "A", "khai-tu", "disability"),
    (76, "E", "kich-hoat-vneid", None),
    (80, "C", None, None),
    (84, "A", "khai-sinh", None),
    (86, "E", "tra-cuu-ho-so", "elderly"),
    (88, "B", "chung-thuc-ban-sao", None),
)


@dataclass(frozen=True, slots=True)
class DemoMorning:
    """The ids the screenshots need."""

    manager_id: int
    staff_pin: str


def seed_morning(ctx: AppContext, clock: FixedClock) -> DemoMorning:
    """Fill an empty database with a morning up to the clock's time (which it restores)."""
    end = clock.now
    clock.advance(minutes=-90)
    ids = [
        add_helper(
            ctx,
            name=DEMO_PREFIX + name,
            kind=kind,
            role=role,
            affiliation=affiliation,
            pin=DEMO_STAFF_PIN if kind is HelperKind.STAFF else None,
            actor=CLI_ACTOR,
        ).id
        for name, kind, role, affiliation in HELPERS
    ]
    officer, volunteer, teacher = Actor(HELPERS[1][0], ids[1]), ids[3], ids[4]
    start = clock.now
    for minutes, line, procedure, group in TICKETS:
        clock.now = start + _minutes(minutes)
        ticket = issue_ticket(ctx, line_code=line, procedure_code=procedure, priority_group=group)
        mark_print_result(ctx, ticket.id, printed=True)
        if minutes in (30, 55):
            _serve(
                ctx,
                clock,
                3,
                officer,
                [HelperCredit(ids[1], HelperPart.LEAD), HelperCredit(volunteer)],
            )
        if minutes == 63:
            _serve(
                ctx,
                clock,
                1,
                officer,
                [HelperCredit(ids[2], HelperPart.LEAD), HelperCredit(teacher)],
            )
    clock.now = end - _minutes(4)
    for counter in (2, 3):
        open_counter(ctx, counter_number=counter, actor=officer)
    calling.call_next(ctx, counter_number=3, actor=officer)
    clock.now = end - _minutes(2)
    serving = calling.call_next(ctx, counter_number=2, actor=officer)
    if serving is not None:
        calling.start(ctx, ticket_id=serving.id, actor=officer)
    raise_alert(ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
    clock.now = end
    return DemoMorning(manager_id=ids[0], staff_pin=DEMO_STAFF_PIN)


def _serve(
    ctx: AppContext, clock: FixedClock, counter: int, actor: Actor, credits: list[HelperCredit]
) -> None:
    ticket = calling.call_next(ctx, counter_number=counter, actor=actor)
    if ticket is None:
        return
    clock.advance(minutes=6)
    finish_visit(
        ctx,
        ticket_id=ticket.id,
        helpers=credits,
        outcomes=[Outcome.SUBMITTED_ONLINE],
        actor=actor,
    )


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)
