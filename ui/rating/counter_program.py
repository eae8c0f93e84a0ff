"""A counter's rating tablet as a program of the shell (``kiosk rate --counter N``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.ratings import scale_levels
from ui.fonts import register_fonts, use_app_font
from ui.i18n import I18n
from ui.rating.counter_rate_screen import CounterRateScreen
from ui.shell import VISITOR, Env, ProgramBase, ProgramSpec, Runtime
from ui.stylesheet import build_stylesheet
from ui.theme import Theme

if TYPE_CHECKING:
    from ui.rating.counter_rate_controller import CounterRateController

TABLET_DIAGONAL_INCH = 10.1


class CounterRateProgram(ProgramBase[CounterRateScreen]):
    """The tablet's screen, and once started its controller."""

    def __init__(self, screen: CounterRateScreen, *, i18n: I18n, counter_number: int) -> None:
        super().__init__(screen, i18n=i18n)
        self._counter = counter_number
        self.controller: CounterRateController | None = None

    def _start(self, runtime: Runtime) -> None:
        from ui.rating.counter_rate_controller import CounterRateController

        self.controller = CounterRateController(
            screen=self.window, runtime=runtime, counter_number=self._counter
        )
        self.controller.start()

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()


def build_counter_screen(
    env: Env, *, counter_number: int, i18n: I18n | None = None
) -> CounterRateScreen:
    """The screen for a counter at the tablet's size, with the app font and stylesheet."""
    size, config = env.size, env.config
    theme = Theme(
        width_px=size.width(), height_px=size.height(), diagonal_inch=TABLET_DIAGONAL_INCH
    )
    use_app_font(env.app, register_fonts(), theme.font_px(theme.sizes.text_body))
    env.app.setStyleSheet(build_stylesheet(theme))
    name = next((c.name for c in config.counters if c.number == counter_number), "")
    screen = CounterRateScreen(
        i18n=i18n or I18n(default_language=config.kiosk.language),
        counter_name=name or f"Quầy {counter_number}",
        levels=scale_levels(config.ratings.levels),
    )
    screen.apply_theme(theme)
    screen.resize(size)
    return screen


def build(env: Env, *, counter_number: int) -> CounterRateProgram:
    """The tablet of one counter."""
    i18n = I18n(default_language=env.config.kiosk.language)
    screen = build_counter_screen(env, counter_number=counter_number, i18n=i18n)
    return CounterRateProgram(screen, i18n=i18n, counter_number=counter_number)


def spec(counter_number: int) -> ProgramSpec:
    """The rating tablet of a counter; the server sees it as ``rate-3@PC-NAME``."""
    return ProgramSpec(
        name=f"rate-{counter_number}",
        policy=VISITOR,
        build=lambda env: build(env, counter_number=counter_number),
        preload=("ui.rating.counter_rate_controller",),
    )
