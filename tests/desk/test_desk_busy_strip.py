"""A desk on a busy SQLite database says "busy, retrying", never crashes, and gets there.

Another program (a real process) holds SQLite's write lock while the officer calls next.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url

from kiosk.domain.enums import TicketStatus
from kiosk.services.tickets import find_ticket, issue_ticket
from tests.desk.conftest import Desk, Staff
from tests.storage.lock_holder import release, write_lock_held

BUSY_TEXT = "Đang bận, đang thử lại…"


def _database(desk: Desk) -> str:
    return make_url(desk.ctx.config.database_url).database or ""


def test_a_call_that_waits_for_the_lock_says_busy_and_goes_through_when_it_is_free(
    desk: Desk, staff: Staff
) -> None:
    number = issue_ticket(desk.ctx, line_code="A").number
    desk.sign_in(staff.officer)
    banner = desk.window.busy
    assert not banner.isVisible()
    with write_lock_held(_database(desk)) as holder:
        desk.window.queue.current.buttons["call_next"].click()
        desk.qtbot.wait_until(banner.isVisible, timeout=10_000)
        assert banner.text.text() == BUSY_TEXT
        assert find_ticket(desk.ctx, number).status is TicketStatus.WAITING
        release(holder)
        desk.wait_idle(30_000)
    assert not banner.isVisible()
    current = desk.window.queue.current_ticket()
    assert current is not None and current.number == number
    assert find_ticket(desk.ctx, number).status is TicketStatus.CALLED


def test_a_lock_held_past_the_deadline_is_said_in_words_and_the_desk_carries_on(
    desk: Desk, staff: Staff
) -> None:
    number = issue_ticket(desk.ctx, line_code="A").number
    desk.sign_in(staff.officer)
    desk.ctx.db.busy.deadline_s = 2.0  # the desk's 30 s, shortened for the test
    with write_lock_held(_database(desk)):
        desk.window.queue.current.buttons["call_next"].click()
        desk.wait_idle(30_000)
        message = desk.window.queue.message
        assert message.tone() == "danger"
        assert message.text.text() == "Cơ sở dữ liệu đang bận, chưa ghi được gì. Xin thử lại."
        assert not desk.window.busy.isVisible()
        assert find_ticket(desk.ctx, number).status is TicketStatus.WAITING
    desk.action("call_next")
    assert find_ticket(desk.ctx, number).status is TicketStatus.CALLED
