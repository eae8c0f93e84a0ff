"""Signing in and out at the desk: names, PIN keypad, lockout, counter, idle sign-out."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.services.context import AppContext
from kiosk.services.helpers import add_helper, set_active
from kiosk.storage.models import AuditEntry, Counter
from tests.desk.conftest import ADMIN, MANAGER_PIN, PIN, Desk, DeskFactory, Staff


def _counter_open(desk: Desk, number: int) -> bool:
    with desk.ctx.db.read() as session:
        counter = session.scalars(select(Counter).where(Counter.number == number)).one()
        return counter.open_since is not None


def _actions(desk: Desk, action: str) -> list[AuditEntry]:
    with desk.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_sign_in_is_picking_your_name_then_typing_your_pin_and_opens_the_counter(
    desk: Desk, staff: Staff
) -> None:
    window = desk.window
    assert window.current_screen() is window.staff
    desk.tap(window.staff.buttons[staff.officer.id])
    assert window.current_screen() is window.pin
    desk.type_pin(PIN)

    assert window.current_screen() is window.queue
    assert desk.controller.session.helper.id == staff.officer.id
    assert _counter_open(desk, 1)
    (entry,) = _actions(desk, "counter_open")
    assert entry.actor_helper_id == staff.officer.id


def test_only_active_staff_with_a_pin_are_offered_for_sign_in(
    make_desk: DeskFactory, staff: Staff, desk_ctx: AppContext
) -> None:
    no_pin = add_helper(desk_ctx, name="Võ Minh", kind="staff", role="desk_officer", actor=ADMIN)
    set_active(desk_ctx, helper_id=staff.manager.id, active=False, actor=ADMIN)
    desk = make_desk()
    assert set(desk.window.staff.buttons) == {staff.officer.id}
    assert no_pin.id not in desk.window.staff.buttons


def test_without_a_fixed_counter_the_staff_member_chooses_the_counter(
    make_desk: DeskFactory, staff: Staff
) -> None:
    desk = make_desk(counter=None)
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    desk.type_pin(PIN)
    assert desk.window.current_screen() is desk.window.counters
    assert not _counter_open(desk, 3)

    desk.tap(desk.window.counters.buttons[3])
    assert desk.window.current_screen() is desk.window.queue
    assert desk.controller.session.counter == 3
    assert _counter_open(desk, 3)


def test_a_wrong_pin_is_refused_in_words_and_the_keypad_clears_for_another_try(
    desk: Desk, staff: Staff
) -> None:
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    desk.type_pin("0000")
    pin = desk.window.pin
    assert desk.window.current_screen() is pin
    assert pin.message.tone() == "danger"
    assert pin.message.text.text() == "Mã PIN không đúng."
    assert pin.keypad.digits() == ""
    assert pin.keypad.keys["1"].isEnabled()
    assert not _counter_open(desk, 1)


def test_five_wrong_pins_lock_that_helper_for_five_minutes_and_the_lockout_is_audited(
    desk: Desk, staff: Staff
) -> None:
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    for _ in range(5):
        desk.type_pin("0000")
    pin = desk.window.pin
    assert "quá nhiều lần" in pin.message.text.text()
    assert "09:05" in pin.message.text.text()  # 09:00 + 5 minutes, local time
    assert not pin.keypad.keys["1"].isEnabled()
    assert len(_actions(desk, "pin_lockout")) == 1

    # The right PIN does not open it either, until the five minutes have passed.
    desk.tap(pin.back)
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    desk.type_pin(PIN)
    assert desk.window.current_screen() is pin
    desk.ctx.clock.advance(minutes=5, seconds=1)  # type: ignore[attr-defined]
    desk.tap(pin.back)
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    desk.type_pin(PIN)
    assert desk.window.current_screen() is desk.window.queue


def test_signing_out_closes_the_counter_and_shows_the_names_again(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.officer)
    desk.tap(desk.window.queue.sign_out)
    assert desk.window.current_screen() is desk.window.staff
    assert desk.controller.session.helper is None
    assert not _counter_open(desk, 1)
    assert len(_actions(desk, "counter_close")) == 1


def test_the_desk_signs_out_by_itself_after_the_configured_idle_time(
    desk: Desk, staff: Staff
) -> None:
    assert desk.controller.idle.timeout_s() == desk.ctx.config.desk.auto_sign_out_min * 60
    desk.sign_in(staff.officer)
    assert desk.controller.idle.remaining_ms() > 0
    desk.controller.idle.set_timeout(0.05)  # the configured 15 minutes, shortened
    with desk.qtbot.wait_signal(desk.controller.signed_out, timeout=5_000) as signal:
        pass
    assert signal.args == ["idle"]
    desk.wait_idle()
    assert desk.window.current_screen() is desk.window.staff
    assert not _counter_open(desk, 1)


def test_nobody_signed_in_means_no_idle_timer_runs(desk: Desk, staff: Staff) -> None:
    assert desk.controller.idle.remaining_ms() < 0
    desk.sign_in(staff.manager, MANAGER_PIN)
    desk.tap(desk.window.queue.sign_out)
    assert desk.controller.idle.remaining_ms() < 0
