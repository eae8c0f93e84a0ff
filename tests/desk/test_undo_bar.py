"""The undo bar always names the desk's last undoable action, a finish included, or hides."""

from __future__ import annotations

from kiosk.domain.enums import HelperPart, Outcome, TicketStatus
from kiosk.services import calling
from kiosk.services.context import Actor
from kiosk.services.tickets import find_ticket, issue_ticket
from tests.desk.conftest import Desk, Staff


def _issue(desk: Desk, procedure: str | None = None) -> str:
    number = issue_ticket(desk.ctx, line_code="A", procedure_code=procedure).number
    desk.ctx.clock.advance(seconds=30)  # type: ignore[attr-defined]
    return number


def _finish_with_volunteer(desk: Desk, staff: Staff) -> None:
    desk.action("finish")
    visit = desk.window.visit
    desk.tap(visit.picker.roster_buttons[staff.digital.id])
    desk.tap(visit.picker.part_buttons[staff.digital.id])  # the volunteer led
    desk.tap(visit.outcomes.button(Outcome.SUBMITTED_ONLINE.value))
    visit.note.setText("Nộp hồ sơ trên VNeID")
    desk.tap(visit.save)


def test_after_save_the_bar_offers_the_finish_not_the_earlier_transfer(
    desk: Desk, staff: Staff
) -> None:
    moved, served = _issue(desk), _issue(desk, "khai-sinh")
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("transfer")
    desk.tap(desk.window.ticket_overlay.line_buttons["E"])
    bar = desk.window.queue.undo_bar
    assert bar.isVisible() and moved in bar.text.text()

    desk.action("call_next")
    _finish_with_volunteer(desk, staff)

    assert desk.window.current_screen() is desk.window.queue
    assert bar.isVisible() and served in bar.text.text() and moved not in bar.text.text()
    assert find_ticket(desk.ctx, served).status is TicketStatus.DONE


def test_undoing_a_finish_serves_the_ticket_again_with_the_form_as_it_was_saved(
    desk: Desk, staff: Staff
) -> None:
    served = _issue(desk, "khai-sinh")
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("start")
    _finish_with_volunteer(desk, staff)
    desk.ctx.clock.advance(seconds=50)  # type: ignore[attr-defined]

    desk.tap(desk.window.queue.undo_bar.action)

    assert find_ticket(desk.ctx, served).status is TicketStatus.SERVING
    visit = desk.window.visit
    assert desk.window.current_screen() is visit
    assert visit.ticket() is not None and visit.ticket().number == served  # type: ignore[union-attr]
    form = visit.form()
    assert [(c.helper_id, c.part) for c in form.credits] == [
        (staff.officer.id, HelperPart.SUPPORT),
        (staff.digital.id, HelperPart.LEAD),
    ]
    assert (form.outcomes, form.procedure_code, form.note) == (
        (Outcome.SUBMITTED_ONLINE,),
        "khai-sinh",
        "Nộp hồ sơ trên VNeID",
    )
    assert not desk.window.queue.undo_bar.isVisible(), "nothing else is undoable"

    desk.tap(visit.outcomes.button(Outcome.PAID_ONLINE.value))  # the corrected outcome
    desk.tap(visit.save)
    assert find_ticket(desk.ctx, served).status is TicketStatus.DONE


def test_the_bar_disappears_when_another_desk_follows_the_action_up(
    desk: Desk, staff: Staff
) -> None:
    moved = _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("transfer")
    desk.tap(desk.window.ticket_overlay.line_buttons["E"])
    assert desk.window.queue.undo_bar.isVisible()

    ticket = find_ticket(desk.ctx, moved)
    other = Actor(staff.manager.name, staff.manager.id)
    calling.call_ticket(desk.ctx, ticket_id=ticket.id, counter_number=2, actor=other)
    desk.refresh()

    assert not desk.window.queue.undo_bar.isVisible()
    assert desk.controller.undo.offer is None
