"""Rating without typing: a tile for the visit that just ended, or the ticket's QR scanned.

The scanner is a USB keyboard: the tests send its key presses through the window system to the
kiosk's window (``QTest.sendKeyEvent`` on the QWindow, the path X11 key events take).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from kiosk.domain.clock import service_day
from kiosk.domain.ticket_code import ticket_code
from kiosk.services.ratings import rate_ticket
from kiosk.services.tickets import issue_ticket
from kiosk.storage.models import Rating, Ticket
from tests.ui.conftest import Kiosk, KioskFactory
from tests.ui.test_kiosk_exit import FAST_EXIT, hold_corner
from tests.ui.test_kiosk_flow import MAX_TICKET_BYTES
from tests.ui.test_rating_kiosk import finished_ticket, rate_screen, type_number
from ui.rating.rate_screen import RateScreen

SCANNER = "[ratings]\nscanner = true\n"


def open_rating(kiosk: Kiosk) -> RateScreen:
    """Tap the home tile and let the kiosk read the visits that just ended."""
    screen = rate_screen(kiosk)
    kiosk.wait_idle()
    return screen


def ratings(kiosk: Kiosk) -> list[tuple[str | None, int | None, int]]:
    """(ticket number, visit id, level) of every stored rating."""
    with kiosk.ctx.db.read() as session:
        rows = session.execute(
            select(Ticket.number, Rating.visit_id, Rating.level).outerjoin(
                Ticket, Ticket.id == Rating.ticket_id
            )
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def scan(kiosk: Kiosk, text: str) -> None:
    """What a USB scanner does: one key press per character, then Enter, to the window."""
    handle = kiosk.window.windowHandle()
    assert handle is not None
    for char in text:
        key = Qt.Key(ord(char.upper()))
        QTest.sendKeyEvent(QTest.KeyAction.Click, handle, key, char, Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    kiosk.wait_idle()


def code_of(kiosk: Kiosk, number: str) -> str:
    return ticket_code(service_day=service_day(kiosk.clock(), kiosk.ctx.tz), number=number)


def test_the_visit_that_just_ended_is_a_tile_and_rating_it_rates_that_ticket(
    kiosk: Kiosk,
) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)  # at counter 3
    screen = open_rating(kiosk)
    assert screen.current() is screen.visits
    (visit,) = screen.visits.visits()
    tile = screen.visits.tiles[visit.visit_id]
    counter = next(c.name for c in kiosk.ctx.config.counters if c.number == 3)
    assert tile.label() == f"{counter} — số {number} vừa xong"
    assert tile.caption() == "Xong lúc 09:10"
    kiosk.tap(tile)
    assert screen.current() is screen.scale
    assert screen.scale.subject.text() == tile.label()
    kiosk.tap(screen.scale.level_buttons[3])
    kiosk.wait_idle()
    assert screen.current() is screen.thanks
    assert ratings(kiosk) == [(number, visit.visit_id, 3)]


def test_a_rated_or_old_visit_is_not_offered_and_the_keypad_comes_first(kiosk: Kiosk) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    rate_ticket(kiosk.ctx, number=number, level=2, reason=None)
    screen = open_rating(kiosk)
    assert screen.current() is screen.number and screen.visits.visits() == ()
    kiosk.tap(screen.number.back)
    assert kiosk.window.current_screen() is kiosk.window.home

    finished_ticket(kiosk.ctx, kiosk.clock)
    kiosk.clock.advance(minutes=10, seconds=1)
    screen = open_rating(kiosk)
    assert screen.current() is screen.number and screen.visits.visits() == ()


def test_another_visit_is_still_rated_by_its_number_on_the_keypad(kiosk: Kiosk) -> None:
    older = finished_ticket(kiosk.ctx, kiosk.clock, line="A")
    finished_ticket(kiosk.ctx, kiosk.clock)  # counter 3's latest: the tile
    screen = open_rating(kiosk)
    assert screen.current() is screen.visits
    kiosk.tap(screen.visits.keypad)
    assert screen.current() is screen.number
    kiosk.tap(screen.number.back)  # back to the tiles, not home
    assert screen.current() is screen.visits
    kiosk.tap(screen.visits.keypad)
    type_number(kiosk, screen, older)
    assert screen.scale.subject.text() == f"Vé số {older}"
    kiosk.tap(screen.scale.level_buttons[2])
    kiosk.wait_idle()
    assert [(n, level) for n, _, level in ratings(kiosk)] == [(older, 2)]


def test_a_tile_rated_meanwhile_elsewhere_says_so_on_the_tiles(kiosk: Kiosk) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = open_rating(kiosk)
    (visit,) = screen.visits.visits()
    kiosk.tap(screen.visits.tiles[visit.visit_id])
    rate_ticket(kiosk.ctx, number=number, level=3, reason=None)  # the counter's tablet
    kiosk.tap(screen.scale.level_buttons[2])
    kiosk.wait_idle()
    assert screen.current() is screen.visits
    assert screen.visits.message.text() == "Lượt này đã được đánh giá rồi. Cảm ơn bạn!"
    assert [level for _, _, level in ratings(kiosk)] == [3]


def test_typing_before_the_tiles_arrive_keeps_the_keypad(kiosk: Kiosk) -> None:
    finished_ticket(kiosk.ctx, kiosk.clock)
    screen = rate_screen(kiosk)  # the visits are being read
    kiosk.tap(screen.number.keys["E"])
    kiosk.wait_idle()
    assert screen.current() is screen.number and screen.number.typed() == "E"


def test_a_scanned_ticket_opens_its_rating_from_the_home_screen(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk(body=SCANNER)
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    assert kiosk.window.current_screen() is kiosk.window.home
    scan(kiosk, code_of(kiosk, number))
    screen = kiosk.window.tile_screen("rate")
    assert isinstance(screen, RateScreen)
    assert kiosk.window.current_screen() is screen
    assert screen.current() is screen.scale  # not the tiles: the scan named the ticket
    assert screen.scale.subject.text() == f"Vé số {number}"
    kiosk.tap(screen.scale.level_buttons[1])
    kiosk.tap(screen.reason.reason_buttons["waiting_time"])
    kiosk.wait_idle()
    assert screen.current() is screen.thanks
    assert [(n, level) for n, _, level in ratings(kiosk)] == [(number, 1)]


def test_a_scan_on_the_tiles_or_the_faces_switches_to_the_scanned_ticket(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk(body=SCANNER)
    first = finished_ticket(kiosk.ctx, kiosk.clock, line="A")
    second = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = open_rating(kiosk)
    assert screen.current() is screen.visits
    assert screen.visits.scan_hint.isVisible() and screen.number.scan_hint.text()
    kiosk.tap(next(iter(screen.visits.tiles.values())))
    scan(kiosk, code_of(kiosk, first))
    assert screen.scale.subject.text() == f"Vé số {first}"
    kiosk.tap(screen.scale.level_buttons[3])
    kiosk.wait_idle()
    assert [(n, level) for n, _, level in ratings(kiosk)] == [(first, 3)]
    assert second != first


def test_a_code_that_is_no_ticket_or_of_another_day_is_explained_on_the_keypad(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk(body=SCANNER)
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = open_rating(kiosk)
    scan(kiosk, "001234567890|NGUYEN VAN A")  # an ID card's QR
    assert screen.current() is screen.number
    assert screen.number.message.text() == ("Mã vừa quét không phải mã vé. Xin nhập số in trên vé.")
    assert screen.number.keys["E"].isEnabled() and screen.number.back.isEnabled()  # not busy
    scan(kiosk, f"K1-20000101-{number}")
    assert screen.number.message.text() == (
        f"Vé {number} là vé của ngày khác: chỉ đánh giá được vé hôm nay."
    )
    scan(kiosk, code_of(kiosk, issue_ticket(kiosk.ctx, line_code="A").number))
    assert "chưa làm xong" in screen.number.message.text()
    assert ratings(kiosk) == []


def test_keys_pressed_by_chance_are_not_a_scan(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk(body=SCANNER)
    scan(kiosk, "12")  # too short to be a code: nothing happens
    assert kiosk.window.current_screen() is kiosk.window.home


def test_a_scan_while_the_exit_pin_pad_is_open_opens_nothing(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk(body=FAST_EXIT + SCANNER)
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    hold_corner(kiosk)
    scan(kiosk, code_of(kiosk, number))
    assert kiosk.window.exit_overlay.is_open()
    assert kiosk.window.current_screen() is kiosk.window.home


def test_the_printed_ticket_carries_its_code_as_a_qr_only_with_a_scanner(
    make_kiosk: KioskFactory,
) -> None:
    for body, expected in (("", False), (SCANNER, True)):
        kiosk = make_kiosk(body=body)
        kiosk.tap(kiosk.window.home.buttons["take_number"])
        kiosk.tap(kiosk.window.choose.line_buttons["B"])
        kiosk.wait_idle()
        shown = kiosk.window.ticket.ticket()
        assert shown is not None
        data = bytes(kiosk.device.output)
        code = code_of(kiosk, shown.number).encode()
        assert (code in data) is expected
        assert (b"\x1d(k" in data) is expected  # the printer's own QR command
        assert len(data) <= MAX_TICKET_BYTES
        kiosk.window.show_home()
