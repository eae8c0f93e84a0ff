"""Render every visitor screen to PNG, offscreen, on demo data and a fixed clock.

Used by ``kiosk screenshots DIR`` and by the tests. The states are driven the way a visitor
would (taps through the real controller), with a fake printer that can be told to fail.
"""

from __future__ import annotations

import asyncio
import dataclasses
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.domain.clock import FixedClock
from ui.kiosk.notice_overlay import ERROR, HELP_SENT
from ui.kiosk.print_state import PRINTING
from ui.kiosk.program import KioskProgram
from ui.kiosk.program import build as build_kiosk
from ui.kiosk.window import KioskWindow
from ui.manager.window import ManagerWindow
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter

# Monday 09:00 in Vietnam: a busy morning.
SCREENSHOT_TIME = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXAMPLE_COMMUNE = ("Xã Đức Phong", "Tỉnh Quảng Ngãi")
WAIT_S = 20.0


class SwitchablePrinter:
    """Makes in-memory printers that print, or fail like a printer that is out of paper."""

    def __init__(self) -> None:
        self.broken = False

    def __call__(self) -> Any:
        from escpos.printer import Dummy

        owner = self

        class _Printer(Dummy):  # type: ignore[misc]  # python-escpos has no type hints
            def _raw(self, msg: bytes) -> None:
                if owner.broken:
                    raise OSError("paper out (screenshot)")
                super()._raw(msg)

        return _Printer()


def screenshot_config(config: Config, folder: Path) -> Config:
    """The config on a fresh SQLite file in ``folder``, with an example commune if none is set."""
    site = config.site
    if not site.commune:
        site = dataclasses.replace(site, commune=EXAMPLE_COMMUNE[0], province=EXAMPLE_COMMUNE[1])
    printer = dataclasses.replace(config.printer, kind="dummy", spool_dir=folder / "spool")
    return dataclasses.replace(
        config,
        site=site,
        printer=printer,
        database_url=f"sqlite:///{folder / 'screenshots.sqlite3'}",
    )


def spin_until(predicate: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    """Process Qt events until ``predicate`` is true; ``TimeoutError`` after ``timeout_s``."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not reach the expected state")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)  # let worker threads run; this is a tool, not a test


@contextmanager
def quiet_offscreen_warnings() -> Iterator[None]:
    """WORKAROUND: Qt's offscreen plugin warns on every top-level layout change."""

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message and kind != QtMsgType.QtDebugMsg:
            print(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def render_screenshots(
    out_dir: Path,
    *,
    config: Config,
    sizes: Sequence[tuple[int, int]],
    languages: Sequence[str],
    guides: Sequence[str] = (),
) -> list[Path]:
    """Write one PNG per screen state, size and language; returns the files written.

    ``guides`` are the guide ids whose every step is rendered (``all`` for every guide loaded,
    the shipped and the commune's own); by default two of them. An id that did not load is
    a ``NotFoundError`` naming the ids that did.
    """
    import qasync

    from kiosk.services.context import bootstrap
    from kiosk.services.demo import seed_demo
    from printing.worker import PrinterWorker

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with quiet_offscreen_warnings(), tempfile.TemporaryDirectory() as tmp:
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        shot_config = screenshot_config(config, Path(tmp))
        clock = FixedClock(SCREENSHOT_TIME)
        ctx = bootstrap(shot_config, clock=clock)
        seed_demo(ctx)
        switch = SwitchablePrinter()
        worker = PrinterWorker(switch, width_dots=shot_config.printer.width_dots, timeout_s=5.0)
        printer = TicketPrinter(config=shot_config, clock=clock, worker=worker)
        try:
            written += _render_manager(out_dir, app=app, loop=loop, ctx=ctx)
            for language in languages:
                for width, height in sizes:
                    env = Env(app=app, config=shot_config, clock=clock, size=QSize(width, height))
                    program = build_kiosk(env, printer=printer)
                    runtime = Runtime.over_context(ctx, loop=loop)
                    try:
                        prefix = out_dir / f"{width}x{height}-{language}"
                        shown = tuple(guides) or GUIDES_SHOWN
                        written += _render_states(program, runtime, switch, language, prefix, shown)
                    finally:
                        program.close()
                        runtime.close()
                        spin_until(runtime.runner.is_idle)
        finally:
            worker.close()
            ctx.db.dispose()
            asyncio.events._set_running_loop(None)  # WORKAROUND: qasync has no "stop" here
    return written


def _render_states(
    program: KioskProgram,
    runtime: Runtime,
    switch: SwitchablePrinter,
    language: str,
    prefix: Path,
    guides: Sequence[str],
) -> list[Path]:
    from kiosk.demo import DEMO_STAFF_PIN

    window = program.window
    written: list[Path] = []

    def shot(name: str) -> None:
        spin_until(runtime.runner.is_idle)
        QApplication.processEvents()
        path = prefix.with_name(f"{prefix.name}-{name}.png")
        window.grab().save(str(path))
        written.append(path)

    window.show()
    ready: list[bool] = []
    program.start(runtime)
    assert program.controller is not None
    program.controller.ready.connect(lambda: ready.append(True))
    spin_until(lambda: bool(ready))
    program.i18n.set_language(language)
    shot("01-home")
    window.set_large_text(True)
    shot("02-home-large-text")
    window.set_large_text(False)
    window.home.buttons["take_number"].click()
    shot("03-choose")
    window.choose.priority_bar.click()
    shot("04-priority")
    next(iter(window.priority.group_buttons.values())).click()
    shot("05-choose-priority")
    window.choose.priority_bar.click()  # back to a regular ticket
    switch.broken = False
    next(iter(window.choose.line_buttons.values())).click()
    shot("07-ticket-printed")
    ticket = window.ticket.ticket()
    assert ticket is not None
    window.ticket.show_ticket(ticket, priority_name=None)
    window.ticket.set_print_state(ticket.id, PRINTING)
    shot("06-ticket-printing")
    window.show_choose()
    switch.broken = True
    next(iter(window.choose.line_buttons.values())).click()
    shot("08-ticket-printer-trouble")
    switch.broken = False
    window.show_home()
    window.home.buttons["help"].click()
    shot("09-help-confirm")
    window.help_confirm.yes.click()
    shot("09-help-requested")
    window.notice.close_overlay()
    window.corner_hold.held.emit()
    for digit in "1357":
        window.exit_overlay.keypad.press(digit)
    shot("10-exit-pin")
    window.exit_overlay.keypad.press("ok")
    shot("11-exit-pin-wrong")
    assert window.exit_overlay.message_kind() == "wrong"
    # The right PIN resets the keypad's wrong tries, which the database keeps: without it
    # the fifth size or language would show a locked keypad here.
    for digit in [*DEMO_STAFF_PIN, "ok"]:
        window.exit_overlay.keypad.press(digit)
    spin_until(runtime.runner.is_idle)
    window.exit_overlay.close_overlay()
    window.notice.show_notice(ERROR, close_after_s=60)
    shot("12-error")
    window.notice.close_overlay()
    window.set_large_text(True)
    window.show_choose()
    shot("13-choose-large-text")
    window.show_ticket_screen()
    shot("14-ticket-large-text")
    window.show_priority()
    shot("15-priority-large-text")
    window.set_large_text(False)
    assert window.notice.kind() in (ERROR, HELP_SENT)
    _guide_states(window, shot, guides)
    _rate_states(window, shot)
    runtime.live.set_link(False)  # what a visitor sees while the database is out of reach
    spin_until(lambda: runtime.live.up is False)
    shot("16-home-link-down")
    runtime.live.set_link(True)
    return written


GUIDES_SHOWN = ("kich-hoat-vneid", "khai-sinh")


def _guide_states(window: KioskWindow, shot: Callable[[str], None], guides: Sequence[str]) -> None:
    """The guide list, every step of the chosen guides and their "what to bring" pages."""
    from kiosk.domain.errors import NotFoundError
    from ui.kiosk.guide_screen import GuidesScreen

    screen = window.tile_screen("guides")
    assert isinstance(screen, GuidesScreen)
    loaded = screen.list.guide_ids()
    chosen = loaded if "all" in guides else list(guides)
    if missing := [guide_id for guide_id in chosen if guide_id not in loaded]:
        raise NotFoundError(
            "No guide {missing} (loaded: {loaded})",
            missing=", ".join(missing),
            loaded=", ".join(loaded),
        )
    window.show_home()
    window.home.buttons["guides"].click()
    shot("20-guides")
    # "21-guide-NN-…": every guide's pages sort between the list (20) and the rating (30+).
    for number, guide_id in enumerate(chosen, start=1):
        screen.list.guide_buttons[guide_id].click()
        guide = screen.step.guide()
        assert guide is not None
        for index in range(len(guide.steps)):
            screen.step.show_step(index)
            shot(f"21-guide-{number:02d}-{guide_id}-step-{index + 1}")
        screen.step.next.click()
        shot(f"21-guide-{number:02d}-{guide_id}-bring")
        screen.show_list()


def _rate_states(window: KioskWindow, shot: Callable[[str], None]) -> None:
    """The visits just ended, the rating keypad (with a problem), the faces, reasons, thanks."""
    from kiosk.domain.recent_visits import RecentVisit
    from ui.rating.rate_number_screen import NOT_FINISHED
    from ui.rating.rate_screen import RateScreen

    window.show_home()
    window.home.buttons["rate"].click()
    screen = window.tile_screen("rate")
    assert isinstance(screen, RateScreen)
    ended = datetime(2026, 11, 23, 2, 10, tzinfo=UTC)
    visits = [RecentVisit(1, 1, "A012", ended, False), RecentVisit(2, 3, "E004", ended, False)]
    screen.visits.set_visits(visits)
    screen.stack.setCurrentWidget(screen.visits)
    shot("29-rate-visits")
    screen.stack.setCurrentWidget(screen.number)
    for key in "A12":
        screen.number.press(key)
    shot("30-rate-number")
    screen.show_problem(NOT_FINISHED, "A012")
    shot("31-rate-not-finished")
    screen.show_scale("A012")
    shot("32-rate-scale")
    screen.stack.setCurrentWidget(screen.reason)
    shot("33-rate-reason")
    screen.stack.setCurrentWidget(screen.thanks)
    shot("34-rate-thanks")
    window.show_home()


MANAGER_SIZES = ((1366, 768), (1920, 1080), (1080, 1920))


def _shows_summary(window: ManagerWindow) -> bool:
    return window.stack.currentWidget() is window.summary


def _render_manager(
    out_dir: Path, *, app: QApplication, loop: asyncio.AbstractEventLoop, ctx: Any
) -> list[Path]:
    """The manager's gate and today's summary on the demo data, at desk PC sizes and portrait."""
    from kiosk.domain.enums import HelperRole
    from kiosk.services.context import Actor
    from kiosk.services.demo import DEMO_MANAGER_PIN
    from kiosk.services.helpers import add_helper
    from kiosk.services.roster import who_can_sign_in
    from ui.manager.program import build as build_manager

    written: list[Path] = []
    manager = next(iter(who_can_sign_in(ctx, role=HelperRole.MANAGER)), None)
    if manager is None:  # the demo has none: the screenshots' own database gets one
        manager = add_helper(
            ctx,
            name="Lãnh Đạo Xã",
            kind="staff",
            role="manager",
            pin=DEMO_MANAGER_PIN,
            actor=Actor("screenshots"),
        )
    for width, height in MANAGER_SIZES:
        env = Env(app=app, config=ctx.config, clock=ctx.clock, size=QSize(width, height))
        program = build_manager(env)
        runtime = Runtime.over_context(ctx, loop=loop)
        window = program.window
        try:
            window.show()
            program.start(runtime)
            spin_until(runtime.runner.is_idle)
            path = out_dir / f"{width}x{height}-vi-40-manager-gate.png"
            window.grab().save(str(path))
            written.append(path)
            window.gate.choose(manager.id)  # the manager's PIN, as a tap would type it
            window.gate.pin_submitted.emit(manager.id, DEMO_MANAGER_PIN)
            spin_until(partial(_shows_summary, window))
            spin_until(runtime.runner.is_idle)
            QApplication.processEvents()
            path = out_dir / f"{width}x{height}-vi-41-manager-summary.png"
            window.grab().save(str(path))
            written.append(path)
        finally:
            program.close()
            runtime.close()
            spin_until(runtime.runner.is_idle)
    return written
