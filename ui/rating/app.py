"""Start a counter's rating screen (``kiosk rate --counter N``): fullscreen on a small tablet."""

from __future__ import annotations

import asyncio
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from kiosk.domain.ratings import scale_levels
from ui.fonts import register_fonts, use_app_font
from ui.i18n import I18n
from ui.rating.counter_rate_controller import CounterRateBackend, CounterRateController
from ui.rating.counter_rate_screen import CounterRateScreen
from ui.runtime import show_kiosk_window
from ui.stylesheet import build_stylesheet
from ui.tasks import TaskRunner
from ui.theme import Theme

TABLET_DIAGONAL_INCH = 10.1


def build_counter_screen(
    *, app: QApplication, config: Config, counter_number: int, width_px: int, height_px: int
) -> CounterRateScreen:
    """The screen for a counter at a size, with the app font and stylesheet."""
    theme = Theme(width_px=width_px, height_px=height_px, diagonal_inch=TABLET_DIAGONAL_INCH)
    use_app_font(app, register_fonts(), theme.font_px(theme.sizes.text_body))
    app.setStyleSheet(build_stylesheet(theme))
    name = next((c.name for c in config.counters if c.number == counter_number), "")
    screen = CounterRateScreen(
        i18n=I18n(default_language=config.kiosk.language),
        counter_name=name or f"Quầy {counter_number}",
        levels=scale_levels(config.ratings.levels),
    )
    screen.apply_theme(theme)
    screen.resize(width_px, height_px)
    return screen


def run_counter_rating(config: Config, counter_number: int, *, clock: Clock = system_clock) -> int:
    """Run a counter's rating screen until the process is stopped."""
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    size = app.primaryScreen().geometry().size()
    screen = build_counter_screen(
        app=app,
        config=config,
        counter_number=counter_number,
        width_px=size.width(),
        height_px=size.height(),
    )
    backend = CounterRateBackend(config, clock=clock, counter_number=counter_number)
    runners: list[TaskRunner] = []

    def start() -> None:
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        runner = TaskRunner(loop=loop)
        runners.append(runner)
        CounterRateController(screen=screen, runner=runner, backend=backend).start()

    show_kiosk_window(app, screen, show_cursor=config.kiosk.show_cursor)
    QTimer.singleShot(0, start)
    try:
        return int(app.exec())
    finally:
        for runner in runners:
            runner.close()
