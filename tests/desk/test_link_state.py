"""The desk, the TV, the manager and the rating tablet say when the database is out of reach."""

from __future__ import annotations

import asyncio

from escpos.printer import Dummy
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.services.context import AppContext
from kiosk.services.tickets import issue_ticket
from printing.worker import PrinterWorker
from tests.desk.conftest import Desk, Staff
from ui.desk.program import build as build_desk
from ui.manager.program import build as build_manager
from ui.rating.counter_program import build as build_rating
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter

LINK_DOWN = "Mất kết nối máy chủ, đang thử lại…"


def set_link(qtbot: QtBot, runtime: Runtime, up: bool) -> None:
    runtime.live.set_link(up)
    qtbot.wait_until(lambda: runtime.live.up is up, timeout=5_000)
    qtbot.wait_until(runtime.runner.is_idle, timeout=5_000)


def test_the_desk_shows_a_banner_and_greys_the_queue_until_the_link_is_back(
    desk: Desk, staff: Staff
) -> None:
    desk.sign_in(staff.officer)
    queue, banner = desk.window.queue, desk.window.link
    assert banner.isHidden() and queue.is_live()
    set_link(desk.qtbot, desk.runtime, False)
    assert not banner.isHidden() and banner.text.text() == LINK_DOWN
    assert not queue.is_live()
    assert not queue.current.buttons["call_next"].isEnabled()
    ticket = issue_ticket(desk.ctx, line_code="A")  # meanwhile, at the kiosk
    set_link(desk.qtbot, desk.runtime, True)
    assert banner.isHidden() and queue.is_live()
    assert ticket.id in queue.waiting.rows  # read again as the link came back
    assert queue.current.buttons["call_next"].isEnabled()


def test_the_banner_shows_on_the_sign_in_screen_too(desk: Desk, staff: Staff) -> None:
    assert desk.window.current_screen() is desk.window.staff
    set_link(desk.qtbot, desk.runtime, False)
    assert desk.window.link.isVisible()


def test_the_manager_and_the_rating_tablet_show_it_as_well(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, desk_ctx: AppContext
) -> None:
    config, clock = desk_ctx.config, desk_ctx.clock
    manager = build_manager(Env(app=qapp, config=config, clock=clock, size=QSize(1366, 768)))
    tablet = build_rating(Env(qapp, config, clock, QSize(1280, 800)), counter_number=1)
    runtimes = []
    try:
        for program in (manager, tablet):
            runtime = Runtime.over_context(desk_ctx, loop=loop)
            runtimes.append(runtime)
            program.window.show()
            program.start(runtime)
            set_link(qtbot, runtime, False)
        assert manager.window.link.isVisible()
        assert tablet.window.idle.link.text() == LINK_DOWN
        for runtime in runtimes:
            set_link(qtbot, runtime, True)
        assert not manager.window.link.isVisible()
        assert tablet.window.idle.link.text() == ""
    finally:
        for program in (manager, tablet):
            program.close()
        for runtime in runtimes:
            runtime.close()
            qtbot.wait_until(runtime.runner.is_idle, timeout=5_000)


def test_a_link_that_comes_up_during_start_up_makes_the_desk_ready_once(
    qtbot: QtBot,
    qapp: QApplication,
    loop: asyncio.AbstractEventLoop,
    desk_ctx: AppContext,
    staff: Staff,
) -> None:
    # The live path says "up" while the desk still reads its staff names: that starts a second
    # read of the names. Both used to find the desk not ready yet and both said so, and the
    # shell heard "ready" twice (a second sign-in in the e2e probe, a second busy follower).
    config, clock = desk_ctx.config, desk_ctx.clock
    device = Dummy()
    worker = PrinterWorker(lambda: device, width_dots=config.printer.width_dots, timeout_s=5)
    printer = TicketPrinter(config=config, clock=clock, worker=worker)
    program = build_desk(Env(qapp, config, clock, QSize(1920, 1080)), counter=1, printer=printer)
    runtime = Runtime.over_context(desk_ctx, loop=loop)
    ready: list[bool] = []
    try:
        program.window.show()
        program.start(runtime)
        program.controller.ready.connect(lambda: ready.append(True))
        runtime.live.link_changed.emit(True)
        qtbot.wait_until(lambda: bool(ready), timeout=10_000)
        qtbot.wait_until(runtime.runner.is_idle, timeout=10_000)
        assert ready == [True]
    finally:
        program.close()
        runtime.close()
        qtbot.wait_until(runtime.runner.is_idle, timeout=10_000)
        worker.close()
        worker.wait_idle(5)
