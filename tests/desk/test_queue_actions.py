"""Every desk action is one tap: call, recall, start, no-show, transfer, cancel, reprint, undo."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.domain.enums import TicketStatus
from kiosk.services import calling
from kiosk.services.alerts import AlertKind, open_alerts, raise_alert
from kiosk.services.kiosk_health import report_paused, report_resumed
from kiosk.services.tickets import find_ticket, issue_ticket
from tests.desk.conftest import ADMIN, MANAGER_PIN, Desk, DeskFactory, Staff


def _issue(desk: Desk, line: str = "A", group: str | None = None) -> str:
    ticket = issue_ticket(desk.ctx, line_code=line, priority_group=group)
    desk.ctx.clock.advance(minutes=1)  # type: ignore[attr-defined]
    return ticket.number


def _status(desk: Desk, number: str) -> TicketStatus:
    return find_ticket(desk.ctx, number).status


def test_call_next_calls_the_oldest_ticket_to_this_counter_and_shows_it(
    desk: Desk, staff: Staff
) -> None:
    first, _second = _issue(desk), _issue(desk)
    desk.sign_in(staff.officer)
    assert set(desk.window.queue.waiting.rows) == {
        find_ticket(desk.ctx, n).id for n in (first, _second)
    }
    desk.action("call_next")

    current = desk.window.queue.current_ticket()
    assert current is not None and current.number == first
    assert desk.window.queue.current.number.text() == first
    called = find_ticket(desk.ctx, first)
    assert (called.status, called.counter_number) == (TicketStatus.CALLED, 1)
    assert called.id not in desk.window.queue.waiting.rows
    assert not desk.window.queue.current.buttons["call_next"].isEnabled()
    assert desk.window.queue.current.buttons["recall"].isEnabled()


def test_call_next_with_nobody_waiting_says_so(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.officer)
    desk.action("call_next")
    assert desk.window.queue.current_ticket() is None
    assert "Không còn ai chờ" in desk.window.queue.message.text.text()


def test_recall_then_start_moves_the_ticket_on(desk: Desk, staff: Staff) -> None:
    number = _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.ctx.clock.advance(seconds=40)  # type: ignore[attr-defined]
    desk.action("recall")
    recalled = find_ticket(desk.ctx, number)
    assert recalled.recall_count == 1
    assert "gọi lại 1 lần" in desk.window.queue.current.status.text()

    desk.action("start")
    assert _status(desk, number) is TicketStatus.SERVING
    assert not desk.window.queue.current.buttons["recall"].isEnabled()
    assert desk.window.queue.current.buttons["finish"].isEnabled()


def test_no_show_is_one_tap_and_the_undo_bar_puts_it_back(desk: Desk, staff: Staff) -> None:
    number = _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("no_show")
    queue = desk.window.queue
    assert _status(desk, number) is TicketStatus.NO_SHOW
    assert queue.current_ticket() is None
    assert queue.undo_bar.isVisible() and number in queue.undo_bar.text.text()

    desk.tap(queue.undo_bar.action)
    assert _status(desk, number) is TicketStatus.CALLED
    assert queue.current_ticket() is not None and queue.current_ticket().number == number
    assert not queue.undo_bar.isVisible()


def test_cancel_is_one_tap_and_can_be_undone(desk: Desk, staff: Staff) -> None:
    number = _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("cancel")
    assert _status(desk, number) is TicketStatus.CANCELLED
    desk.tap(desk.window.queue.undo_bar.action)
    assert _status(desk, number) is TicketStatus.CALLED


def test_transfer_moves_the_ticket_to_the_chosen_line_and_can_be_undone(
    desk: Desk, staff: Staff
) -> None:
    number = _issue(desk, "A")
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("transfer")
    overlay = desk.window.ticket_overlay
    assert overlay.is_open() and overlay.showing_lines()
    assert "A" not in overlay.line_buttons  # not to its own line
    desk.tap(overlay.line_buttons["E"])

    moved = find_ticket(desk.ctx, number)
    assert (moved.status, moved.line_code) == (TicketStatus.WAITING, "E")
    assert not overlay.is_open()
    assert desk.window.queue.current_ticket() is None
    desk.tap(desk.window.queue.undo_bar.action)
    back = find_ticket(desk.ctx, number)
    assert (back.status, back.line_code) == (TicketStatus.CALLED, "A")


def test_the_undo_offer_ends_before_the_two_minute_window_closes(desk: Desk, staff: Staff) -> None:
    _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("no_show")
    timer = desk.controller.undo.timer
    assert timer.isActive() and 100_000 <= timer.interval() < 120_000
    timer.timeout.emit()  # the two minutes are up
    assert not desk.window.queue.undo_bar.isVisible()


def test_a_waiting_ticket_can_be_called_out_of_order_from_the_list(
    desk: Desk, staff: Staff
) -> None:
    _first, second = _issue(desk), _issue(desk, "B")
    desk.sign_in(staff.officer)
    second_id = find_ticket(desk.ctx, second).id
    desk.tap(desk.window.queue.waiting.rows[second_id])
    overlay = desk.window.ticket_overlay
    assert overlay.is_open() and overlay.ticket().number == second
    desk.tap(overlay.buttons["call"])
    assert desk.window.queue.current_ticket().number == second
    assert find_ticket(desk.ctx, second).counter_number == 1


def test_a_waiting_ticket_can_be_cancelled_from_the_list(desk: Desk, staff: Staff) -> None:
    number = _issue(desk)
    desk.sign_in(staff.officer)
    desk.tap(desk.window.queue.waiting.rows[find_ticket(desk.ctx, number).id])
    desk.tap(desk.window.ticket_overlay.buttons["cancel"])
    assert _status(desk, number) is TicketStatus.CANCELLED
    assert desk.window.queue.undo_bar.isVisible()


def test_reprint_sends_the_ticket_to_the_printer_and_records_it(desk: Desk, staff: Staff) -> None:
    _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("reprint")
    data = bytes(desk.device.output)
    assert b"\x1dV" in data, "a slip was printed and cut"
    assert "Đã in lại" in desk.window.queue.message.text.text()


def test_a_no_show_found_later_by_number_can_be_put_back_in_the_queue(
    desk: Desk, staff: Staff
) -> None:
    number = _issue(desk)
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("no_show")
    desk.ctx.clock.advance(minutes=3)  # type: ignore[attr-defined]
    queue = desk.window.queue
    queue.search.setText(number.lower())
    desk.tap(queue.search_button)
    overlay = desk.window.ticket_overlay
    assert overlay.is_open() and overlay.buttons["reactivate"].isVisible()
    assert not overlay.buttons["call"].isVisible()
    desk.tap(overlay.buttons["reactivate"])
    assert _status(desk, number) is TicketStatus.WAITING


def test_a_ticket_number_that_does_not_exist_is_said_in_words(desk: Desk, staff: Staff) -> None:
    desk.sign_in(staff.officer)
    desk.window.queue.search.setText("Z999")
    desk.tap(desk.window.queue.search_button)
    assert desk.window.queue.message.tone() == "danger"
    assert desk.window.queue.message.text.text() == "Không có số Z999 trong ngày."


def test_alerts_show_with_a_handled_button_that_clears_them(desk: Desk, staff: Staff) -> None:
    raise_alert(desk.ctx, kind=AlertKind.HELP_REQUESTED, source="kiosk")
    desk.sign_in(staff.officer)
    alerts = desk.window.queue.alerts
    assert alerts.isVisible() and len(alerts.buttons) == 1
    desk.tap(next(iter(alerts.buttons.values())))
    assert open_alerts(desk.ctx) == []
    assert not alerts.isVisible()


def test_a_paused_kiosk_is_an_alert_in_words_until_it_resumes(desk: Desk, staff: Staff) -> None:
    report_paused(desk.ctx, source="kiosk", reason="database or disk is full")
    desk.sign_in(staff.officer)
    alerts = desk.window.queue.alerts
    words = [label.text() for label in alerts.findChildren(QLabel)]
    assert any("Máy lấy số tạm dừng" in text for text in words), words
    assert report_resumed(desk.ctx, source="kiosk") == 1
    desk.refresh()
    assert not alerts.isVisible()


def test_a_refusal_from_the_core_is_shown_in_words_never_as_a_traceback(
    desk: Desk, staff: Staff
) -> None:
    first, _second = _issue(desk), _issue(desk)
    desk.sign_in(staff.officer)
    # Someone else used counter 1 a moment ago; this screen has not seen it yet.
    calling.call_next(desk.ctx, counter_number=1, actor=ADMIN)
    desk.action("call_next")
    message = desk.window.queue.message
    assert message.tone() == "danger"
    assert message.text.text() == (
        f"Quầy 1 đang phục vụ số {first}: hãy hoàn thành hoặc báo vắng trước."
    )


def test_a_change_made_elsewhere_shows_within_a_second(
    make_desk: DeskFactory, staff: Staff
) -> None:
    desk = make_desk(live=True)
    desk.sign_in(staff.officer)
    ticket = issue_ticket(desk.ctx, line_code="A")
    desk.qtbot.wait_until(lambda: ticket.id in desk.window.queue.waiting.rows, timeout=10_000)


def test_two_desks_see_each_others_calls(make_desk: DeskFactory, staff: Staff) -> None:
    one, two = make_desk(counter=1, live=True), make_desk(counter=2, live=True)
    one.sign_in(staff.officer)
    two.sign_in(staff.manager, MANAGER_PIN)
    number = _issue(one)
    ticket_id = find_ticket(one.ctx, number).id
    two.qtbot.wait_until(lambda: ticket_id in two.window.queue.waiting.rows, timeout=10_000)
    one.action("call_next")
    two.qtbot.wait_until(lambda: ticket_id not in two.window.queue.waiting.rows, timeout=10_000)
