"""Rating on the kiosk: type the ticket number, pick a face, a reason when unhappy, thanks."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperPart, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit
from kiosk.storage.models import Rating
from tests.ui.conftest import Kiosk
from ui.rating.rate_screen import RateScreen

ADMIN = Actor("admin")


def finished_ticket(ctx: AppContext, clock: FixedClock, *, line: str = "E") -> str:
    """Issue, call and finish a ticket; its number."""
    helper = add_helper(ctx, name="Trần Văn Nam", kind="staff", role="desk_officer", actor=ADMIN)
    ticket = issue_ticket(ctx, line_code=line)
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=3, actor=ADMIN)
    clock.advance(minutes=10)
    finish_visit(
        ctx,
        ticket_id=ticket.id,
        helpers=[HelperCredit(helper.id, HelperPart.LEAD)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=ADMIN,
    )
    return ticket.number


def rate_screen(kiosk: Kiosk) -> RateScreen:
    kiosk.tap(kiosk.window.home.buttons["rate"])
    screen = kiosk.window.tile_screen("rate")
    assert isinstance(screen, RateScreen) and kiosk.window.current_screen() is screen
    return screen


def type_number(kiosk: Kiosk, screen: RateScreen, number: str) -> None:
    letter, digits = number[0], number[1:].lstrip("0") or "0"
    kiosk.tap(screen.number.keys[letter])
    for digit in digits:
        kiosk.tap(screen.number.keys[digit])
    kiosk.tap(screen.number.keys["ok"])
    kiosk.wait_idle()


def stored(ctx: AppContext) -> list[tuple[int, str | None]]:
    with ctx.db.read() as session:
        return [(r.level, r.reason) for r in session.scalars(select(Rating))]


def test_rating_a_finished_ticket_stores_it_and_thanks_then_goes_home(kiosk: Kiosk) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = rate_screen(kiosk)
    type_number(kiosk, screen, number)
    assert screen.current() is screen.scale
    assert number in screen.scale.subject.text()
    kiosk.tap(screen.scale.level_buttons[3])
    kiosk.wait_idle()
    assert stored(kiosk.ctx) == [(3, None)]
    assert screen.current() is screen.thanks
    screen.finish_thanks()  # what the thanks timer does
    assert kiosk.window.current_screen() is kiosk.window.home


def test_khong_hai_long_needs_a_reason_before_it_is_stored(kiosk: Kiosk) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = rate_screen(kiosk)
    type_number(kiosk, screen, number)
    kiosk.tap(screen.scale.level_buttons[1])
    kiosk.wait_idle()
    assert screen.current() is screen.reason
    assert stored(kiosk.ctx) == []
    kiosk.tap(screen.reason.reason_buttons["waiting_time"])
    kiosk.wait_idle()
    assert stored(kiosk.ctx) == [(1, "waiting_time")]
    assert screen.current() is screen.thanks


def test_an_unknown_ticket_says_so_on_the_keypad(kiosk: Kiosk) -> None:
    screen = rate_screen(kiosk)
    type_number(kiosk, screen, "A123")
    assert screen.current() is screen.number
    assert screen.number.message.text() == "Không tìm thấy vé A123 hôm nay."
    kiosk.tap(screen.number.keys["delete"])
    assert not screen.number.message_panel.isVisible()


def test_a_ticket_not_finished_yet_says_so(kiosk: Kiosk) -> None:
    ticket = issue_ticket(kiosk.ctx, line_code="A")
    screen = rate_screen(kiosk)
    type_number(kiosk, screen, ticket.number)
    assert screen.current() is screen.number
    assert "chưa làm xong" in screen.number.message.text()


def test_a_ticket_rated_already_says_so(kiosk: Kiosk) -> None:
    number = finished_ticket(kiosk.ctx, kiosk.clock)
    screen = rate_screen(kiosk)
    type_number(kiosk, screen, number)
    kiosk.tap(screen.scale.level_buttons[2])
    kiosk.wait_idle()
    screen.finish_thanks()
    screen = rate_screen(kiosk)
    assert screen.number.typed() == ""  # the next visitor starts afresh
    type_number(kiosk, screen, number)
    assert screen.current() is screen.number
    assert screen.number.message.text() == f"Vé {number} đã được đánh giá rồi. Cảm ơn bạn!"
    assert stored(kiosk.ctx) == [(2, None)]
