"""Putting the kiosk together: theme, font, language and window, then runner and controller.

Two steps so ``kiosk run`` can paint the home screen before asyncio, qasync and the core load
(``build_window``, then ``attach_controller`` after the first frame); ``build_kiosk`` does
both at once for the screenshots and the tests, so they all show the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock
from ui.fonts import register_fonts, use_app_font
from ui.i18n import I18n, translate
from ui.kiosk.backend import KioskBackend
from ui.kiosk.tiles import HomeTile
from ui.kiosk.window import KioskWindow
from ui.runtime import prefer_ui_thread
from ui.theme import Theme
from ui.ticket_printing import TicketPrinter
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    import asyncio

    from ui.kiosk.controller import KioskController
    from ui.kiosk.guide_controller import GuideController
    from ui.kiosk.guide_speech import Voice
    from ui.tasks import TaskRunner


@dataclass(frozen=True)
class KioskParts:
    """Everything the kiosk is made of; ``close`` undoes it."""

    app: QApplication
    window: KioskWindow
    controller: KioskController
    runner: TaskRunner
    i18n: I18n
    backend: KioskBackend
    printer: TicketPrinter
    guides: GuideController | None = None

    def close(self) -> None:
        """Stop tasks and timers, remove the input filters, close the window for good."""
        self.controller.stop()
        self.runner.close()
        self.window.idle.stop()
        self.window.remove_input_filters()
        self.i18n.set_language("vi")
        self.window.allow_close()
        self.window.close()
        self.window.deleteLater()


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


def build_window(
    *,
    app: QApplication,
    config: Config,
    clock: Clock,
    size: QSize,
    extra_tiles: Sequence[HomeTile] = (),
    all_screens: bool = True,
) -> tuple[KioskWindow, I18n]:
    """The window at a screen size, with the shipped font; nothing asynchronous yet.

    With ``all_screens=False`` only the home screen is in the window until
    ``window.add_other_screens()`` (``kiosk run`` calls it after the first frame).
    """
    theme = Theme(
        width_px=size.width(),
        height_px=size.height(),
        diagonal_inch=config.kiosk.screen_diagonal_inch,
    )
    family = register_fonts()
    use_app_font(app, family, theme.font_px(theme.sizes.text_body))
    i18n = I18n(default_language=config.kiosk.language)
    tiles = [*feature_tiles(config=config, i18n=i18n), *extra_tiles]
    window = KioskWindow(config=config, i18n=i18n, clock=clock, theme=theme, extra_tiles=tiles)
    window.resize(size)
    if all_screens:
        window.add_other_screens()
    return window, i18n


def attach_controller(
    *,
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    window: KioskWindow,
    i18n: I18n,
    backend: KioskBackend,
    printer: TicketPrinter,
    voice: Voice | None = None,
) -> KioskParts:
    """The task runner and the controllers for a window; ``controller.start()`` is left to you.

    ``voice`` reads guide steps aloud; by default the system's Vietnamese voice, if any.
    """
    from ui.kiosk.closing_job import ClosingJob
    from ui.kiosk.controller import Companion, KioskController
    from ui.kiosk.guide_controller import GuideController
    from ui.kiosk.guide_screen import GuidesScreen
    from ui.kiosk.printer_watch import PrinterWatch
    from ui.rating.rate_controller import RateController
    from ui.rating.rate_screen import RateScreen
    from ui.tasks import TaskRunner

    prefer_ui_thread()
    runner = TaskRunner(loop=loop)
    guides = None
    screen = window.tile_screen(GUIDES_TILE)
    if isinstance(screen, GuidesScreen):
        guides = GuideController(
            screen=screen,
            home=window.home,
            runner=runner,
            printer=printer,
            config=backend.config,
            i18n=i18n,
            voice=voice,
        )
    companions: list[Companion] = [
        ClosingJob(runner=runner, backend=backend, parent=window),
        PrinterWatch(runner=runner, backend=backend, printer=printer, parent=window),
    ]
    if guides is not None:
        companions.append(guides)
    rate = window.tile_screen(RATE_TILE)
    if isinstance(rate, RateScreen):
        companions.append(RateController(screen=rate, runner=runner, backend=backend))
    controller = KioskController(
        window=window,
        runner=runner,
        backend=backend,
        printer=printer,
        i18n=i18n,
        companions=companions,
    )
    if guides is not None:
        guides.take_number_requested.connect(controller.issue_for_procedure)
    window.install_input_filters()
    return KioskParts(app, window, controller, runner, i18n, backend, printer, guides)


def build_kiosk(
    *,
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    config: Config,
    backend: KioskBackend,
    printer: TicketPrinter,
    clock: Clock,
    size: QSize,
    extra_tiles: Sequence[HomeTile] = (),
    voice: Voice | None = None,
) -> KioskParts:
    """Window and controller at once; nothing touches the database until ``start``."""
    window, i18n = build_window(
        app=app, config=config, clock=clock, size=size, extra_tiles=extra_tiles
    )
    return attach_controller(
        app=app,
        loop=loop,
        window=window,
        i18n=i18n,
        backend=backend,
        printer=printer,
        voice=voice,
    )
