"""Use cases behind the visitor kiosk: desk alerts, the staff exit PIN, demo data, line order."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import AuthError, NotFoundError
from kiosk.services.alerts import AlertKind, open_alerts, raise_alert, resolve_alert
from kiosk.services.context import CLI_ACTOR, Actor, AppContext, bootstrap
from kiosk.services.demo import DEMO_MANAGER_PIN, DEMO_STAFF_PIN, seed_demo
from kiosk.services.helpers import add_helper, list_helpers, set_active, set_pin
from kiosk.services.kiosk_menu import kiosk_snapshot, line_usage, lines_commonest_first
from kiosk.services.queue_read import total_waiting
from kiosk.services.reports import manager_sign_in
from kiosk.services.roster import who_can_sign_in
from kiosk.services.staff_exit import verify_exit_pin
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import AuditEntry
from tests.storage.test_live import settle, watching


def test_an_alert_is_open_until_a_helper_resolves_it(sqlite_ctx: AppContext) -> None:
    with watching(sqlite_ctx.config.database_url) as screens:
        before = settle(screens)
        alert = raise_alert(sqlite_ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
        screens.wait_for("the alert", lambda: screens.changes > before)
    assert [a.id for a in open_alerts(sqlite_ctx)] == [alert.id]
    helper = add_helper(sqlite_ctx, name="Lan", kind="staff", role="desk_officer", actor=CLI_ACTOR)
    resolved = resolve_alert(sqlite_ctx, alert.id, Actor("Lan", helper.id))
    assert resolved.resolved_at is not None
    assert open_alerts(sqlite_ctx) == []
    with sqlite_ctx.db.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "alert"))
        assert list(actions) == ["alert_raise", "alert_resolve"]


def test_repeated_help_requests_make_one_open_alert(sqlite_ctx: AppContext) -> None:
    first = raise_alert(sqlite_ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
    again = raise_alert(sqlite_ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
    other = raise_alert(sqlite_ctx, kind=AlertKind.PRINTER_TROUBLE, source="kiosk", message="x")
    assert again.id == first.id
    assert {a.id for a in open_alerts(sqlite_ctx)} == {first.id, other.id}


def test_printer_trouble_is_one_alert_per_ticket(sqlite_ctx: AppContext) -> None:
    one = issue_ticket(sqlite_ctx, line_code="A")
    two = issue_ticket(sqlite_ctx, line_code="A")
    for ticket in (one, two, one):
        raise_alert(sqlite_ctx, kind=AlertKind.PRINTER_TROUBLE, source="kiosk", ticket_id=ticket.id)
    assert sorted(a.ticket_id or 0 for a in open_alerts(sqlite_ctx)) == [one.id, two.id]


def test_resolving_an_unknown_alert_is_an_error(sqlite_ctx: AppContext) -> None:
    with pytest.raises(NotFoundError):
        resolve_alert(sqlite_ctx, 999, CLI_ACTOR)


@pytest.fixture
def staff(sqlite_ctx: AppContext) -> AppContext:
    add_helper(
        sqlite_ctx, name="Trần Lan", kind="staff", role="desk_officer", pin="1234", actor=CLI_ACTOR
    )
    add_helper(
        sqlite_ctx, name="Võ Minh", kind="staff", role="manager", pin="987654", actor=CLI_ACTOR
    )
    add_helper(sqlite_ctx, name="Hà Tình", kind="volunteer", role="teacher", actor=CLI_ACTOR)
    return sqlite_ctx


def test_any_active_staff_pin_opens_the_exit(staff: AppContext) -> None:
    lan = verify_exit_pin(staff, "1234")
    minh = verify_exit_pin(staff, "987654")
    assert (lan and lan.name, minh and minh.name) == ("Trần Lan", "Võ Minh")
    assert verify_exit_pin(staff, "5555") is None
    with staff.db.read() as session:
        exits = session.scalars(select(AuditEntry).where(AuditEntry.action == "kiosk_exit")).all()
    assert [e.actor for e in exits] == ["Trần Lan", "Võ Minh"]


def test_a_deactivated_staff_pin_no_longer_opens_the_exit(staff: AppContext) -> None:
    lan = verify_exit_pin(staff, "1234")
    assert lan is not None
    set_active(staff, helper_id=lan.id, active=False, actor=CLI_ACTOR)
    assert verify_exit_pin(staff, "1234") is None


def test_five_wrong_exit_pins_lock_the_kiosk_for_five_minutes(
    staff: AppContext, clock: FixedClock
) -> None:
    for _ in range(4):
        assert verify_exit_pin(staff, "0000") is None
    with pytest.raises(AuthError):
        verify_exit_pin(staff, "0000")
    with pytest.raises(AuthError):
        verify_exit_pin(staff, "1234")
    clock.advance(minutes=5, seconds=1)
    assert verify_exit_pin(staff, "1234") is not None


def test_a_right_pin_resets_the_count_of_wrong_ones(staff: AppContext) -> None:
    for _ in range(4):
        verify_exit_pin(staff, "0000")
    assert verify_exit_pin(staff, "1234") is not None
    for _ in range(4):
        assert verify_exit_pin(staff, "0000") is None


def test_the_exit_lockout_survives_a_restart_of_the_kiosk(
    staff: AppContext, clock: FixedClock
) -> None:
    for _ in range(4):
        assert verify_exit_pin(staff, "0000") is None
    staff.db.dispose()
    restarted = bootstrap(staff.config, clock=clock)
    try:
        with pytest.raises(AuthError, match="Too many"):
            verify_exit_pin(restarted, "0000")
        with pytest.raises(AuthError, match="Too many"):
            verify_exit_pin(restarted, "1234")
    finally:
        restarted.db.dispose()


def test_every_wrong_exit_pin_is_audited_with_the_device(staff: AppContext) -> None:
    for _ in range(4):
        verify_exit_pin(staff, "0000", source="kiosk")
    with pytest.raises(AuthError):
        verify_exit_pin(staff, "0000", source="kiosk")
    with staff.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("exit_pin_%")).order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == ["exit_pin_wrong"] * 4 + ["exit_pin_lockout"]
    assert {e.actor for e in entries} == {"kiosk"}


def test_demo_seeding_adds_demo_helpers_and_a_queue_once(sqlite_ctx: AppContext) -> None:
    first = seed_demo(sqlite_ctx)
    assert (first.helpers_added, first.tickets_added) == (5, 9)
    assert total_waiting(sqlite_ctx) == 9
    second = seed_demo(sqlite_ctx)
    assert (second.helpers_added, second.tickets_added) == (0, 0)
    names = [helper.name for helper in list_helpers(sqlite_ctx)]
    assert all(name.startswith("[DEMO] ") for name in names)
    assert verify_exit_pin(sqlite_ctx, DEMO_STAFF_PIN) is not None
    [manager] = who_can_sign_in(sqlite_ctx, role=HelperRole.MANAGER)
    assert manager_sign_in(sqlite_ctx, helper_id=manager.id, pin=DEMO_MANAGER_PIN) == manager


def test_lines_come_commonest_first_then_in_configured_order(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    for code in "DDBD":
        issue_ticket(sqlite_ctx, line_code=code)
    clock.advance(days=1)
    assert line_usage(sqlite_ctx) == {"D": 3, "B": 1}
    assert [line.code for line in lines_commonest_first(sqlite_ctx)] == ["D", "B", "A", "C", "E"]


def test_the_order_of_lines_stays_the_same_all_day_whatever_is_taken_today(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    issue_ticket(sqlite_ctx, line_code="D")
    clock.advance(days=1)
    morning = [line.code for line in lines_commonest_first(sqlite_ctx)]
    assert morning == ["D", "A", "B", "C", "E"]
    for _ in range(5):
        issue_ticket(sqlite_ctx, line_code="E")
    clock.advance(hours=6)
    assert [line.code for line in lines_commonest_first(sqlite_ctx)] == morning
    clock.advance(days=1)  # the next day follows yesterday's visitors
    assert [line.code for line in lines_commonest_first(sqlite_ctx)][:2] == ["E", "D"]


def test_usage_older_than_thirty_days_is_forgotten(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    issue_ticket(sqlite_ctx, line_code="C")
    clock.advance(days=30)
    assert line_usage(sqlite_ctx) == {"C": 1}
    clock.advance(days=1)
    assert line_usage(sqlite_ctx) == {}


def test_the_kiosk_snapshot_reads_lines_and_waiting(
    sqlite_ctx: AppContext, clock: FixedClock
) -> None:
    issue_ticket(sqlite_ctx, line_code="E")
    clock.advance(days=1)
    issue_ticket(sqlite_ctx, line_code="A")
    snapshot = kiosk_snapshot(sqlite_ctx)
    assert snapshot.total_waiting == 1
    assert snapshot.lines[0].code == "E"


def test_a_demo_database_seeded_with_older_pins_gets_the_pins_the_readme_gives(
    sqlite_ctx: AppContext,
) -> None:
    seed_demo(sqlite_ctx)
    staff = next(h for h in list_helpers(sqlite_ctx) if h.name == "[DEMO] Cán bộ Một Cửa")
    set_pin(sqlite_ctx, helper_id=staff.id, pin="246802", actor=CLI_ACTOR)  # the old demo PIN
    assert verify_exit_pin(sqlite_ctx, DEMO_STAFF_PIN) is None
    seed_demo(sqlite_ctx)
    assert verify_exit_pin(sqlite_ctx, DEMO_STAFF_PIN) is not None
