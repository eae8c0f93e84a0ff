"""Fixtures for the desk console and the display: a qasync loop, real SQLite, desks to tap."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from escpos.printer import Dummy
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FixedClock
from kiosk.domain.views import HelperView
from kiosk.services.context import Actor, AppContext, bootstrap
from kiosk.services.helpers import add_helper
from printing.worker import PrinterWorker
from tests.conftest import make_config
from tests.qt_support import ignore_offscreen_noise
from tests.ui.conftest import start_and_wait_ready
from ui.desk.program import DeskProgram, build
from ui.shell import Env, Runtime
from ui.ticket_printing import TicketPrinter

ADMIN = Actor("test")
PIN = "1234"
MANAGER_PIN = "999999"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ignore_offscreen_noise(items, Path(__file__).parent)


@pytest.fixture
def desk_ctx(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A migrated SQLite database with the default lines and counters."""
    ctx = bootstrap(make_config(tmp_path), clock=clock)
    yield ctx
    ctx.db.dispose()


@dataclass
class Staff:
    """The people the desk tests work with."""

    officer: HelperView
    manager: HelperView
    digital: HelperView
    teacher: HelperView
    extra: dict[str, HelperView] = field(default_factory=dict)


@pytest.fixture
def staff(desk_ctx: AppContext) -> Staff:
    """An officer (PIN 1234), a manager (PIN 999999) and two volunteers."""
    officer = add_helper(
        desk_ctx, name="Nguyễn Văn An", kind="staff", role="desk_officer", pin=PIN, actor=ADMIN
    )
    manager = add_helper(
        desk_ctx, name="Trần Thị Bích", kind="staff", role="manager", pin=MANAGER_PIN, actor=ADMIN
    )
    digital = add_helper(
        desk_ctx,
        name="Lê Đức Công",
        kind="volunteer",
        role="digital_team",
        affiliation="Thôn 2",
        actor=ADMIN,
    )
    teacher = add_helper(
        desk_ctx,
        name="Phạm Thu Hà",
        kind="volunteer",
        role="teacher",
        affiliation="Trường THCS",
        actor=ADMIN,
    )
    return Staff(officer, manager, digital, teacher)


@dataclass
class Desk:
    """A running desk console on the test database and an in-memory printer."""

    parts: DeskProgram
    runtime: Runtime
    ctx: AppContext
    device: Any
    qtbot: QtBot

    @property
    def window(self) -> Any:
        return self.parts.window

    @property
    def controller(self) -> Any:
        return self.parts.controller

    def wait_idle(self, timeout_ms: int = 10_000) -> None:
        """Wait until every started coroutine finished and the screen caught up."""
        self.qtbot.wait_until(self.runtime.runner.is_idle, timeout=timeout_ms)
        QApplication.processEvents()  # widgets added to a shown layout appear a moment later

    def tap(self, button: QPushButton) -> None:
        """Tap a visible, enabled button, then let the work it started finish."""
        assert button.isVisible(), "a desk officer cannot tap what is not shown"
        assert button.isEnabled(), "a desk officer cannot tap a disabled button"
        button.click()
        self.wait_idle()

    def type_pin(self, pin: str) -> None:
        """Type a PIN on the sign-in keypad and press OK."""
        for digit in pin:
            self.window.pin.keypad.press(digit)
        self.window.pin.keypad.press("ok")
        self.wait_idle()

    def sign_in(self, helper: HelperView, pin: str = PIN, counter: int | None = None) -> None:
        """Pick the name, type the PIN and, without a fixed counter, choose ``counter``."""
        self.tap(self.window.staff.buttons[helper.id])
        self.type_pin(pin)
        if counter is not None:
            self.tap(self.window.counters.buttons[counter])
        assert self.window.current_screen() is self.window.queue

    def action(self, key: str) -> None:
        """Tap one of the current ticket's action buttons."""
        self.tap(self.window.queue.current.buttons[key])

    def refresh(self) -> None:
        """Read the queue now (instead of waiting for the poll)."""
        self.runtime.runner.start(self.controller.refresh())
        self.wait_idle()


DeskFactory = Callable[..., Desk]


@pytest.fixture
def make_desk(
    qtbot: QtBot,
    qapp: QApplication,
    loop: asyncio.AbstractEventLoop,
    desk_ctx: AppContext,
    clock: FixedClock,
) -> Iterator[DeskFactory]:
    """Build a desk: ``make_desk(counter=1, live=True, size=(w, h))``.

    Without ``live`` the desk hears of no change made elsewhere (tests read with ``refresh``).
    """
    made: list[tuple[Desk, PrinterWorker]] = []

    def factory(
        counter: int | None = 1,
        live: bool = False,
        size: tuple[int, int] = (1920, 1080),
    ) -> Desk:
        config = desk_ctx.config
        device = Dummy()
        worker = PrinterWorker(lambda: device, width_dots=config.printer.width_dots, timeout_s=5)
        env = Env(app=qapp, config=config, clock=clock, size=QSize(*size))
        printer = TicketPrinter(config=config, clock=clock, worker=worker)
        program = build(env, counter=counter, printer=printer)
        runtime = Runtime.over_context(desk_ctx, loop=loop, watch=live)
        desk = Desk(program, runtime, desk_ctx, device, qtbot)
        made.append((desk, worker))
        program.window.show()
        start_and_wait_ready(qtbot, program, runtime)
        desk.wait_idle()
        return desk

    yield factory
    for desk, worker in made:
        desk.parts.close()
        desk.runtime.close()
        qtbot.wait_until(desk.runtime.runner.is_idle, timeout=10_000)
        worker.close()
        worker.wait_idle(5)


@pytest.fixture
def desk(make_desk: DeskFactory, staff: Staff) -> Desk:
    """Counter 1's console, nobody signed in yet."""
    return make_desk()
