"""Every program says when the database cannot be reached, and shows nothing stale as live."""

from __future__ import annotations

from kiosk.services.tickets import issue_ticket
from tests.ui.conftest import Kiosk
from ui.kiosk.notice_overlay import PAUSED


def link(kiosk: Kiosk, up: bool) -> None:
    kiosk.runtime.live.set_link(up)
    kiosk.qtbot.wait_until(lambda: kiosk.runtime.live.up is up, timeout=5_000)
    kiosk.wait_idle()


def test_the_kiosk_sends_visitors_to_the_desk_while_the_queue_cannot_be_read(
    kiosk: Kiosk,
) -> None:
    home, choose = kiosk.window.home, kiosk.window.choose
    issue_ticket(kiosk.ctx, line_code="A")
    kiosk.qtbot.wait_until(lambda: home.waiting.text() == "Hiện có 1 người đang chờ.")
    link(kiosk, False)
    assert home.waiting.text() == "Máy lấy số tạm dừng. Mời ông/bà đến thẳng quầy."
    assert "Đang chờ" not in choose.line_buttons["A"].caption()
    kiosk.tap(home.buttons["take_number"])  # no lines to choose: the notice at once
    assert kiosk.window.notice.is_open() and kiosk.window.notice.kind() == PAUSED
    assert kiosk.window.current_screen() is home
    kiosk.tap(kiosk.window.notice.ok)
    kiosk.window.show_choose()  # a visitor who was choosing when the link went
    kiosk.tap(choose.line_buttons["A"])
    kiosk.wait_idle()
    assert kiosk.window.notice.is_open() and kiosk.window.notice.kind() == PAUSED
    assert kiosk.window.ticket.ticket() is None  # nothing issued, nothing printed
    kiosk.tap(kiosk.window.notice.ok)
    link(kiosk, True)
    kiosk.qtbot.wait_until(lambda: home.waiting.text() == "Hiện có 1 người đang chờ.")
    assert "Đang chờ: 1 người" in choose.line_buttons["A"].caption()
