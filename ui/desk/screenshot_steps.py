"""The desk states the screenshots show, reached by tapping as a desk officer would."""

from __future__ import annotations

from collections.abc import Callable

from ui.desk.program import DeskProgram
from ui.screenshots import spin_until

Shot = Callable[[str], None]


def desk_steps(parts: DeskProgram, shot: Shot, *, manager_id: int, pin: str) -> None:
    """Sign in, work the queue, finish a visit, a walk-in, the roster; one PNG per state."""
    window, controller = parts.window, parts.controller
    assert controller is not None
    shot("desk-01-sign-in")
    window.staff.buttons[manager_id].click()
    for digit in "13":
        window.pin.keypad.press(digit)
    shot("desk-02-pin")
    for digit in "57":
        window.pin.keypad.press(digit)
    window.pin.keypad.press("ok")
    spin_until(lambda: window.pin.message.isVisible())
    shot("desk-03-pin-wrong")
    for digit in pin:
        window.pin.keypad.press(digit)
    window.pin.keypad.press("ok")
    spin_until(lambda: window.current_screen() is window.counters)
    shot("desk-04-counter")
    signed: list[object] = []
    controller.signed_in.connect(signed.append)
    window.counters.buttons[1].click()
    spin_until(lambda: bool(signed))
    shot("desk-05-queue")
    _queue_steps(parts, shot)
    _visit_steps(parts, shot)
    _roster_steps(parts, shot)
    _link_down(parts, shot)
    window.queue.sign_out.click()
    spin_until(lambda: window.current_screen() is window.staff)


def _queue_steps(parts: DeskProgram, shot: Shot) -> None:
    window = parts.window
    queue = window.queue
    queue.current.buttons["call_next"].click()
    spin_until(lambda: queue.current_ticket() is not None)
    shot("desk-06-called")
    first = next(iter(queue.waiting.rows.values()))
    first.click()
    shot("desk-07-ticket-choices")
    window.ticket_overlay.buttons["transfer"].click()
    shot("desk-08-transfer")
    window.ticket_overlay.close_overlay()
    queue.current.buttons["no_show"].click()
    spin_until(lambda: queue.undo_bar.isVisible())
    shot("desk-09-undo")
    queue.undo_bar.action.click()
    spin_until(lambda: queue.current_ticket() is not None and not queue.undo_bar.isVisible())


def _visit_steps(parts: DeskProgram, shot: Shot) -> None:
    window = parts.window
    visit = window.visit
    window.queue.current.buttons["finish"].click()
    spin_until(lambda: bool(visit.picker.roster_buttons))
    volunteer = next(
        button for button in visit.picker.roster_buttons.values() if not button.isChecked()
    )
    volunteer.click()
    visit.outcomes.button("submitted_online").click()
    visit.outcomes.button("vneid_checked").click()
    shot("desk-10-finish")
    visit.back.click()
    window.queue.walk_in.click()
    spin_until(lambda: bool(visit.picker.roster_buttons))
    visit.place.setText("Nhà văn hoá thôn 3")
    visit.lines.button("E").click()
    visit.procedures.button("kich-hoat-vneid").click()
    visit.outcomes.button("vneid_checked").click()
    shot("desk-11-walk-in")
    visit.back.click()


def _roster_steps(parts: DeskProgram, shot: Shot) -> None:
    window = parts.window
    roster = window.roster
    window.queue.roster.click()
    spin_until(lambda: bool(roster.buttons))
    list(roster.buttons.values())[1].click()
    shot("desk-12-roster")
    if roster.form.pin.isVisible():
        roster.form.pin.click()
        for digit in "24":
            roster.pin_overlay.keypad.press(digit)
        shot("desk-13-roster-pin")
        roster.pin_overlay.close_overlay()
    roster.back.click()


def _link_down(parts: DeskProgram, shot: Shot) -> None:
    """The banner and the greyed-out queue while the database cannot be reached."""
    runtime, queue = parts.runtime, parts.window.queue
    assert runtime is not None
    runtime.live.set_link(False)
    spin_until(lambda: not queue.is_live())
    shot("desk-14-link-down")
    runtime.live.set_link(True)
    spin_until(queue.is_live)
