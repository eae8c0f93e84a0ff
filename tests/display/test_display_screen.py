"""The TV picture: readable from five metres, live within a second, still when nothing moves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.services import calling
from kiosk.services.tickets import issue_ticket
from tests.desk.conftest import ADMIN
from tests.display.conftest import DisplayFactory
from ui.widgets.minute_timer import MINUTE_MS, ms_to_next_minute

NUMBER_MIN_PX = 200
# A line under the board (a notice, or today's figures) takes its height from the numbers:
# still 8 cm tall on a 43-inch TV.
NUMBER_WITH_LINE_MIN_PX = 170
LABEL_MIN_PX = 60


@pytest.mark.parametrize(
    ("line", "number_min_px"),
    [
        ({}, NUMBER_MIN_PX),
        ({"notice": "Nghỉ trưa 11:30"}, NUMBER_WITH_LINE_MIN_PX),
        ({"public_figures": True}, NUMBER_WITH_LINE_MIN_PX),
    ],
    ids=["board", "notice", "figures"],
)
def test_numbers_and_counter_labels_are_readable_from_five_metres_on_a_full_hd_tv(
    make_display: DisplayFactory, line: dict[str, object], number_min_px: int
) -> None:
    display = make_display(size=(1920, 1080), **line)
    for line in ("A", "C", "E"):
        issue_ticket(display.ctx, line_code=line)
    for counter in (1, 2, 3):
        calling.call_next(display.ctx, counter_number=counter, actor=ADMIN)
    display.refresh()
    display.parts.screen.resize(1920, 1080)
    display.qtbot.wait_until(lambda: display.parts.screen.height() == 1080)
    for number, card in display.parts.screen.board.cards.items():
        assert card.number.text().startswith(("A", "C", "E")), number
        assert card.number.glyph_height_px() >= number_min_px, card.number.text()
        # "Quầy 1" measured on its capitals, leaving out the accent above and the tail of y.
        assert card.label.cap_height_px() >= LABEL_MIN_PX


def test_the_board_shows_each_counters_current_number_and_waiting_per_line(
    make_display: DisplayFactory,
) -> None:
    display = make_display()
    first = issue_ticket(display.ctx, line_code="A")
    issue_ticket(display.ctx, line_code="A")
    issue_ticket(display.ctx, line_code="E")
    calling.call_next(display.ctx, counter_number=2, actor=ADMIN)
    display.refresh()
    screen = display.parts.screen
    assert screen.board.cards[2].number.text() == first.number
    assert screen.board.cards[1].number.text() == "—"
    waiting = dict(screen.waiting.row_texts())
    assert waiting["A · Hộ tịch"] == "1"
    assert waiting["E · Dịch vụ công trực tuyến và VNeID"] == "1"
    assert screen.calls.row_texts()[0] == (first.number, "Quầy 2")


def test_a_call_from_a_desk_reaches_the_display_within_a_second(
    make_display: DisplayFactory,
) -> None:
    display = make_display(live=True)
    ticket = issue_ticket(display.ctx, line_code="B")
    calling.call_next(display.ctx, counter_number=1, actor=ADMIN)
    card = display.parts.screen.board.cards[1]
    display.qtbot.wait_until(lambda: card.number.text() == ticket.number, timeout=10_000)
    display.wait_spoken(1)
    display.voice.finish()


def test_the_notice_strip_is_hidden_when_empty_and_moves_only_when_too_long(
    make_display: DisplayFactory,
) -> None:
    display = make_display()
    ticker = display.parts.screen.ticker
    assert ticker.isHidden(), "config.display.notice is empty by default"
    ticker.set_text("Nghỉ trưa 11:30-13:30.")
    assert ticker.isVisible() and not ticker.is_scrolling()
    ticker.set_text("Từ ngày 1/7/2025 xã nhận hồ sơ trực tuyến; " * 6)
    assert ticker.is_scrolling()
    ticker.set_text("")
    assert ticker.isHidden() and not ticker.is_scrolling()


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_a_scrolling_notice_moves_without_repainting_the_strip_or_the_screen(
    make_display: DisplayFactory,
) -> None:
    display = make_display()
    screen, ticker = display.parts.screen, display.parts.screen.ticker
    ticker.set_text("Từ ngày 1/7/2025 xã nhận hồ sơ trực tuyến; " * 6)
    display.qtbot.wait(200)  # the first frame is painted whole
    before = ticker.grab().toImage()
    counter = PaintCounter()
    for widget in (screen, ticker):
        widget.installEventFilter(counter)
    display.qtbot.wait(400)  # several frames
    for widget in (screen, ticker):
        widget.removeEventFilter(counter)
    assert ticker.is_scrolling()
    assert ticker.grab().toImage() != before, "the text moved"
    assert counter.paints == 0, "only the columns coming into view are drawn"


def test_the_configured_notice_is_shown(make_display: DisplayFactory) -> None:
    display = make_display(notice="Xin  chào,\nbà con")
    ticker = display.parts.screen.ticker
    assert ticker.isVisible() and ticker.text() == "Xin chào, bà con"


def test_an_idle_display_runs_no_timer_but_its_clock(make_display: DisplayFactory) -> None:
    display = make_display(live=True)
    display.refresh()
    controller = display.parts.controller
    assert controller is not None
    timers = [t for t in display.parts.screen.findChildren(QTimer) if t.isActive()]
    clock = controller.minutes.findChild(QTimer)
    assert clock in timers, "the clock runs"
    # The clock is armed for the next minute's start, which may be a few ms away when the
    # test runs just before the minute turns: it is single-shot, never a polling interval.
    assert clock.isSingleShot()
    others = [t.interval() for t in timers if t is not clock]
    assert all(interval >= 500 for interval in others), others


def test_the_clock_fires_just_after_each_minute_turns() -> None:
    assert ms_to_next_minute(1_700_000_000.0) == 40_000 + 50  # 20 s past the minute
    assert ms_to_next_minute(1_700_000_040.0) == MINUTE_MS + 50  # on the minute: the next one
