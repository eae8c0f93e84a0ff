"""Render the desk console and the calling display to PNG, offscreen, on a demo morning.

``kiosk screenshots`` calls ``render_desk_and_display_screens``; each size and language gets
a fresh temporary SQLite database seeded by ``demo_data.seed_morning`` at a fixed clock, and
the states are reached by tapping through the real screens and controllers.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Config, load_config
from kiosk.domain.clock import FixedClock

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

# Called with the window and the state's name before each picture (the geometry tests).
OnShot = Callable[[QWidget, str], None]

DEFAULT_SIZES = ((1920, 1080), (1366, 768))
EXAMPLE_NOTICE = "Nghỉ trưa 11:30–13:30. Tra cứu hồ sơ tại dichvucong.gov.vn."


def _base_config(folder: Path) -> Config:
    path = folder / "config.toml"
    path.write_text("", encoding="utf-8")
    return load_config(str(path), env={})


def render_desk_and_display_screens(
    out_dir: Path,
    sizes: Sequence[tuple[int, int]] = DEFAULT_SIZES,
    language: str = "vi",
    *,
    config: Config | None = None,
    on_shot: OnShot | None = None,
) -> list[Path]:
    """Write the desk's and the display's screens as PNG files; returns the files written.

    ``on_shot(window, name)`` is called on every state just before its picture is taken (the
    geometry tests check each one there).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from ui.screenshots import quiet_offscreen_warnings

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with quiet_offscreen_warnings():
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        try:
            for width, height in sizes:
                prefix = out_dir / f"{width}x{height}-{language}"
                with tempfile.TemporaryDirectory() as tmp:
                    written += _render_size(
                        app,
                        loop,
                        config,
                        Path(tmp),
                        QSize(width, height),
                        language,
                        prefix,
                        on_shot,
                    )
        finally:
            asyncio.events._set_running_loop(None)  # WORKAROUND: qasync has no "stop" here
    return written


def _render_size(
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    config: Config | None,
    folder: Path,
    size: QSize,
    language: str,
    prefix: Path,
    on_shot: OnShot | None,
) -> list[Path]:
    from kiosk.services.context import bootstrap
    from ui.desk.demo_data import seed_morning
    from ui.screenshots import SCREENSHOT_TIME, screenshot_config

    shot_config = screenshot_config(config or _base_config(folder), folder)
    clock = FixedClock(SCREENSHOT_TIME)
    ctx = bootstrap(shot_config, clock=clock)
    try:
        morning = seed_morning(ctx, clock)
        steps = _Steps(language, prefix, on_shot)
        written = _render_desk(
            app, loop, ctx, clock, size, steps, morning.manager_id, morning.staff_pin
        )
        written += _render_display(app, loop, ctx, clock, size, steps)
    finally:
        ctx.db.dispose()
    return written


@dataclass(frozen=True)
class _Steps:
    """What every rendered state shares: the language, the file prefix, the check."""

    language: str
    prefix: Path
    on_shot: OnShot | None


def _shooter(
    window: QWidget,
    idle: Callable[[], bool],
    prefix: Path,
    written: list[Path],
    on_shot: OnShot | None = None,
) -> Callable[[str], None]:
    from ui.screenshots import spin_until

    def shot(name: str) -> None:
        spin_until(idle)
        QApplication.processEvents()
        if on_shot is not None:
            on_shot(window, name)
        path = prefix.with_name(f"{prefix.name}-{name}.png")
        window.grab().save(str(path))
        written.append(path)

    return shot


def _render_desk(
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    ctx: AppContext,
    clock: FixedClock,
    size: QSize,
    steps: _Steps,
    manager_id: int,
    pin: str,
) -> list[Path]:
    from escpos.printer import Dummy

    from printing.worker import PrinterWorker
    from ui.desk.program import build as build_desk
    from ui.desk.screenshot_steps import desk_steps
    from ui.screenshots import spin_until
    from ui.shell import Env, Runtime
    from ui.ticket_printing import TicketPrinter

    config = ctx.config
    worker = PrinterWorker(Dummy, width_dots=config.printer.width_dots, timeout_s=5.0)
    printer = TicketPrinter(config=config, clock=clock, worker=worker)
    program = build_desk(Env(app=app, config=config, clock=clock, size=size), printer=printer)
    runtime = Runtime.over_context(ctx, loop=loop)
    written: list[Path] = []
    try:
        program.i18n.set_language(steps.language)
        program.window.show()
        ready: list[bool] = []
        program.start(runtime)
        assert program.controller is not None
        program.controller.ready.connect(lambda: ready.append(True))
        spin_until(lambda: bool(ready))
        shot = _shooter(
            program.window, runtime.runner.is_idle, steps.prefix, written, steps.on_shot
        )
        desk_steps(program, shot, manager_id=manager_id, pin=pin)
    finally:
        program.close()
        runtime.close()
        spin_until(runtime.runner.is_idle)
        worker.close()
    return written


def _render_display(
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    ctx: AppContext,
    clock: FixedClock,
    size: QSize,
    steps: _Steps,
) -> list[Path]:
    from kiosk.services import calling
    from kiosk.services.context import Actor
    from ui.display.program import build as build_display
    from ui.display.speech import Silence
    from ui.screenshots import spin_until
    from ui.shell import Env, Runtime

    config = ctx.config
    if not config.display.notice:  # show the notice strip with an example
        config = dataclasses.replace(
            config, display=dataclasses.replace(config.display, notice=EXAMPLE_NOTICE)
        )
    env = Env(app=app, config=config, clock=clock, size=size)
    program = build_display(env, speech=Silence(), chime=Silence())
    runtime = Runtime.over_context(dataclasses.replace(ctx, config=config), loop=loop)
    written: list[Path] = []
    try:
        program.i18n.set_language(steps.language)
        program.screen.show()
        ready: list[bool] = []
        program.start(runtime)
        controller = program.controller
        assert controller is not None
        controller.ready.connect(lambda: ready.append(True))
        spin_until(lambda: bool(ready))
        shot = _shooter(
            program.screen, runtime.runner.is_idle, steps.prefix, written, steps.on_shot
        )
        shot("display-01-calling")
        # Counter 1 still has the desk screenshots' ticket: a recall is a new call to show.
        snapshot = controller.snapshot()
        assert snapshot is not None
        current = next(c.current for c in snapshot.counters if c.number == 1)
        assert current is not None
        clock.advance(seconds=30)
        calling.recall(ctx, ticket_id=current.id, actor=Actor("screenshots"))
        runtime.runner.start(controller.refresh())
        spin_until(lambda: bool(program.screen.board.lit()))
        program.screen.board.stop()  # keep it lit for the picture
        shot("display-02-new-call")
        runtime.live.set_link(False)  # the board stays, with a mark beside the clock
        spin_until(lambda: not program.screen.link.is_link_up())
        shot("display-03-link-down")
    finally:
        program.close()
        runtime.close()
        spin_until(runtime.runner.is_idle)
    return written
