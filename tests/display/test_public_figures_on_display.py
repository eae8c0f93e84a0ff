"""Today's public figures on the calling display: only when turned on, live, never a name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.public_figures import public_figures_today
from kiosk.services.ratings import rate_ticket
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit
from tests.desk.conftest import Staff
from tests.display.conftest import DisplayFactory


def serve(ctx: AppContext, clock: FixedClock, staff: Staff, wait_min: int, outcome: Outcome) -> str:
    ticket = issue_ticket(ctx, line_code="A")
    clock.advance(minutes=wait_min)
    calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=1, actor=CLI_ACTOR)
    clock.advance(minutes=5)
    finish_visit(
        ctx,
        ticket_id=ticket.id,
        helpers=[HelperCredit(staff.officer.id)],
        outcomes=[outcome],
        actor=CLI_ACTOR,
    )
    return ticket.number


def test_the_figures_show_only_when_the_commune_turns_them_on(
    make_display: DisplayFactory, desk_ctx: AppContext, clock: FixedClock, staff: Staff
) -> None:
    serve(desk_ctx, clock, staff, 10, Outcome.GUIDED_ONLY)
    display = make_display()
    assert display.parts.controller is not None
    assert display.parts.controller.figures is None  # never read
    assert not display.parts.screen.figures.isVisible()


def test_todays_figures_are_shown_large_as_the_service_counts_them_and_follow_changes(
    make_display: DisplayFactory, desk_ctx: AppContext, clock: FixedClock, staff: Staff
) -> None:
    first = serve(desk_ctx, clock, staff, 10, Outcome.SUBMITTED_ONLINE)
    serve(desk_ctx, clock, staff, 20, Outcome.GUIDED_ONLY)
    rate_ticket(desk_ctx, number=first, level=3, reason=None)
    display = make_display(public_figures=True)
    strip = display.parts.screen.figures
    display.qtbot.wait_until(lambda: strip.texts()[0][1] != "", timeout=5_000)
    figures = public_figures_today(desk_ctx)
    assert (figures.visitors_served, figures.median_wait_min) == (2, 15)
    assert strip.isVisible()
    assert strip.texts() == [
        ("Đã phục vụ hôm nay", "2"),
        ("Thời gian chờ (trung vị)", "15 phút"),
        ("Người dân hài lòng", "100 %"),
        ("Hồ sơ nộp trực tuyến có hỗ trợ", "1"),
    ]
    # Large type, read from across the hall: larger than the side lists' titles.
    side_title = display.parts.screen.calls.title
    assert strip.values[0].fontInfo().pixelSize() > side_title.fontInfo().pixelSize() >= 30
    staff_names = {staff.officer.name, staff.manager.name}
    assert not any(name in text for pair in strip.texts() for text in pair for name in staff_names)

    serve(desk_ctx, clock, staff, 30, Outcome.GUIDED_ONLY)  # another desk's work
    display.runtime.live.notify()  # what the database watcher reports after a commit
    display.qtbot.wait_until(lambda: strip.texts()[0][1] == "3", timeout=5_000)
    assert strip.texts()[1][1] == "20 phút"


def test_a_day_with_nothing_to_count_shows_dashes_not_zeros(make_display: DisplayFactory) -> None:
    display = make_display(public_figures=True)
    strip = display.parts.screen.figures
    display.qtbot.wait_until(lambda: strip.texts()[0][1] != "", timeout=5_000)
    assert [value for _label, value in strip.texts()] == ["0", "–", "–", "0"]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_figure_and_its_words_show_whole_on_the_tv(
    make_display: DisplayFactory,
    desk_ctx: AppContext,
    clock: FixedClock,
    staff: Staff,
    size: tuple[int, int],
    language: str,
) -> None:
    first = serve(desk_ctx, clock, staff, 125, Outcome.SUBMITTED_ONLINE)  # a long wait: "125 phút"
    rate_ticket(desk_ctx, number=first, level=3, reason=None)
    display = make_display(public_figures=True, size=size)
    display.parts.i18n.set_language(language)
    screen = display.parts.screen
    strip = screen.figures
    display.qtbot.wait_until(lambda: strip.texts()[0][1] == "1", timeout=5_000)
    screen.resize(*size)
    QApplication.processEvents()
    frame = screen.rect()
    for label in [*strip.values, *strip.labels]:
        top_left = label.mapTo(screen, label.rect().topLeft())
        assert frame.contains(QRect(top_left, label.size())), label.text()
        assert label.width() >= label.sizeHint().width() or label.wordWrap(), label.text()
        assert label.height() >= label.heightForWidth(label.width()), label.text()
