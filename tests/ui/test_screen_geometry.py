"""Every kiosk screen fits every screen size, measured on the real widgets (ui.geometry_check).

One kiosk per screen size; inside it every combination of language, large text and a voice
present or absent, through every visitor screen with the longest real texts: a long commune
name, the guides with the longest steps, titles and lists of papers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Kiosk, KioskFactory
from ui.geometry_check import geometry_problems
from ui.kiosk.guide_screen import GuidesScreen
from ui.kiosk.print_state import FAILED
from ui.rating.rate_number_screen import NOT_FINISHED
from ui.rating.rate_screen import RateScreen

SIZES = [(1920, 1080), (1366, 768), (1280, 1024), (1080, 1920)]
# A real township with one of the longest names in the country (Sơn La province).
LONG_PLACE = (
    '[site]\ncommune = "Thị trấn Nông trường Mộc Châu"\nprovince = "Tỉnh Sơn La"\n'
    'desk_name = "Bộ phận Một cửa"\n'
)
GUIDES_PER_MEASURE = 3


class SwitchableVoice:
    """A voice whose presence a test sets: the "Đọc to" button follows it."""

    def __init__(self, present: bool) -> None:
        self.present = present

    def available(self, language: str = "vi") -> bool:
        return self.present

    def say(self, text: str, language: str = "vi") -> None:
        """Nothing to read aloud in a layout test."""

    def stop(self) -> None:
        """Nothing is reading."""

    def close(self) -> None:
        """Nothing to close."""


def longest_guides(screen: GuidesScreen) -> list[tuple[str, int]]:
    """The guide steps with the most words, and the first step of the longest titles."""
    from kiosk.content import Guide

    guides: list[Guide] = [screen.guide(guide_id) for guide_id in screen.list.guide_ids()]

    def words(text: object) -> int:
        return max(len(getattr(text, language, "") or "") for language in ("vi", "en"))

    steps = [
        (g.id, i, words(s.text) + words(s.explained)) for g in guides for i, s in enumerate(g.steps)
    ]
    chosen = {(gid, i) for gid, i, _ in sorted(steps, key=lambda s: -s[2])[:GUIDES_PER_MEASURE]}
    for guide in sorted(guides, key=lambda g: -words(g.title))[:GUIDES_PER_MEASURE]:
        chosen.add((guide.id, 0))
    return sorted(chosen)


def kiosk_states(kiosk: Kiosk) -> Iterator[str]:
    """Every visitor screen, with the longest texts the guides have."""
    window = kiosk.window
    window.show_home()
    yield "home"
    window.show_choose()
    yield "choose"
    window.show_priority()
    yield "priority"
    kiosk.tap(window.priority.group_buttons["small_child"])
    yield "choose with priority"
    kiosk.tap(window.choose.line_buttons["E"])
    kiosk.wait_idle()
    yield "ticket"
    ticket = window.ticket.ticket()
    assert ticket is not None
    window.ticket.set_print_state(ticket.id, FAILED)
    yield "ticket, printer trouble"
    window.show_home()
    kiosk.tap(window.home.buttons["help"])
    yield "help confirmation"
    kiosk.tap(window.help_confirm.yes)
    kiosk.wait_idle()
    yield "help notice"
    window.notice.close_overlay()
    window.corner_hold.held.emit()
    yield "exit keypad"
    window.exit_overlay.close_overlay()
    yield from guide_states(kiosk)
    yield from rate_states(kiosk)


def guide_states(kiosk: Kiosk) -> Iterator[str]:
    window = kiosk.window
    window.show_home()
    kiosk.tap(window.home.buttons["guides"])
    screen = window.tile_screen("guides")
    assert isinstance(screen, GuidesScreen)
    yield "guide list"
    shown_info: set[str] = set()
    for guide_id, index in longest_guides(screen):
        kiosk.tap(screen.list.guide_buttons[guide_id])
        screen.step.show_step(index)
        yield f"{guide_id} step {index + 1}"
        if guide_id not in shown_info:
            shown_info.add(guide_id)
            kiosk.tap(screen.step.info)
            yield f"{guide_id} what to bring"
            kiosk.tap(screen.info.back)
        kiosk.tap(screen.step.back)


def rate_states(kiosk: Kiosk) -> Iterator[str]:
    window = kiosk.window
    window.show_home()
    kiosk.tap(window.home.buttons["rate"])
    screen = window.tile_screen("rate")
    assert isinstance(screen, RateScreen)
    yield "rate keypad"
    screen.show_problem(NOT_FINISHED, "A012")
    yield "rate not finished"
    screen.show_scale("A012")
    yield "rate faces"
    screen.stack.setCurrentWidget(screen.reason)
    yield "rate reasons"
    screen.show_thanks()
    yield "rate thanks"
    screen.finish_thanks()


def check(states: Iterator[str], problems: Callable[[], list[str]]) -> list[str]:
    found = []
    for state in states:
        QApplication.processEvents()
        QApplication.processEvents()
        found += [f"{state}: {problem}" for problem in problems()]
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_kiosk_screen_fits_in_both_languages_any_text_size_with_or_without_a_voice(
    make_kiosk: KioskFactory, width: int, height: int
) -> None:
    kiosk = make_kiosk(body=LONG_PLACE, size=(width, height))
    window = kiosk.window
    guides = kiosk.parts.guides
    assert guides is not None
    found = []
    for language in ("vi", "en"):
        for large_text in (False, True):
            for voice in (True, False):
                guides.use_voice(SwitchableVoice(voice))
                kiosk.parts.i18n.set_language(language)
                window.set_large_text(large_text)
                problems = check(
                    kiosk_states(kiosk),
                    lambda: geometry_problems(window, width=width, height=height),
                )
                setting = f"{language}, large text {large_text}, voice {voice}"
                found += [f"{setting}: {problem}" for problem in problems]
    assert not found, "\n".join(found)


def test_a_home_tile_made_100_px_taller_is_found_clipped(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk(size=(1920, 1080))
    window = kiosk.window
    QApplication.processEvents()
    assert geometry_problems(window, width=1920, height=1080) == []
    tile = window.home.buttons["help"]
    tile.setMinimumHeight(tile.height() + 100)
    kiosk.qtbot.wait_until(lambda: tile.height() >= tile.minimumHeight())
    problems = geometry_problems(window, width=1920, height=1080)
    assert any("PictureButton[tile=help]" in p and "clipped" in p for p in problems), problems


def test_a_label_too_narrow_for_its_words_is_found_cut(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk(size=(1920, 1080))
    window = kiosk.window
    window.home.waiting.setWordWrap(False)
    window.home.waiting.setFixedWidth(200)
    QApplication.processEvents()
    problems = geometry_problems(window, width=1920, height=1080)
    assert any(p.startswith("QLabel('Hiện") and "cut" in p for p in problems), problems


def test_a_page_never_shown_that_widens_the_window_is_named(make_kiosk: KioskFactory) -> None:
    # A stack is as wide as its widest page: the culprit may be a page the visitor never sees.
    kiosk = make_kiosk(size=(1920, 1080))
    window = kiosk.window
    QApplication.processEvents()
    assert geometry_problems(window, width=1920, height=1080) == []
    window.help_confirm.yes.setMinimumWidth(2000)
    QApplication.processEvents()
    problems = geometry_problems(window, width=1920, height=1080)
    named = [p for p in problems if "needs at least 2000x" in p]
    assert named and named[0].startswith("QPushButton("), problems
    assert not any("QScrollArea" in p for p in problems), problems  # scrolled content may be tall
