"""Nothing moves under the pointer: the undo bar has its place kept, the helper list stays put."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from kiosk.services.tickets import issue_ticket
from tests.desk.conftest import DeskFactory, Staff


def _where(widget: QWidget) -> QRect:
    """The widget's rectangle in its window."""
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_action_buttons_stay_put_when_the_undo_bar_and_a_message_appear(
    make_desk: DeskFactory, staff: Staff, size: tuple[int, int]
) -> None:
    desk = make_desk(size=size)
    issue_ticket(desk.ctx, line_code="A")
    desk.sign_in(staff.officer)
    queue = desk.window.queue
    desk.action("call_next")
    queue.message.clear()
    assert not queue.undo_bar.isVisible() and not queue.message.isVisible()
    before = {key: _where(button) for key, button in queue.current.buttons.items()}
    waiting_before = _where(queue.waiting)

    desk.action("no_show")
    queue.show_info("Đã gọi số A001.")
    desk.wait_idle()

    assert queue.undo_bar.isVisible() and queue.message.isVisible()
    assert {key: _where(button) for key, button in queue.current.buttons.items()} == before
    assert _where(queue.waiting) == waiting_before
    assert queue.bars.rect().contains(queue.undo_bar.geometry())


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_helper_search_and_roster_stay_put_when_helpers_are_added(
    make_desk: DeskFactory, staff: Staff, size: tuple[int, int]
) -> None:
    desk = make_desk(size=size)
    issue_ticket(desk.ctx, line_code="A")
    desk.sign_in(staff.officer)
    desk.action("call_next")
    desk.action("finish")
    picker = desk.window.visit.picker
    before = (_where(picker.search), _where(picker.roster))

    desk.tap(picker.roster_buttons[staff.digital.id])
    assert staff.digital.id in picker.part_buttons
    assert (_where(picker.search), _where(picker.roster)) == before
    desk.tap(picker.roster_buttons[staff.teacher.id])
    assert (_where(picker.search), _where(picker.roster)) == before
    for row in picker.part_buttons.values():  # every chosen helper is within its area
        assert picker.chosen_area.rect().contains(_where_in(row, picker.chosen_area))


def _where_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())
