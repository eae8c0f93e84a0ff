"""The counting rules as the database applies them, on SQLite and PostgreSQL (summary_sql).

The summary counts, sums and ranks in SQL; these tests drive the real services and check each
rule of kiosk/domain/summary_tally.py on the figures that come back.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Channel, HelperPart, Outcome, RoleGroup
from kiosk.domain.summary import Figure, Period, median, percentile
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.summary import build_summary
from tests.summary.dataset import ADMIN, MONDAY, Desk, local


def helper(ctx: AppContext, name: str, kind: str, role: str) -> int:
    return add_helper(ctx, name=name, kind=kind, role=role, actor=ADMIN).id


def serve(desk: Desk, issued: str, called: str, finished: str, helper_id: int) -> None:
    """A ticket on line A issued, called and served at counter 1 (times on Monday)."""
    ticket = desk.issue(MONDAY, issued, "A")
    desk.call(MONDAY, called, ticket, 1)
    desk.start(MONDAY, called, ticket)
    desk.finish(MONDAY, finished, ticket, [helper_id], [Outcome.GUIDED_ONLY])


def walk_in(desk: Desk, start: str, end: str, helpers: list[int]) -> None:
    credits = [HelperCredit(h, HelperPart.SUPPORT) for h in helpers]
    desk.clock.now = local(MONDAY, end)
    from kiosk.services.visits import record_walk_in

    record_walk_in(
        desk.ctx,
        helpers=credits,
        outcomes=[Outcome.GUIDED_ONLY],
        actor=ADMIN,
        place="Nhà văn hóa thôn 1",
        channel=Channel.VILLAGE_POINT,
        started_at=local(MONDAY, start),
    )


def test_waiting_and_service_times_come_from_served_tickets_only(
    ctx: AppContext, clock: FixedClock
) -> None:
    desk = Desk(ctx, clock)
    staff = helper(ctx, "Lan", "staff", "desk_officer")
    serve(desk, "09:00", "09:10", "09:28", staff)  # wait 10, service 18
    no_show = desk.issue(MONDAY, "09:00", "A")
    desk.call(MONDAY, "09:50", no_show, 2)  # a wait of 50 that is not a served wait
    desk.at(MONDAY, "09:55")
    calling.no_show(ctx, ticket_id=no_show, actor=ADMIN)
    serving = desk.issue(MONDAY, "09:00", "A")
    desk.call(MONDAY, "09:05", serving, 2)
    desk.start(MONDAY, "09:05", serving)  # still being served: no times yet
    tickets = build_summary(ctx, Period.day(MONDAY)).tickets
    assert tickets.wait_median_min == Figure(10, None)
    assert tickets.wait_p90_min == Figure(10, None)
    assert tickets.service_median_min == Figure(18, None)


def test_medians_and_the_p90_are_the_values_at_their_ranks(
    ctx: AppContext, clock: FixedClock
) -> None:
    desk = Desk(ctx, clock)
    staff = helper(ctx, "Lan", "staff", "desk_officer")
    waits = list(range(1, 21))  # 20 waits: median of ranks 10 and 11, p90 rank 18
    random.Random(3).shuffle(waits)
    services = [3 + (7 * n) % 11 for n in range(20)]
    for n, (wait, service) in enumerate(zip(waits, services, strict=True)):
        issued = f"08:{n:02d}"
        called_minute = n + wait
        called = f"{8 + called_minute // 60:02d}:{called_minute % 60:02d}"
        done_minute = called_minute + service
        serve(desk, issued, called, f"{8 + done_minute // 60:02d}:{done_minute % 60:02d}", staff)
    tickets = build_summary(ctx, Period.day(MONDAY)).tickets
    assert tickets.wait_median_min == Figure(median(waits), None) == Figure(10.5, None)
    assert tickets.wait_p90_min == Figure(percentile(waits, 0.9), None) == Figure(18, None)
    assert tickets.service_median_min == Figure(median(services), None)


def test_a_clock_set_back_never_gives_a_negative_time(ctx: AppContext, clock: FixedClock) -> None:
    desk = Desk(ctx, clock)
    staff = helper(ctx, "Lan", "staff", "desk_officer")
    serve(desk, "09:00", "08:57", "08:55", staff)  # a wait of -3 and a service of -2 minutes
    serve(desk, "09:00", "09:10", "09:20", staff)  # 10 and 10
    summary = build_summary(ctx, Period.day(MONDAY))
    assert summary.tickets.wait_median_min == Figure(5, None)  # (0 + 10) / 2
    assert summary.tickets.service_median_min == Figure(5, None)
    # Each visit is clamped before the sum: 0 + 10, not -2 + 10.
    assert summary.visits.helpers[0].minutes == Figure(10, 0)


def test_a_role_group_counts_a_visit_once_however_many_members_helped(
    ctx: AppContext, clock: FixedClock
) -> None:
    desk = Desk(ctx, clock)
    desk.at(MONDAY, "07:00")
    teacher = helper(ctx, "Hà", "volunteer", "teacher")
    youth = helper(ctx, "Hùng", "volunteer", "youth_union")
    team = helper(ctx, "Minh", "volunteer", "digital_team")
    walk_in(desk, "14:00", "14:20", [teacher, youth])
    walk_in(desk, "15:00", "15:15", [team])
    visits = build_summary(ctx, Period.day(MONDAY)).visits
    groups = {row.key: (row.visits.current, row.minutes.current) for row in visits.role_groups}
    assert groups == {
        RoleGroup.STAFF: (0, 0),
        RoleGroup.DIGITAL_TEAM: (1, 15),
        RoleGroup.OTHER_VOLUNTEERS: (1, 20),
    }
    helpers = {row.label: (row.visits.current, row.minutes.current) for row in visits.helpers}
    assert helpers == {"Hà": (1, 20), "Hùng": (1, 20), "Minh": (1, 15)}


def test_a_helper_with_an_unknown_role_counts_as_another_volunteer(
    ctx: AppContext, clock: FixedClock
) -> None:
    desk = Desk(ctx, clock)
    desk.at(MONDAY, "07:00")
    newer = helper(ctx, "Mới", "staff", "desk_officer")
    with ctx.db.engine.begin() as conn:  # a role written by a newer version of the kiosk
        conn.execute(
            text("UPDATE helper SET role = 'role_from_a_newer_version' WHERE id = :id"),
            {"id": newer},
        )
    walk_in(desk, "14:00", "14:10", [newer])
    visits = build_summary(ctx, Period.day(MONDAY)).visits
    groups = {row.key: row.visits.current for row in visits.role_groups}
    assert groups == {RoleGroup.STAFF: 0, RoleGroup.DIGITAL_TEAM: 0, RoleGroup.OTHER_VOLUNTEERS: 1}


@pytest.fixture(autouse=True)
def _early_monday(clock: FixedClock) -> None:
    clock.now = local(MONDAY, "07:00")
