"""The desk console as a program of the shell: a maximized window on a desk PC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.desk.window import DeskWindow
from ui.fonts import register_fonts, use_app_font
from ui.shell import STAFF, Env, ProgramBase, ProgramSpec, Runtime
from ui.staff.i18n import DeskI18n
from ui.staff.look import desk_theme

if TYPE_CHECKING:
    from ui.desk.controller import DeskController
    from ui.ticket_printing import TicketPrinter


class DeskProgram(ProgramBase[DeskWindow]):
    """The console window, and once started its controller."""

    def __init__(
        self,
        window: DeskWindow,
        *,
        i18n: DeskI18n,
        counter: int | None,
        printer: TicketPrinter | None = None,
    ) -> None:
        super().__init__(window, i18n=i18n)
        self._counter = counter
        self._printer = printer
        self._owns_printer = printer is None  # a printer given (tests) is closed by its owner
        self.controller: DeskController | None = None

    def _start(self, runtime: Runtime) -> None:
        """Make the controller and its flows; show the staff names once the database answers."""
        from ui.desk.controller import DeskController
        from ui.ticket_printing import TicketPrinter

        if self._printer is None:
            self._printer = TicketPrinter(config=runtime.config, clock=runtime.clock)
        self.controller = DeskController(
            window=self.window,
            runtime=runtime,
            printer=self._printer,
            counter=self._counter,
        )
        self.controller.ready.connect(runtime.ready)
        self.controller.start()

    async def before_quit(self) -> None:
        """Someone still signed in: their counter closes on the way out."""
        if self.controller is not None:
            await self.controller.close_counter_on_exit()

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        self.window.minutes.stop()
        if self._printer is not None and self._owns_printer:
            self._printer.close()


def build(
    env: Env, *, counter: int | None = None, printer: TicketPrinter | None = None
) -> DeskProgram:
    """The desk console for a monitor size; nothing touches the database until it starts.

    ``counter`` fixes this PC's counter (otherwise staff choose one when signing in).
    """
    theme = desk_theme(env.size.width(), env.size.height())
    use_app_font(env.app, register_fonts(), theme.font_px(theme.sizes.text_body))
    i18n = DeskI18n(default_language=env.config.kiosk.language)
    window = DeskWindow(config=env.config, i18n=i18n, clock=env.clock, theme=theme)
    window.resize(env.size)
    return DeskProgram(window, i18n=i18n, counter=counter, printer=printer)


def spec(counter: int | None) -> ProgramSpec:
    """The desk program; the server sees it as ``desk-2@PC-NAME`` (``desk@...`` unfixed)."""
    return ProgramSpec(
        name="desk" if counter is None else f"desk-{counter}",
        policy=STAFF,
        build=lambda env: build(env, counter=counter),
        preload=("ui.desk.controller",),
    )
