"""The manager's summary window as a program of the shell (``kiosk manager``), on a desk PC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.fonts import register_fonts, use_app_font
from ui.i18n import I18n
from ui.manager.window import ManagerWindow
from ui.shell import STAFF, Env, ProgramBase, ProgramSpec, Runtime
from ui.theme import Theme

if TYPE_CHECKING:
    from ui.manager.controller import ManagerController

DESK_PC_DIAGONAL_INCH = 21.5


class ManagerProgram(ProgramBase[ManagerWindow]):
    """The window, and once started its controller."""

    controller: ManagerController | None = None

    def _start(self, runtime: Runtime) -> None:
        from ui.manager.controller import ManagerController

        self.controller = ManagerController(window=self.window, runtime=runtime)
        self.controller.start()

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()


def build(env: Env) -> ManagerProgram:
    """The manager window for a desk PC's screen."""
    size = env.size
    theme = Theme(
        width_px=size.width(), height_px=size.height(), diagonal_inch=DESK_PC_DIAGONAL_INCH
    )
    use_app_font(env.app, register_fonts(), theme.font_px(theme.sizes.text_body))
    window = ManagerWindow(theme=theme)
    window.resize(size)
    return ManagerProgram(window, i18n=I18n())  # the report is in Vietnamese only


SPEC = ProgramSpec(name="manager", policy=STAFF, build=build, preload=("ui.manager.controller",))
