"""A desk keyboard works: the PIN typed, the number search typed, F-keys for frequent actions.

Keys go to the desk's window as the window system delivers them (``QTest.keyClick`` on its
``QWindow``): to the focused field, else up to the window, never by calling a slot.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.domain.enums import TicketStatus
from kiosk.services.tickets import find_ticket, issue_ticket
from tests.desk.conftest import PIN, Desk, DeskFactory, Staff
from ui.desk.desk_keys import ACTION_KEYS


def _type(desk: Desk, *keys: Qt.Key) -> None:
    handle = desk.window.windowHandle()
    assert handle is not None
    for key in keys:
        QTest.keyClick(handle, key)
    desk.wait_idle()


def _digit(char: str) -> Qt.Key:
    return Qt.Key(int(Qt.Key.Key_0) + int(char))


def _visible_width(widget: QWidget) -> int:
    """How much of the widget's width its window shows (scroll areas clip, they do not warn)."""
    return widget.visibleRegion().boundingRect().width()


def _sign_in_by_keyboard(desk: Desk, staff: Staff) -> None:
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    _type(desk, *(_digit(d) for d in PIN), Qt.Key.Key_Return)


def test_the_pin_is_typed_with_digits_backspace_and_enter(desk: Desk, staff: Staff) -> None:
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    keypad = desk.window.pin.keypad
    _type(desk, *(_digit(d) for d in PIN[:2]), Qt.Key.Key_9)
    assert keypad.digits() == PIN[:2] + "9"
    _type(desk, Qt.Key.Key_Backspace)
    assert keypad.digits() == PIN[:2]
    _type(desk, *(_digit(d) for d in PIN[2:]), Qt.Key.Key_Enter)  # the number pad's Enter

    assert desk.window.current_screen() is desk.window.queue


def test_a_wrong_typed_pin_is_refused_like_a_tapped_one(desk: Desk, staff: Staff) -> None:
    desk.tap(desk.window.staff.buttons[staff.officer.id])
    _type(desk, *(_digit(d) for d in "9999"), Qt.Key.Key_Return)
    assert desk.window.current_screen() is desk.window.pin
    assert desk.window.pin.message.tone() == "danger"
    assert desk.window.pin.keypad.digits() == ""


def test_a_number_typed_anywhere_on_the_queue_goes_into_the_search(
    desk: Desk, staff: Staff
) -> None:
    issue_ticket(desk.ctx, line_code="A")
    number = issue_ticket(desk.ctx, line_code="A").number  # A002
    _sign_in_by_keyboard(desk, staff)
    queue = desk.window.queue
    queue.search.clearFocus()  # say the clerk tapped elsewhere: typing still finds the field
    assert queue.search.text() == ""

    _type(desk, Qt.Key.Key_A, Qt.Key.Key_0, Qt.Key.Key_0, Qt.Key.Key_2, Qt.Key.Key_Return)

    assert queue.search.text().upper() == number
    overlay = desk.window.ticket_overlay
    assert overlay.is_open() and overlay.ticket() is not None
    assert overlay.ticket().number == number  # type: ignore[union-attr]
    _type(desk, Qt.Key.Key_Escape)
    assert not overlay.is_open()


def test_f_keys_call_recall_mark_no_show_undo_and_finish(desk: Desk, staff: Staff) -> None:
    number = issue_ticket(desk.ctx, line_code="A").number
    _sign_in_by_keyboard(desk, staff)
    queue = desk.window.queue

    _type(desk, Qt.Key.Key_F2)
    assert find_ticket(desk.ctx, number).status is TicketStatus.CALLED
    _type(desk, Qt.Key.Key_F3)
    assert find_ticket(desk.ctx, number).recall_count == 1
    _type(desk, Qt.Key.Key_F4)
    assert find_ticket(desk.ctx, number).status is TicketStatus.NO_SHOW
    assert queue.undo_bar.isVisible()
    _type(desk, Qt.Key.Key_F6)
    assert find_ticket(desk.ctx, number).status is TicketStatus.CALLED
    assert not queue.undo_bar.isVisible()
    _type(desk, Qt.Key.Key_F6)  # nothing to undo: the key does nothing
    assert find_ticket(desk.ctx, number).status is TicketStatus.CALLED

    _type(desk, Qt.Key.Key_F5)
    assert desk.window.current_screen() is desk.window.visit


def test_a_key_for_a_button_that_is_off_does_nothing(desk: Desk, staff: Staff) -> None:
    issue_ticket(desk.ctx, line_code="A")
    _sign_in_by_keyboard(desk, staff)
    _type(desk, Qt.Key.Key_F4)  # no ticket called: no-show is off
    assert desk.window.queue.current_ticket() is None
    _type(desk, Qt.Key.Key_F5)
    assert desk.window.current_screen() is desk.window.queue


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1280, 1024)])
def test_each_shortcut_is_shown_inside_its_button_clear_of_the_words(
    make_desk: DeskFactory, staff: Staff, size: tuple[int, int]
) -> None:
    desk = make_desk(size=size)
    _sign_in_by_keyboard(desk, staff)
    queue = desk.window.queue
    names = {"call_next": "F2", "recall": "F3", "no_show": "F4", "finish": "F5"}
    assert set(names) == set(ACTION_KEYS)
    for action, name in names.items():
        button, caption = queue.current.buttons[action], queue.key_captions[action]
        assert caption.text() == name and caption.isVisible()
        assert button.rect().contains(caption.geometry())
        words = button.fontMetrics().boundingRect(button.text())
        centred = QRect(0, 0, words.width(), words.height())
        centred.moveCenter(button.rect().center())
        assert not centred.intersects(caption.geometry()), action
        # The panel shows each button whole (nothing pushed out of its column).
        panel = queue.current
        assert panel.rect().contains(
            QRect(button.mapTo(panel, button.rect().topLeft()), button.size())
        ), action
        assert _visible_width(button) == button.width(), action
    assert queue.key_captions["undo"].text() == "F6"


def test_the_undo_buttons_key_is_shown_clear_of_its_word(desk: Desk, staff: Staff) -> None:
    issue_ticket(desk.ctx, line_code="A")
    _sign_in_by_keyboard(desk, staff)
    _type(desk, Qt.Key.Key_F2)
    _type(desk, Qt.Key.Key_F4)
    button, caption = desk.window.queue.undo_bar.action, desk.window.queue.key_captions["undo"]
    assert button.isVisible() and caption.isVisible() and caption.text() == "F6"
    assert button.rect().contains(caption.geometry())
    words = button.fontMetrics().boundingRect(button.text())
    centred = QRect(0, 0, words.width(), words.height())
    centred.moveCenter(button.rect().center())
    assert not centred.intersects(caption.geometry())


def test_without_a_fixed_counter_its_number_is_typed_after_the_pin(
    make_desk: DeskFactory, staff: Staff
) -> None:
    desk = make_desk(counter=None)
    _sign_in_by_keyboard(desk, staff)
    assert desk.window.current_screen() is desk.window.counters
    _type(desk, Qt.Key.Key_2)
    assert desk.window.current_screen() is desk.window.queue
    assert desk.controller.session.counter == 2
