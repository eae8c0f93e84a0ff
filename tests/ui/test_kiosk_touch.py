"""Touch that forgives: a tap just after the screen changed is ignored; a helper needs a yes.

Taps are real mouse clicks (QTest) at the place on screen where the finger was; time is the
tap guard's own clock, moved by hand, so no test waits or measures.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.alerts import open_alerts
from kiosk.storage.models import Ticket
from tests.ui.conftest import Kiosk
from ui.kiosk.guide_screen import GuidesScreen


class HandClock:
    """A monotonic clock in seconds that moves only when told."""

    def __init__(self) -> None:
        self.now_s = 1000.0

    def __call__(self) -> float:
        return self.now_s

    def advance(self, seconds: float) -> None:
        self.now_s += seconds


@pytest.fixture
def hand(kiosk: Kiosk) -> HandClock:
    clock = HandClock()
    kiosk.window.tap_guard.set_clock(clock)
    return clock


def centre(widget: QWidget) -> QPoint:
    """Where a finger taps a widget, in the window's coordinates."""
    return widget.mapTo(widget.window(), widget.rect().center())


def tap_at(kiosk: Kiosk, point: QPoint) -> None:
    """A finger tapping the screen at ``point``: the press and release reach the window as
    the touchscreen's do, and Qt hands them to whatever widget lies there now."""
    QApplication.processEvents()
    handle = kiosk.window.windowHandle()
    assert handle is not None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.processEvents()


def tickets(kiosk: Kiosk) -> int:
    with kiosk.ctx.db.read() as session:
        return len(session.query(Ticket.id).all())


@pytest.mark.parametrize("gap_s", [0.12, 0.3, 0.499])
def test_a_double_tap_on_take_a_number_takes_no_ticket_from_the_next_screen(
    kiosk: Kiosk, hand: HandClock, gap_s: float
) -> None:
    window = kiosk.window
    finger = centre(window.home.buttons["take_number"])
    tap_at(kiosk, finger)
    assert window.current_screen() is window.choose
    hand.advance(gap_s)
    tap_at(kiosk, finger)  # the second half of the double tap, on a line button now
    kiosk.wait_idle()
    assert window.current_screen() is window.choose
    assert tickets(kiosk) == 0
    assert window.tap_guard.ignored == 1


def test_a_deliberate_tap_half_a_second_after_the_change_takes_the_ticket(
    kiosk: Kiosk, hand: HandClock
) -> None:
    window = kiosk.window
    finger = centre(window.home.buttons["take_number"])
    tap_at(kiosk, finger)
    hand.advance(0.5)
    line = window.choose.childAt(window.choose.mapFrom(window, finger))
    tap_at(kiosk, finger)
    kiosk.wait_idle()
    assert line is not None
    assert window.current_screen() is window.ticket
    assert tickets(kiosk) == 1


def test_a_tap_just_after_the_ticket_screen_went_home_by_itself_calls_nobody(
    kiosk: Kiosk, hand: HandClock
) -> None:
    window = kiosk.window
    window.show_choose()
    hand.advance(1)
    kiosk.tap(window.choose.line_buttons["A"])
    kiosk.wait_idle()
    assert window.current_screen() is window.ticket
    finger = centre(window.ticket.done)
    hand.advance(30)
    window.idle.timed_out.emit()  # the ticket screen's time is up: home, by itself
    assert window.current_screen() is window.home
    hand.advance(0.2)
    tap_at(kiosk, finger)
    kiosk.wait_idle()
    assert not window.help_confirm.is_open()
    assert not window.notice.is_open()
    assert open_alerts(kiosk.ctx) == []


def test_calling_a_helper_takes_the_tile_and_then_a_confirming_tap(
    kiosk: Kiosk, hand: HandClock
) -> None:
    window = kiosk.window
    hand.advance(1)
    tap_at(kiosk, centre(window.home.buttons["help"]))
    assert window.help_confirm.is_open()
    assert open_alerts(kiosk.ctx) == []
    tap_at(kiosk, centre(window.help_confirm.yes))  # at once: a double tap, ignored
    assert window.help_confirm.is_open()
    hand.advance(0.6)
    tap_at(kiosk, centre(window.help_confirm.yes))
    kiosk.wait_idle()
    assert not window.help_confirm.is_open()
    assert len(open_alerts(kiosk.ctx)) == 1


def _screens(kiosk: Kiosk) -> dict[str, Callable[[], QWidget]]:
    window = kiosk.window

    def guides() -> QWidget:
        screen = window.tile_screen("guides")
        assert isinstance(screen, GuidesScreen)
        kiosk.qtbot.wait_until(lambda: bool(screen.list.guide_ids()))
        window.home.buttons["guides"].click()
        return screen

    def rate() -> QWidget:
        window.home.buttons["rate"].click()
        screen = window.tile_screen("rate")
        assert screen is not None
        return screen

    def show(action: Callable[[], None], screen: Callable[[], QWidget]) -> Callable[[], QWidget]:
        return lambda: (action(), screen())[1]

    return {
        "choose": show(window.show_choose, lambda: window.choose),
        "priority": show(window.show_priority, lambda: window.priority),
        "guides": guides,
        "rate": rate,
        "home": show(window.show_home, lambda: window.home),
    }


@pytest.mark.parametrize("name", ["choose", "priority", "guides", "rate", "home"])
def test_every_visitor_screen_ignores_a_tap_just_after_it_appeared(
    kiosk: Kiosk, hand: HandClock, name: str
) -> None:
    window = kiosk.window
    if name == "home":
        window.show_choose()
    screen = _screens(kiosk)[name]()
    QApplication.processEvents()
    assert window.current_screen() is screen
    button = next(
        b
        for b in screen.findChildren(QWidget)
        if b.inherits("QAbstractButton") and b.isVisible() and b.isEnabled()
    )
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))  # type: ignore[attr-defined]
    hand.advance(0.1)
    tap_at(kiosk, centre(button))
    assert clicks == [], f"{name}: a tap 100 ms after the screen appeared went through"
    hand.advance(0.5)
    tap_at(kiosk, centre(button))
    assert clicks == [True], f"{name}: a later tap was lost"
