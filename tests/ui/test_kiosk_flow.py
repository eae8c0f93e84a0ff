"""Home -> choose -> ticket: what a visitor does, checked in the database and on paper."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.services.alerts import AlertKind, open_alerts
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import Ticket
from tests.ui.conftest import Kiosk, KioskFactory
from ui.kiosk.print_state import PRINTED

MAX_TICKET_BYTES = 16 * 1024


def test_home_to_choose_to_ticket_commits_the_ticket_and_prints_it(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.tap(window.home.buttons["take_number"])
    assert window.current_screen() is window.choose
    kiosk.tap(window.choose.line_buttons["B"])
    kiosk.wait_idle()

    assert window.current_screen() is window.ticket
    shown = window.ticket.ticket()
    assert shown is not None and shown.number == "B001"
    assert window.ticket.number.text() == "B001"
    assert window.ticket.print_state() == PRINTED
    with kiosk.ctx.db.read() as session:
        row = session.scalars(select(Ticket).where(Ticket.id == shown.id)).one()
    assert (row.number, row.status, row.print_status) == ("B001", "waiting", "printed")
    data = bytes(kiosk.device.output)
    assert b"\x1dv0" in data, "Vietnamese text goes as a raster"
    assert b"\x1dV" in data, "the paper is cut"
    assert len(data) <= MAX_TICKET_BYTES


def test_a_regular_ticket_takes_two_taps_and_a_priority_ticket_three(kiosk: Kiosk) -> None:
    window = kiosk.window
    taps = [window.home.buttons["take_number"], window.choose.line_buttons["A"]]
    for button in taps:
        kiosk.tap(button)
    kiosk.wait_idle()
    assert window.ticket.print_state() == PRINTED
    assert len(taps) == 2

    window.show_home()
    taps = [
        window.home.buttons["priority"],
        window.priority.group_buttons["elderly"],
        window.choose.line_buttons["A"],
    ]
    for button in taps:
        kiosk.tap(button)
    kiosk.wait_idle()
    shown = window.ticket.ticket()
    assert shown is not None and shown.priority_group == "elderly"
    assert window.ticket.print_state() == PRINTED
    assert len(taps) <= 3


def test_the_priority_step_shows_the_rule_and_can_be_undone(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.tap(window.home.buttons["take_number"])
    kiosk.tap(window.choose.priority_bar)
    assert window.current_screen() is window.priority
    assert (
        window.priority.rule_text.text()
        == "Cứ 2 người ưu tiên thì gọi 1 người thường, để ai cũng đến lượt."
    )
    kiosk.tap(window.priority.group_buttons["pregnant"])
    assert window.current_screen() is window.choose
    assert "Phụ nữ mang thai" in window.choose.priority_bar.label()
    kiosk.tap(window.choose.priority_bar)  # "I am not in a priority group"
    assert window.priority_group is None
    kiosk.tap(window.choose.line_buttons["A"])
    kiosk.wait_idle()
    shown = window.ticket.ticket()
    assert shown is not None and shown.priority_group is None


def test_lines_are_offered_commonest_first_and_keep_their_places_all_day(
    make_kiosk: KioskFactory, clock: FixedClock
) -> None:
    clock.advance(days=-1)
    kiosk = make_kiosk()
    for code in "EEDE":
        issue_ticket(kiosk.ctx, line_code=code)
    clock.advance(days=1)  # yesterday's tickets set today's order
    kiosk.tap(kiosk.window.home.buttons["take_number"])
    kiosk.window.show_home()  # the next poll reads the new counts
    kiosk.qtbot.wait_until(
        lambda: list(kiosk.window.choose.line_buttons)[:2] == ["E", "D"], timeout=10_000
    )
    assert list(kiosk.window.choose.line_buttons)[2:] == ["A", "B", "C"]
    for _ in range(6):  # a busy morning on line C moves no button
        issue_ticket(kiosk.ctx, line_code="C")
    kiosk.qtbot.wait_until(lambda: kiosk.window.home.waiting.text().startswith("Hiện có 6"))
    assert list(kiosk.window.choose.line_buttons) == ["E", "D", "A", "B", "C"]


def test_home_says_how_many_people_wait_in_vietnamese(kiosk: Kiosk) -> None:
    assert kiosk.window.home.waiting.text() == "Hiện không có ai đang chờ."
    for _ in range(3):
        issue_ticket(kiosk.ctx, line_code="A")
    kiosk.qtbot.wait_until(
        lambda: kiosk.window.home.waiting.text() == "Hiện có 3 người đang chờ.", timeout=10_000
    )


def test_call_a_helper_raises_an_alert_on_the_desk_after_a_confirming_tap(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["help"])
    kiosk.wait_idle()
    assert kiosk.window.help_confirm.is_open()
    assert open_alerts(kiosk.ctx) == [], "the tile alone calls nobody"
    kiosk.tap(kiosk.window.help_confirm.yes)
    kiosk.wait_idle()
    assert kiosk.window.notice.is_open()
    alerts = open_alerts(kiosk.ctx)
    assert [(a.kind, a.source) for a in alerts] == [(AlertKind.HELP_REQUESTED, "kiosk")]
    kiosk.tap(kiosk.window.notice.ok)
    assert not kiosk.window.notice.is_open()


def test_no_on_the_confirmation_calls_nobody(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["help"])
    kiosk.tap(kiosk.window.help_confirm.no)
    kiosk.wait_idle()
    assert not kiosk.window.help_confirm.is_open()
    assert not kiosk.window.notice.is_open()
    assert open_alerts(kiosk.ctx) == []


def test_the_home_screen_has_only_tiles_that_work(kiosk: Kiosk) -> None:
    keys = ["take_number", "priority", "guides", "rate", "help"]
    assert kiosk.window.home.tile_keys() == keys


def test_without_priority_groups_there_is_no_priority_step(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk("[queue]\npriority_groups = []\n")
    assert kiosk.window.home.tile_keys() == ["take_number", "guides", "rate", "help"]
    assert not kiosk.window.choose.priority_bar.isVisibleTo(kiosk.window)


def test_the_ticket_is_laid_out_on_the_printer_thread_not_the_screens(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    import printing.ticket

    threads: list[threading.Thread] = []
    lay_out = printing.ticket.ticket_blocks

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return lay_out(*args, **kwargs)

    monkeypatch.setattr(printing.ticket, "ticket_blocks", watched)
    window = kiosk.window
    kiosk.tap(window.home.buttons["take_number"])
    kiosk.tap(window.choose.line_buttons["A"])
    kiosk.wait_idle()

    assert window.ticket.print_state() == PRINTED
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_while_a_ticket_is_issued_no_button_of_the_choose_screen_reacts(kiosk: Kiosk) -> None:
    choose = kiosk.window.choose
    heard: list[str] = []
    choose.line_chosen.connect(heard.append)
    choose.back_clicked.connect(lambda: heard.append("back"))
    choose.priority_clicked.connect(lambda: heard.append("priority"))
    kiosk.tap(kiosk.window.home.buttons["take_number"])

    choose.set_busy(True)
    for button in (choose.line_buttons["A"], choose.back, choose.priority_bar):
        button.click()
    assert heard == []
    choose.set_busy(False)
    choose.back.click()
    assert heard == ["back"]


def test_a_usual_ticket_never_changes_the_choose_screens_words(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Words changed within a tap lay out and repaint the screen the visitor is leaving, and
    # hold up the ticket (issue 13, P2): a ticket that comes at once never says "please wait".
    choose = kiosk.window.choose
    kiosk.tap(kiosk.window.home.buttons["take_number"])
    shown: list[str] = []
    set_text = choose.hint.setText

    def watched(text: str) -> None:
        if text != choose.hint.text():
            shown.append(text)
        set_text(text)

    monkeypatch.setattr(choose.hint, "setText", watched)
    kiosk.tap(choose.line_buttons["A"])
    kiosk.wait_idle()

    assert kiosk.window.current_screen() is kiosk.window.ticket
    assert shown == []


def test_a_ticket_that_waits_for_the_database_says_please_wait_until_it_comes(
    kiosk: Kiosk,
) -> None:
    from sqlalchemy.engine import make_url

    from tests.storage.lock_holder import release, write_lock_held

    choose = kiosk.window.choose
    kiosk.tap(kiosk.window.home.buttons["take_number"])
    database = make_url(kiosk.ctx.config.database_url).database or ""
    with write_lock_held(database) as holder:
        kiosk.tap(choose.line_buttons["A"])
        kiosk.qtbot.wait_until(choose.busy_hint_shown, timeout=10_000)
        assert choose.hint.text() == "Đang lấy số, xin chờ một chút…"
        assert kiosk.window.current_screen() is choose
        release(holder)
        kiosk.wait_idle(30_000)

    assert kiosk.window.current_screen() is kiosk.window.ticket
    assert not choose.busy_hint_shown()
    assert choose.hint.text() == "Chạm vào một ô để lấy số."
