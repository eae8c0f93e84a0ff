"""The TV keeps its board when the database is out of reach, with a discreet mark."""

from __future__ import annotations

from kiosk.services.tickets import issue_ticket
from tests.desk.test_link_state import LINK_DOWN, set_link
from tests.display.conftest import DisplayFactory


def test_the_tv_keeps_its_board_with_a_discreet_mark(make_display: DisplayFactory) -> None:
    display = make_display()
    issue_ticket(display.ctx, line_code="A")
    display.refresh()
    screen = display.parts.screen
    before = screen.waiting.row_texts()
    set_link(display.qtbot, display.runtime, False)
    assert screen.link.text() == LINK_DOWN
    assert screen.waiting.row_texts() == before  # never an empty board
    set_link(display.qtbot, display.runtime, True)
    assert screen.link.text() == ""
