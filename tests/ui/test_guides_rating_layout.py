"""Guides and rating at 1920x1080, 1080x1920 and 1366x768: fits, nothing clipped, big targets.

The same rules as ``test_kiosk_layout``, plus two that scrolling pages need: a wrapped label is
as tall as its words (``heightForWidth``), and no label or button covers another.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import system_clock
from kiosk.domain.ratings import FinishedVisit
from kiosk.domain.recent_visits import RecentVisit
from tests.conftest import make_config
from tests.ui.conftest import Kiosk, KioskFactory
from tests.ui.test_kiosk_layout import SIZES, shown
from ui.geometry_check import geometry_problems
from ui.kiosk.guide_screen import GuidesScreen
from ui.rating.counter_program import TABLET_DIAGONAL_INCH, build_counter_screen
from ui.rating.counter_rate_screen import CounterRateScreen
from ui.rating.rate_number_screen import ALREADY_RATED, NOT_FINISHED
from ui.rating.rate_screen import RateScreen
from ui.shell import Env
from ui.theme import TOUCH_TARGET_MM, pixels_per_mm

MIN_TEXT_PX = 28
# Five levels with a scanner: the scanner's hints are checked on the rating pages too.
FIVE_LEVELS = "[ratings]\nlevels = 5\nscanner = true\n"
# The tablets a counter's rating screen runs on, besides the kiosk sizes.
TABLET_SIZES = [(1280, 800), (800, 1280)]


def guide_states(kiosk: Kiosk) -> Iterator[str]:
    """The guide list, every step of every guide, and every guide's "what to bring" page."""
    window = kiosk.window
    kiosk.tap(window.home.buttons["guides"])
    screen = window.tile_screen("guides")
    assert isinstance(screen, GuidesScreen)
    yield "guide list"
    for guide_id in screen.list.guide_ids():
        kiosk.tap(screen.list.guide_buttons[guide_id])
        guide = screen.step.guide()
        assert guide is not None
        for index in range(len(guide.steps)):
            screen.step.show_step(index)
            yield f"{guide_id} step {index + 1}"
        kiosk.tap(screen.step.info)
        yield f"{guide_id} what to bring"
        screen.info.set_print_state("failed")
        yield f"{guide_id} what to bring, printer trouble"
        kiosk.tap(screen.info.back)
        kiosk.tap(screen.step.back)


def rate_states(kiosk: Kiosk) -> Iterator[str]:
    """The rating keypad, the visits just ended, the keypad typed and with a problem, the faces,
    the reasons and thanks."""
    window = kiosk.window
    kiosk.tap(window.home.buttons["rate"])
    screen = window.tile_screen("rate")
    assert isinstance(screen, RateScreen)
    yield "rate keypad"
    ended = datetime(2026, 11, 23, 2, 10, tzinfo=UTC)
    visits = [
        RecentVisit(index + 1, counter.number, f"A{index + 12:03d}", ended, rated=False)
        for index, counter in enumerate(kiosk.ctx.config.counters)
    ]
    screen.visits.set_visits(visits)
    screen.stack.setCurrentWidget(screen.visits)
    yield "rate visits just ended"
    screen.visits.show_problem(ALREADY_RATED)
    yield "rate visits just ended, rated meanwhile"
    screen.stack.setCurrentWidget(screen.number)
    letter = next(key for key in screen.number.keys if key.isalpha() and len(key) == 1)
    kiosk.tap(screen.number.keys[letter])
    kiosk.tap(screen.number.keys["1"])
    yield "rate keypad, typed"
    screen.show_problem(NOT_FINISHED, "A012")
    yield "rate keypad, not finished"
    screen.show_scale("A012")
    yield "rate faces"
    kiosk.tap(screen.scale.level_buttons[min(screen.scale.level_buttons)])
    assert screen.current() is screen.reason
    yield "rate reasons"
    screen.show_thanks()
    yield "rate thanks"
    screen.finish_thanks()


def counter_states(screen: CounterRateScreen) -> Iterator[str]:
    """A counter's rating tablet: idle, the faces for a visit, the reasons, thanks."""
    yield "counter idle"
    visit = FinishedVisit(
        visit_id=1,
        ticket_number="A012",
        ended_at=datetime(2026, 11, 23, 2, 10, tzinfo=UTC),
        helper_names=("Trần Văn Nam", "Nguyễn Thị Hồng Nhung"),
        rated=False,
    )
    screen.prompt(visit)
    yield "counter faces"
    screen.scale.level_buttons[min(screen.scale.level_buttons)].click()
    assert screen.current() is screen.reason
    yield "counter reasons"
    screen.show_thanks()
    yield "counter thanks"
    screen.show_idle()


def visible_rect(root: QWidget, widget: QWidget) -> QRect:
    """The part of a widget on screen, in ``root``'s coordinates (a scroll area clips it)."""
    rect = QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect &= QRect(parent.mapTo(root, parent.rect().topLeft()), parent.size())
        parent = parent.parentWidget()
    return rect


def describe(widget: QLabel | QAbstractButton) -> str:
    return f"{type(widget).__name__}({widget.text()[:40]!r})"


def layout_problems(root: QWidget, width: int, height: int, min_target_px: float) -> list[str]:
    """What breaks the rules on screen now: too big, clipped, overlapping, small targets."""
    found = []
    hint = root.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        found.append(f"does not fit: {hint}")
    if (root.width(), root.height()) != (width, height):
        found.append(f"is {root.width()}x{root.height()}")
    labels = [label for label in shown(root, QLabel) if label.text().strip()]
    buttons = shown(root, QAbstractButton)
    for label in labels:
        need = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        if label.height() < need:
            found.append(f"{describe(label)} clipped: {label.height()}px of {need}px high")
        if not label.wordWrap() and label.width() < label.sizeHint().width():
            found.append(f"{describe(label)} cut: {label.width()}px of {label.sizeHint().width()}")
    for button in buttons:
        if min(button.width(), button.height()) < min_target_px:
            found.append(f"{describe(button)} is {button.width()}x{button.height()}px")
        if button.text() and button.width() < button.sizeHint().width():
            need = button.sizeHint().width()
            found.append(f"{describe(button)} cut: {button.width()}px of {need}px wide")
    found += geometry_problems(root, width=width, height=height)  # the real geometry too
    boxes = [(widget, visible_rect(root, widget)) for widget in [*labels, *buttons]]
    for (one, one_rect), (other, other_rect) in itertools.combinations(boxes, 2):
        if one.isAncestorOf(other) or other.isAncestorOf(one):
            continue  # the words inside a button
        if one_rect.intersects(other_rect):
            found.append(f"{describe(one)} overlaps {describe(other)}")
    return found


def small_text(root: QWidget) -> list[str]:
    return [
        f"{label.text()[:40]!r} is {label.font().pixelSize()}px"
        for label in shown(root, QLabel)
        if label.text().strip()
        and label.pixmap().isNull()
        and label.font().pixelSize() < MIN_TEXT_PX
    ]


def check_states(states: Iterator[str], check) -> None:  # type: ignore[no-untyped-def]
    found = []
    for state in states:
        QApplication.processEvents()
        found += [f"{state}: {problem}" for problem in check()]
    assert not found, "\n".join(found)


def kiosk_part(
    make_kiosk: KioskFactory, part: str, size: tuple[int, int]
) -> tuple[Kiosk, Iterator[str]]:
    kiosk = make_kiosk(body=FIVE_LEVELS if part == "rating-5" else "", size=size)
    return kiosk, guide_states(kiosk) if part == "guides" else rate_states(kiosk)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("large_text", [False, True])
@pytest.mark.parametrize("part", ["guides", "rating-3", "rating-5"])
def test_guides_and_rating_fit_unclipped_with_targets_of_at_least_15_mm(
    make_kiosk: KioskFactory, width: int, height: int, language: str, large_text: bool, part: str
) -> None:
    kiosk = make_kiosk(body=FIVE_LEVELS if part == "rating-5" else "", size=(width, height))
    window = kiosk.window
    kiosk.parts.i18n.set_language(language)
    window.set_large_text(large_text)
    min_px = TOUCH_TARGET_MM * pixels_per_mm(
        width, height, kiosk.ctx.config.kiosk.screen_diagonal_inch
    )
    states = guide_states(kiosk) if part == "guides" else rate_states(kiosk)
    check_states(states, lambda: layout_problems(window, width, height, min_px))


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("part", ["guides", "rating-3", "rating-5"])
def test_guides_and_rating_text_is_at_least_28_px_at_1920x1080(
    make_kiosk: KioskFactory, language: str, part: str
) -> None:
    kiosk = make_kiosk(body=FIVE_LEVELS if part == "rating-5" else "")
    kiosk.parts.i18n.set_language(language)
    states = guide_states(kiosk) if part == "guides" else rate_states(kiosk)
    check_states(states, lambda: small_text(kiosk.window))


@pytest.fixture
def make_counter(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    made: list[CounterRateScreen] = []

    def factory(*, size: tuple[int, int], language: str, levels: int) -> CounterRateScreen:
        body = f'[kiosk]\nlanguage = "{language}"\n\n[ratings]\nlevels = {levels}\n'
        config = make_config(tmp_path, body)
        env = Env(app=qapp, config=config, clock=system_clock, size=QSize(*size))
        screen = build_counter_screen(env, counter_number=3)
        made.append(screen)
        screen.show()
        return screen

    yield factory
    for screen in made:
        screen.close()
        screen.deleteLater()


@pytest.mark.parametrize(("width", "height"), [*SIZES, *TABLET_SIZES])
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("levels", [3, 5])
def test_the_counter_rating_screen_fits_with_targets_of_at_least_15_mm(
    make_counter, width: int, height: int, language: str, levels: int
) -> None:  # type: ignore[no-untyped-def]
    screen = make_counter(size=(width, height), language=language, levels=levels)
    min_px = TOUCH_TARGET_MM * pixels_per_mm(width, height, TABLET_DIAGONAL_INCH)
    check_states(counter_states(screen), lambda: layout_problems(screen, width, height, min_px))


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("levels", [3, 5])
def test_the_counter_rating_text_is_at_least_28_px_at_1920x1080(
    make_counter, language: str, levels: int
) -> None:  # type: ignore[no-untyped-def]
    screen = make_counter(size=(1920, 1080), language=language, levels=levels)
    check_states(counter_states(screen), lambda: small_text(screen))
