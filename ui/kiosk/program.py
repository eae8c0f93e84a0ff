"""The visitor kiosk as a program of the shell: the home screen first, the rest after its frame.

Before the first paint only Qt, the config and the window with its home screen load
(``build``). After it, the shell starts the loop and the live path and imports the
controllers on the database thread; ``KioskProgram.start`` then adds the other screens and
the controllers. A visitor never waits for start-up work, and the kiosk is back fast after a
power cut.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kiosk.config import Config
from ui.fonts import register_fonts, use_app_font
from ui.i18n import I18n, translate
from ui.kiosk.tiles import HomeTile
from ui.kiosk.window import KioskWindow
from ui.shell import VISITOR, Env, ProgramBase, ProgramSpec, Runtime
from ui.theme import Theme
from ui.widgets.hint_banner import HintBanner
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.geometry_dump import Tour
    from ui.kiosk.controller import KioskController
    from ui.kiosk.guide_controller import GuideController
    from ui.kiosk.guide_speech import Voice
    from ui.ticket_printing import TicketPrinter

GUIDES_TILE = "guides"
RATE_TILE = "rate"


def feature_tiles(*, config: Config, i18n: I18n) -> list[HomeTile]:
    """The tiles of the kiosk's own extra screens: procedure guides and rating.

    Their screens are built after the first frame (``make_screen``): importing them costs more
    start-up time than the whole home screen.
    """

    def guides() -> Screen:
        from ui.kiosk.guide_screen import GuidesScreen

        return GuidesScreen(i18n=i18n)

    def rate() -> Screen:
        from kiosk.domain.ratings import scale_levels
        from ui.rating.rate_screen import RateScreen

        return RateScreen(
            i18n=i18n,
            letters=[line.code for line in config.lines],
            levels=scale_levels(config.ratings.levels),
            counter_names={counter.number: counter.name for counter in config.counters},
            tz=config.site.tz,
            scanner=config.ratings.scanner,
        )

    return [
        HomeTile(
            GUIDES_TILE,
            "guide",
            "neutral",
            lambda: translate("KioskWindow", "Hướng dẫn thủ tục"),
            lambda: translate("KioskWindow", "Cần mang giấy tờ gì, làm thế nào"),
            make_screen=guides,
        ),
        HomeTile(
            RATE_TILE,
            "rating",
            "neutral",
            lambda: translate("KioskWindow", "Đánh giá dịch vụ"),
            lambda: translate("KioskWindow", "Xong việc? Cho chúng tôi biết"),
            make_screen=rate,
        ),
    ]


class KioskProgram(ProgramBase[KioskWindow]):
    """The kiosk window, and once started its controllers; ``close`` undoes it all."""

    def __init__(
        self,
        window: KioskWindow,
        *,
        i18n: I18n,
        printer: TicketPrinter | None = None,
        voice: Voice | None = None,
    ) -> None:
        super().__init__(window, i18n=i18n)
        self._printer = printer
        self._owns_printer = printer is None  # a printer given (tests) is closed by its owner
        self._voice = voice
        self.controller: KioskController | None = None
        self.guides: GuideController | None = None

    @property
    def printer(self) -> TicketPrinter:
        """The ticket printer (made at ``start`` unless one was given)."""
        assert self._printer is not None, "the kiosk is not started"
        return self._printer

    def _start(self, runtime: Runtime) -> None:
        """Add the other screens, make the controllers, install the input filters, start."""
        from ui.ticket_printing import TicketPrinter

        if self._printer is None:
            self._printer = TicketPrinter(config=runtime.config, clock=runtime.clock)
        self.window.add_other_screens()
        self.controller = self._attach(runtime, self._printer)
        self.controller.exit_granted.connect(lambda _helper: runtime.quit(0))
        self.controller.ready.connect(runtime.ready)
        self.window.install_input_filters()
        self.controller.start()

    def _attach(self, runtime: Runtime, printer: TicketPrinter) -> KioskController:
        from ui.kiosk.closing_job import ClosingJob
        from ui.kiosk.controller import KIOSK_SOURCE, Companion, KioskController
        from ui.kiosk.guide_controller import GuideController
        from ui.kiosk.guide_screen import GuidesScreen
        from ui.kiosk.printer_watch import PrinterWatch
        from ui.rating.rate_controller import RateController
        from ui.rating.rate_screen import RateScreen

        window = self.window
        companions: list[Companion] = [
            ClosingJob(runtime=runtime, parent=window),
            PrinterWatch(runtime=runtime, printer=printer, source=KIOSK_SOURCE, parent=window),
        ]
        screen = window.tile_screen(GUIDES_TILE)
        if isinstance(screen, GuidesScreen):
            self.guides = GuideController(
                screen=screen,
                home=window.home,
                runner=runtime.runner,
                printer=printer,
                config=runtime.config,
                i18n=self.i18n,
                voice=self._voice,
            )
            companions.append(self.guides)
        rate = window.tile_screen(RATE_TILE)
        if isinstance(rate, RateScreen):
            companions.append(RateController(screen=rate, runtime=runtime))
            window.scan_reader.scanned.connect(lambda text: self._on_scanned(rate, text))
        controller = KioskController(
            window=window, runtime=runtime, printer=printer, i18n=self.i18n, companions=companions
        )
        if self.guides is not None:
            self.guides.take_number_requested.connect(controller.issue_for_procedure)
        return controller

    def _on_scanned(self, rate: Screen, text: str) -> None:
        """A scanned ticket opens its rating from any screen (not while staff type a PIN)."""
        from ui.rating.rate_screen import RateScreen

        if self.window.exit_overlay.isVisible() or not isinstance(rate, RateScreen):
            return
        self.window.show_tile(RATE_TILE)
        rate.take_scan(text)

    def geometry_tour(self) -> Tour:
        """The screens ``KIOSK_GEOMETRY_DUMP`` checks in the real window."""
        from ui.kiosk.geometry_tour import kiosk_tour

        return kiosk_tour(self)

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        self.window.idle.stop()
        self.window.remove_input_filters()
        if self._printer is not None and self._owns_printer:
            self._printer.close()


def build_window(
    *, env: Env, extra_tiles: Sequence[HomeTile] = (), all_screens: bool = True
) -> tuple[KioskWindow, I18n]:
    """The window at the screen's size, with the shipped font; nothing asynchronous yet.

    With ``all_screens=False`` only the home screen is in the window until
    ``window.add_other_screens()`` (the program's ``start``).
    """
    config, size = env.config, env.size
    theme = Theme(
        width_px=size.width(),
        height_px=size.height(),
        diagonal_inch=config.kiosk.screen_diagonal_inch,
    )
    family = register_fonts()
    use_app_font(env.app, family, theme.font_px(theme.sizes.text_body))
    i18n = I18n(default_language=config.kiosk.language)
    tiles = [*feature_tiles(config=config, i18n=i18n), *extra_tiles]
    window = KioskWindow(config=config, i18n=i18n, clock=env.clock, theme=theme, extra_tiles=tiles)
    window.resize(size)
    if all_screens:
        window.add_other_screens()
    return window, i18n


def build(
    env: Env,
    *,
    printer: TicketPrinter | None = None,
    voice: Voice | None = None,
    extra_tiles: Sequence[HomeTile] = (),
) -> KioskProgram:
    """The kiosk for the shell: only the home screen until it starts.

    ``printer`` and ``voice`` default to the configured printer and the system's Vietnamese
    voice; tests give fakes.
    """
    window, i18n = build_window(env=env, extra_tiles=extra_tiles, all_screens=False)
    return KioskProgram(window, i18n=i18n, printer=printer, voice=voice)


def exit_hint(config: Config, *, pin: str) -> str:
    """How to leave the kiosk, in the current language (the demo says it on the first screen)."""
    corners = {
        "top_right": translate("KioskWindow", "trên bên phải"),
        "top_left": translate("KioskWindow", "trên bên trái"),
        "bottom_right": translate("KioskWindow", "dưới bên phải"),
        "bottom_left": translate("KioskWindow", "dưới bên trái"),
    }
    text = translate(
        "KioskWindow",
        "Bản chạy thử. Để thoát: giữ góc {corner} màn hình {seconds} giây, rồi nhập mã PIN {pin}.",
    )
    kiosk = config.kiosk
    return text.format(corner=corners[kiosk.exit_corner], seconds=f"{kiosk.exit_hold_s:g}", pin=pin)


def build_demo(env: Env, *, pin: str) -> KioskProgram:
    """The kiosk with a banner on its first screen saying how to leave it (``kiosk demo``)."""
    program = build(env)
    banner = HintBanner(lambda: exit_hint(env.config, pin=pin))
    program.window.add_banner(banner)
    return program


SPEC = ProgramSpec(
    name="kiosk",
    policy=VISITOR,
    build=build,
    # Imported on the database thread after the first frame: a module imported for the first
    # time in the middle of a visitor's tap stalled the UI thread for the whole import.
    preload=(
        "ui.kiosk.controller",
        "ui.kiosk.closing_job",
        "ui.kiosk.printer_watch",
        "ui.kiosk.guide_controller",
        "ui.rating.rate_controller",
        "kiosk.services.ratings",
        "kiosk.services.rating_choices",
    ),
)


def demo_spec(pin: str) -> ProgramSpec:
    """The kiosk of ``kiosk demo``: the exit hint shows until a visitor dismisses it."""
    return dataclasses.replace(SPEC, build=lambda env: build_demo(env, pin=pin))
