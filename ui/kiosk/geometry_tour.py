"""The kiosk's screens for ``KIOSK_GEOMETRY_DUMP``: every visitor screen, in both languages.

Both text sizes, and the guide step with the most words; no ticket is taken (the database is
real).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.geometry_dump import Tour

if TYPE_CHECKING:
    from ui.kiosk.program import KioskProgram


def kiosk_tour(program: KioskProgram) -> Tour:
    """Drive the kiosk's window through its screens; yields each state's name (None: wait)."""
    from ui.kiosk.guide_screen import GuidesScreen
    from ui.rating.rate_screen import RateScreen

    window = program.window
    guides = window.tile_screen("guides")
    while isinstance(guides, GuidesScreen) and not guides.list.guide_ids():
        yield None  # the guides load in the background
    for language in ("vi", "en"):
        for large_text in (False, True):
            program.i18n.set_language(language)
            window.set_large_text(large_text)
            setting = f"{language}{' large' if large_text else ''}"
            window.show_home()
            yield f"{setting} home"
            window.ask_for_help()
            yield f"{setting} help confirmation"
            window.help_confirm.close_overlay()
            window.show_choose()
            yield f"{setting} choose"
            if "priority" in window.home.buttons:
                window.show_priority()
                yield f"{setting} priority"
            if isinstance(guides, GuidesScreen):
                window.home.buttons["guides"].click()
                yield f"{setting} guide list"
                guide_id, index = _longest_step(guides)
                guides.list.guide_buttons[guide_id].click()
                guides.step.show_step(index)
                yield f"{setting} guide {guide_id} step {index + 1}"
                guides.step.info.click()
                yield f"{setting} guide {guide_id} what to bring"
                guides.show_list()
            rate = window.tile_screen("rate")
            if isinstance(rate, RateScreen):
                window.home.buttons["rate"].click()
                yield f"{setting} rate keypad"
                rate.show_scale("A012")
                yield f"{setting} rate faces"
                rate.show_thanks()
                yield f"{setting} rate thanks"
                rate.finish_thanks()
    window.set_large_text(False)
    program.i18n.set_language("vi")
    window.show_home()


def _longest_step(screen: object) -> tuple[str, int]:
    from ui.kiosk.guide_screen import GuidesScreen

    assert isinstance(screen, GuidesScreen)
    best, length = ("", 0), -1
    for guide_id in screen.list.guide_ids():
        guide = screen.guide(guide_id)
        assert guide is not None
        for index, step in enumerate(guide.steps):
            words = len(step.text.vi) + len(step.text.en or "") + len(step.explained.vi)
            if words > length:
                best, length = (guide_id, index), words
    return best
