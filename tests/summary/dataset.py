"""A small week at the desk whose summary figures are worked out by hand (see EXPECTED notes).

Saturday 21/11/2026 (the working day before Monday; Sunday is closed in the default hours):
  A001 08:00 issued, 08:04 called at counter 1 and started, 08:10 done (wait 4, service 6),
       staff; dossier received; rated "Hài lòng".
  A002 08:30 issued, 08:35 called, 08:40 no-show.
  Walk-in at "Nhà văn hóa thôn 1" 09:00-09:15, digital team; VNeID checked.
Sunday 22/11: C001 issued at 10:00 (a closed day: never the comparison for Monday).
Monday 23/11:
  A001 09:00 khai-sinh, elderly; called 09:10 counter 1, started 09:12, done 09:30
       (wait 10, service 18), staff lead + teacher; dossier received; rated 3 "Rất hài lòng".
  B001 09:00 chung-thuc-ban-sao; called 09:30 counter 1, done 09:40 (wait 30, service 10),
       staff; dossier received; rated 1 "Không hài lòng" (waiting time).
  E001 09:05 kich-hoat-vneid; called 09:10 counter 3, done 09:40 (wait 5, service 30),
       digital team; submitted online + paid online; rated 2 "Hài lòng".
  A002 09:10 khai-sinh; transferred to line E at 09:15; called 09:40 counter 3, done 09:50
       as kich-hoat-vneid (wait 30, service 10), digital team; VNeID checked. Not rated.
  A003 09:20 no procedure; called 09:50 counter 1; no-show 09:55.
  D001 10:00 no procedure; still waiting at closing (17:00) -> not served at closing.
  B002 10:05 no procedure; cancelled 10:06.
  Walk-in "Nhà văn hóa thôn 1" 14:00-14:20, digital team lead + teacher; VNeID checked;
       rated 3 on the spot.
  Walk-in at the desk without a ticket 14:30-14:40, staff; guided only.
  Walk-in "Nhà văn hóa thôn 2" 23:30 Monday - 00:30 Tuesday, digital team; guided only.
Wednesday 25/11: walk-in "Nhà văn hóa thôn 3" 08:00-08:30, teacher; guided only. No tickets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, HelperPart, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.ratings import rate_ticket, rate_visit
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit, record_walk_in

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
ADMIN = Actor("admin")

STAFF_NAME = "Nguyễn Thị Lan"
TEAM_NAME = "Trần Văn Minh"
TEACHER_NAME = "Lê Thu Hà"


@dataclass(frozen=True)
class Helpers:
    staff: int
    team: int
    teacher: int
    manager: int


def local(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=VN).astimezone(UTC)


class Desk:
    """Drives the real services with the clock set to each moment."""

    def __init__(self, ctx: AppContext, clock: FixedClock) -> None:
        self.ctx, self.clock = ctx, clock

    def at(self, day: date, hhmm: str) -> None:
        self.clock.now = local(day, hhmm)

    def issue(
        self,
        day: date,
        hhmm: str,
        line: str,
        procedure: str | None = None,
        priority: str | None = None,
    ) -> int:
        self.at(day, hhmm)
        return issue_ticket(
            self.ctx, line_code=line, procedure_code=procedure, priority_group=priority
        ).id

    def call(self, day: date, hhmm: str, ticket_id: int, counter: int) -> None:
        self.at(day, hhmm)
        calling.call_ticket(self.ctx, ticket_id=ticket_id, counter_number=counter, actor=ADMIN)

    def start(self, day: date, hhmm: str, ticket_id: int) -> None:
        self.at(day, hhmm)
        calling.start(self.ctx, ticket_id=ticket_id, actor=ADMIN)

    def finish(
        self,
        day: date,
        hhmm: str,
        ticket_id: int,
        helpers: list[int],
        outcomes: list[Outcome],
        procedure: str | None = None,
    ) -> int:
        self.at(day, hhmm)
        credits = [
            HelperCredit(h, HelperPart.LEAD if i == 0 else HelperPart.SUPPORT)
            for i, h in enumerate(helpers)
        ]
        return finish_visit(
            self.ctx,
            ticket_id=ticket_id,
            helpers=credits,
            outcomes=outcomes,
            actor=ADMIN,
            procedure_code=procedure,
        ).visit_id

    def walk_in(
        self,
        start: datetime,
        end: datetime,
        helpers: list[int],
        outcomes: list[Outcome],
        place: str = "",
    ) -> int:
        self.clock.now = end
        channel = Channel.VILLAGE_POINT if place else Channel.DESK
        credits = [HelperCredit(h) for h in helpers]
        return record_walk_in(
            self.ctx,
            helpers=credits,
            outcomes=outcomes,
            actor=ADMIN,
            place=place,
            channel=channel,
            started_at=start,
        ).visit_id

    def rate(
        self, day: date, hhmm: str, number: str, level: int, reason: str | None = None
    ) -> None:
        self.at(day, hhmm)
        rate_ticket(self.ctx, number=number, level=level, reason=reason)


def add_helpers(ctx: AppContext) -> Helpers:
    def add(name: str, kind: str, role: str) -> int:
        return add_helper(ctx, name=name, kind=kind, role=role, actor=ADMIN).id

    return Helpers(
        staff=add(STAFF_NAME, "staff", "desk_officer"),
        team=add(TEAM_NAME, "volunteer", "digital_team"),
        teacher=add(TEACHER_NAME, "volunteer", "teacher"),
        manager=add("Phạm Quốc Bảo", "staff", "manager"),
    )


def build_saturday(desk: Desk, h: Helpers) -> None:
    d = SATURDAY
    a1 = desk.issue(d, "08:00", "A")
    a2 = desk.issue(d, "08:30", "A")
    desk.call(d, "08:04", a1, 1)
    desk.start(d, "08:04", a1)
    desk.finish(d, "08:10", a1, [h.staff], [Outcome.DOSSIER_RECEIVED])
    desk.rate(d, "08:12", "A001", 2)
    desk.call(d, "08:35", a2, 1)
    desk.at(d, "08:40")
    calling.no_show(desk.ctx, ticket_id=a2, actor=ADMIN)
    desk.walk_in(
        local(d, "09:00"),
        local(d, "09:15"),
        [h.team],
        [Outcome.VNEID_CHECKED],
        "Nhà văn hóa thôn 1",
    )


def build_monday_tickets(desk: Desk, h: Helpers) -> None:
    d = MONDAY
    a1 = desk.issue(d, "09:00", "A", "khai-sinh", "elderly")
    b1 = desk.issue(d, "09:00", "B", "chung-thuc-ban-sao")
    e1 = desk.issue(d, "09:05", "E", "kich-hoat-vneid")
    a2 = desk.issue(d, "09:10", "A", "khai-sinh")
    a3 = desk.issue(d, "09:20", "A")
    desk.issue(d, "10:00", "D")
    b2 = desk.issue(d, "10:05", "B")
    desk.call(d, "09:10", a1, 1)
    desk.start(d, "09:12", a1)
    desk.finish(d, "09:30", a1, [h.staff, h.teacher], [Outcome.DOSSIER_RECEIVED])
    desk.call(d, "09:30", b1, 1)
    desk.finish(d, "09:40", b1, [h.staff], [Outcome.DOSSIER_RECEIVED])
    desk.call(d, "09:10", e1, 3)
    desk.finish(d, "09:40", e1, [h.team], [Outcome.SUBMITTED_ONLINE, Outcome.PAID_ONLINE])
    desk.at(d, "09:15")
    calling.transfer(desk.ctx, ticket_id=a2, to_line="E", actor=ADMIN)
    desk.call(d, "09:40", a2, 3)
    desk.finish(d, "09:50", a2, [h.team], [Outcome.VNEID_CHECKED], procedure="kich-hoat-vneid")
    desk.call(d, "09:50", a3, 1)
    desk.at(d, "09:55")
    calling.no_show(desk.ctx, ticket_id=a3, actor=ADMIN)
    desk.at(d, "10:06")
    calling.cancel(desk.ctx, ticket_id=b2, actor=ADMIN, reason="left")
    desk.rate(d, "09:31", "A001", 3)
    desk.rate(d, "09:41", "B001", 1, "waiting_time")
    desk.rate(d, "09:42", "E001", 2)


def build_monday_walk_ins(desk: Desk, h: Helpers) -> None:
    d = MONDAY
    w1 = desk.walk_in(
        local(d, "14:00"),
        local(d, "14:20"),
        [h.team, h.teacher],
        [Outcome.VNEID_CHECKED],
        "Nhà văn hóa thôn 1",
    )
    desk.at(d, "14:25")
    rate_visit(desk.ctx, visit_id=w1, level=3, reason=None)
    desk.walk_in(local(d, "14:30"), local(d, "14:40"), [h.staff], [Outcome.GUIDED_ONLY])
    desk.at(d, "17:00")
    calling.close_day(desk.ctx, actor=ADMIN, reason="Hết giờ làm việc")
    desk.walk_in(
        local(d, "23:30"),
        local(TUESDAY, "00:30"),
        [h.team],
        [Outcome.GUIDED_ONLY],
        "Nhà văn hóa thôn 2",
    )


def build_week(ctx: AppContext, clock: FixedClock) -> Helpers:
    desk = Desk(ctx, clock)
    desk.at(SATURDAY, "07:30")
    h = add_helpers(ctx)
    build_saturday(desk, h)
    desk.issue(SUNDAY, "10:00", "C")
    build_monday_tickets(desk, h)
    build_monday_walk_ins(desk, h)
    desk.walk_in(
        local(WEDNESDAY, "08:00"),
        local(WEDNESDAY, "08:30"),
        [h.teacher],
        [Outcome.GUIDED_ONLY],
        "Nhà văn hóa thôn 3",
    )
    return h
