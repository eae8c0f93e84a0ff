"""Who helped: nothing is finished without a helper and an outcome; several helpers; walk-ins."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.domain.enums import Channel, HelperPart, Outcome, TicketStatus
from kiosk.services.tickets import find_ticket, issue_ticket
from kiosk.storage.models import Procedure, Visit, VisitHelper, VisitOutcome
from tests.desk.conftest import Desk, Staff


def _serving(desk: Desk, staff: Staff, procedure: str | None = "khai-sinh") -> str:
    ticket = issue_ticket(desk.ctx, line_code="A", procedure_code=procedure)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    return ticket.number


def _open_finish(desk: Desk) -> None:
    desk.action("finish")
    assert desk.window.current_screen() is desk.window.visit


def _visits(desk: Desk) -> list[Visit]:
    with desk.ctx.db.read() as session:
        visits = list(session.scalars(select(Visit)))
        for visit in visits:
            _ = (visit.helpers, visit.outcomes)
        return visits


def _credits(desk: Desk, visit_id: int) -> dict[int, str]:
    with desk.ctx.db.read() as session:
        rows = session.scalars(select(VisitHelper).where(VisitHelper.visit_id == visit_id))
        return {row.helper_id: row.part for row in rows}


def test_the_signed_in_staff_member_is_preselected_as_lead(desk: Desk, staff: Staff) -> None:
    _serving(desk, staff)
    _open_finish(desk)
    form = desk.window.visit.form()
    assert [(c.helper_id, c.part) for c in form.credits] == [(staff.officer.id, HelperPart.LEAD)]
    assert desk.window.visit.picker.part_buttons[staff.officer.id].isChecked()


def test_finishing_is_impossible_without_an_outcome_or_without_a_helper(
    desk: Desk, staff: Staff
) -> None:
    number = _serving(desk, staff)
    _open_finish(desk)
    visit = desk.window.visit
    assert not visit.save.isEnabled(), "no outcome chosen yet"
    assert "kết quả" in visit.hint.text()

    desk.tap(visit.outcomes.button(Outcome.GUIDED_ONLY.value))
    assert visit.save.isEnabled()
    desk.tap(visit.picker.remove_buttons[staff.officer.id])
    assert not visit.save.isEnabled(), "nobody credited"
    visit.save.click()  # a disabled button does nothing
    desk.wait_idle()
    assert _status_is(desk, number, TicketStatus.CALLED)
    assert _visits(desk) == []


def _status_is(desk: Desk, number: str, status: TicketStatus) -> bool:
    return find_ticket(desk.ctx, number).status is status


def test_several_helpers_are_credited_each_with_lead_or_support(desk: Desk, staff: Staff) -> None:
    number = _serving(desk, staff)
    _open_finish(desk)
    visit = desk.window.visit
    picker = visit.picker
    desk.tap(picker.roster_buttons[staff.digital.id])
    desk.tap(picker.roster_buttons[staff.teacher.id])
    desk.tap(picker.part_buttons[staff.digital.id])  # the volunteer led this visit
    assert not picker.part_buttons[staff.officer.id].isChecked(), "one lead only"
    desk.tap(visit.outcomes.button(Outcome.SUBMITTED_ONLINE.value))
    desk.tap(visit.outcomes.button(Outcome.PAID_ONLINE.value))
    desk.tap(visit.save)

    assert desk.window.current_screen() is desk.window.queue
    assert _status_is(desk, number, TicketStatus.DONE)
    (saved,) = _visits(desk)
    assert _credits(desk, saved.id) == {
        staff.digital.id: HelperPart.LEAD,
        staff.officer.id: HelperPart.SUPPORT,
        staff.teacher.id: HelperPart.SUPPORT,
    }
    assert {o.outcome for o in saved.outcomes} == {Outcome.SUBMITTED_ONLINE, Outcome.PAID_ONLINE}
    assert "3 người hỗ trợ" in desk.window.queue.message.text.text()


def test_tapping_a_chosen_name_in_the_roster_again_takes_it_off(desk: Desk, staff: Staff) -> None:
    _serving(desk, staff)
    _open_finish(desk)
    picker = desk.window.visit.picker
    desk.tap(picker.roster_buttons[staff.teacher.id])
    assert staff.teacher.id in picker.part_buttons
    desk.tap(picker.roster_buttons[staff.teacher.id])
    assert staff.teacher.id not in picker.part_buttons


def test_recent_helpers_come_first_and_the_search_ignores_accents(desk: Desk, staff: Staff) -> None:
    _serving(desk, staff)
    _open_finish(desk)
    visit = desk.window.visit
    desk.tap(visit.picker.roster_buttons[staff.teacher.id])
    desk.tap(visit.outcomes.button(Outcome.GUIDED_ONLY.value))
    desk.tap(visit.save)
    issue_ticket(desk.ctx, line_code="A")
    desk.action("call_next")
    _open_finish(desk)
    order = list(visit.picker.roster_buttons)
    assert set(order[:2]) == {staff.officer.id, staff.teacher.id}, "who helped last comes first"

    with desk.qtbot.wait_signal(visit.search_changed, timeout=10_000):
        visit.picker.search.setText("le duc cong")
    desk.wait_idle()
    assert list(visit.picker.roster_buttons) == [staff.digital.id]
    assert "tìm" in visit.picker.roster_title.text().lower()


def test_the_procedure_comes_preselected_from_the_ticket_and_can_be_changed(
    desk: Desk, staff: Staff
) -> None:
    _serving(desk, staff, procedure="khai-sinh")
    _open_finish(desk)
    visit = desk.window.visit
    assert visit.lines.selected() == ["A"]
    assert visit.procedures.selected() == ["khai-sinh"]
    desk.tap(visit.procedures.button("ket-hon"))
    desk.tap(visit.outcomes.button(Outcome.DOSSIER_RECEIVED.value))
    visit.note.setText("  hẹn trả kết quả thứ Sáu ")
    desk.tap(visit.save)
    (saved,) = _visits(desk)
    with desk.ctx.db.read() as session:
        code = session.scalar(select(Procedure.code).where(Procedure.id == saved.procedure_id))
    assert code == "ket-hon"
    assert saved.note == "hẹn trả kết quả thứ Sáu"


def test_walk_in_help_is_recorded_with_its_place_helpers_and_outcomes(
    desk: Desk, staff: Staff
) -> None:
    desk.sign_in(staff.officer)
    desk.tap(desk.window.queue.walk_in)
    visit = desk.window.visit
    assert desk.window.current_screen() is visit and visit.is_walk_in()
    assert visit.place.isVisible()
    desk.tap(visit.picker.roster_buttons[staff.digital.id])
    desk.tap(visit.outcomes.button(Outcome.VNEID_CHECKED.value))
    assert not visit.save.isEnabled(), "the place is still missing"
    assert "nơi hỗ trợ" in visit.hint.text()
    visit.place.setText("Nhà văn hoá thôn 3")
    desk.tap(visit.lines.button("E"))
    desk.tap(visit.procedures.button("kich-hoat-vneid"))
    desk.tap(visit.save)

    (saved,) = _visits(desk)
    assert (saved.ticket_id, saved.channel, saved.place) == (
        None,
        Channel.VILLAGE_POINT,
        "Nhà văn hoá thôn 3",
    )
    assert set(_credits(desk, saved.id)) == {staff.officer.id, staff.digital.id}
    with desk.ctx.db.read() as session:
        outcomes = list(session.scalars(select(VisitOutcome.outcome)))
    assert outcomes == [Outcome.VNEID_CHECKED]
    assert "Nhà văn hoá thôn 3" in desk.window.queue.message.text.text()


def test_leaving_the_form_saves_nothing(desk: Desk, staff: Staff) -> None:
    number = _serving(desk, staff)
    _open_finish(desk)
    desk.tap(desk.window.visit.outcomes.button(Outcome.GUIDED_ONLY.value))
    desk.tap(desk.window.visit.back)
    assert desk.window.current_screen() is desk.window.queue
    assert _status_is(desk, number, TicketStatus.CALLED)
    assert _visits(desk) == []
