"""The village point as a program of the shell (``kiosk village``): a maximized touch window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.fonts import register_fonts, use_app_font
from ui.shell import STAFF, Env, ProgramBase, ProgramSpec, Runtime
from ui.staff.i18n import DESK_TS_PREFIX, VILLAGE_TS_PREFIX, DeskI18n
from ui.village.look import village_theme
from ui.village.window import VillageWindow

if TYPE_CHECKING:
    from ui.village.controller import VillageController


class VillageProgram(ProgramBase[VillageWindow]):
    """The window, and once started its controller."""

    controller: VillageController | None = None

    def _start(self, runtime: Runtime) -> None:
        from ui.village.controller import VillageController

        self.controller = VillageController(window=self.window, runtime=runtime)
        self.controller.ready.connect(runtime.ready)
        self.controller.start()

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        self.window.minutes.stop()


def build(env: Env) -> VillageProgram:
    """The village window for the screen; nothing touches the database until it starts."""
    theme = village_theme(env.size.width(), env.size.height())
    use_app_font(env.app, register_fonts(), theme.font_px(theme.sizes.text_body))
    i18n = DeskI18n(
        default_language=env.config.kiosk.language, prefixes=(DESK_TS_PREFIX, VILLAGE_TS_PREFIX)
    )
    window = VillageWindow(config=env.config, i18n=i18n, clock=env.clock, theme=theme)
    window.resize(env.size)
    return VillageProgram(window, i18n=i18n)


SPEC = ProgramSpec(name="village", policy=STAFF, build=build, preload=("ui.village.controller",))
