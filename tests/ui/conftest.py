"""Fixtures for the kiosk UI: a qasync loop pytest-qt drives, fake printers, a kiosk to tap."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from escpos.printer import Dummy
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext, bootstrap
from printing.worker import PrinterWorker
from tests.conftest import make_config
from tests.qt_support import ignore_offscreen_noise
from ui.kiosk.program import KioskProgram, build
from ui.live import Live
from ui.operations import Ops
from ui.shell import Env, Runtime
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ignore_offscreen_noise(items, Path(__file__).parent)


class FailingPrinter(Dummy):
    """A printer that is out of paper: every byte fails."""

    def _raw(self, msg: bytes) -> None:
        raise OSError("out of paper")


class SlowPrinter(Dummy):
    """A printer that takes ``delay_s`` for its first bytes (a cold print head, a slow link)."""

    def __init__(self, delay_s: float) -> None:
        super().__init__()
        self._delay = threading.Event()
        self._delay_s = delay_s
        self.started = threading.Event()
        self.finished = threading.Event()  # the first bytes went out

    def _raw(self, msg: bytes) -> None:
        if not self.started.is_set():
            self.started.set()
            self._delay.wait(self._delay_s)  # an Event, so teardown can cut it short
            self.finished.set()
        super()._raw(msg)

    def release(self) -> None:
        """Stop waiting (teardown)."""
        self._delay.set()


class DeadPrinter(SlowPrinter):
    """A printer that never answers (until the test ends)."""

    def __init__(self) -> None:
        super().__init__(delay_s=3600)


@dataclass
class Kiosk:
    """A running kiosk on a real SQLite database and a fake printer."""

    parts: KioskProgram
    runtime: Runtime
    ctx: AppContext
    device: Any
    clock: FixedClock
    qtbot: QtBot

    @property
    def window(self) -> Any:
        return self.parts.window

    def wait_idle(self, timeout_ms: int = 10_000) -> None:
        """Wait until every started coroutine finished."""
        self.qtbot.wait_until(self.runtime.runner.is_idle, timeout=timeout_ms)

    def tap(self, button: QPushButton) -> None:
        """Tap a button as a visitor would (press and release)."""
        assert button.isVisible(), "a visitor cannot tap what is not shown"
        assert button.isEnabled(), "a visitor cannot tap a disabled button"
        button.click()


KioskFactory = Callable[..., Kiosk]


def start_and_wait_ready(qtbot: QtBot, program: Any, runtime: Runtime) -> None:
    """Start a program as the shell would and wait for its controller's ``ready``."""
    ready: list[bool] = []
    program.start(runtime)
    program.controller.ready.connect(lambda: ready.append(True))
    qtbot.wait_until(lambda: bool(ready), timeout=10_000)


@pytest.fixture
def make_kiosk(
    qtbot: QtBot,
    qapp: QApplication,
    loop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    clock: FixedClock,
) -> Iterator[KioskFactory]:
    """Build a kiosk: ``make_kiosk(body="toml", device=Dummy(), size=(w, h))``."""
    made: list[tuple[Kiosk, PrinterWorker]] = []

    def factory(
        body: str = "",
        device: Any = None,
        size: tuple[int, int] = (1920, 1080),
        printer_timeout_s: float | None = None,
    ) -> Kiosk:
        config = make_config(tmp_path, body)
        if printer_timeout_s is not None:  # [printer] is already in the test config file
            printer = dataclasses.replace(config.printer, timeout_s=printer_timeout_s)
            config = dataclasses.replace(config, printer=printer)
        ctx = bootstrap(config, clock=clock)
        device = Dummy() if device is None else device
        worker = PrinterWorker(
            lambda: device, width_dots=config.printer.width_dots, timeout_s=config.printer.timeout_s
        )
        env = Env(app=qapp, config=config, clock=clock, size=QSize(*size))
        program = build(env, printer=TicketPrinter(config=config, clock=clock, worker=worker))
        runtime = Runtime.over_context(ctx, loop=loop, watch=True)
        kiosk = Kiosk(program, runtime, ctx, device, clock, qtbot)
        made.append((kiosk, worker))
        program.window.show()
        start_and_wait_ready(qtbot, program, runtime)
        kiosk.wait_idle()
        return kiosk

    yield factory
    for kiosk, worker in made:
        if isinstance(kiosk.device, SlowPrinter):
            kiosk.device.release()
        kiosk.parts.close()
        kiosk.runtime.close()
        qtbot.wait_until(kiosk.runtime.runner.is_idle, timeout=10_000)
        worker.close()
        worker.wait_idle(5)
        kiosk.ctx.db.dispose()


@pytest.fixture
def kiosk(make_kiosk: KioskFactory) -> Kiosk:
    """A kiosk with the default config and an in-memory printer."""
    return make_kiosk()


@dataclass
class Running:
    """A kiosk started as the shell starts it: the database opens on first use."""

    program: KioskProgram
    runtime: Runtime
    qtbot: QtBot

    @property
    def home(self) -> Any:
        return self.program.window.home

    def tap_take_number(self) -> None:
        button = self.home.buttons["take_number"]
        assert button.isVisible() and button.isEnabled()
        button.click()


@pytest.fixture
def start_kiosk(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, clock: FixedClock
) -> Iterator[Any]:
    """Start a kiosk on a config: ``start_kiosk(config, context=None)`` -> ``Running``."""
    started: list[tuple[Running, PrinterWorker]] = []

    def start(config: Config, *, context: AppContext | None = None) -> Running:
        runner = TaskRunner(loop=loop)
        ops = Ops(runner=runner, config=config, clock=clock, context=context)
        live = Live(url=config.database_url, app_name="test/kiosk-live")
        live.start()
        runtime = Runtime(runner=runner, ops=ops, live=live)
        worker = PrinterWorker(lambda: Dummy(), width_dots=576, timeout_s=5)
        env = Env(app=qapp, config=config, clock=clock, size=QSize(1920, 1080))
        program = build(env, printer=TicketPrinter(config=config, clock=clock, worker=worker))
        program.window.show()
        program.start(runtime)
        running = Running(program, runtime, qtbot)
        started.append((running, worker))
        return running

    yield start
    for running, worker in started:
        running.program.close()
        running.runtime.close()
        qtbot.wait_until(running.runtime.runner.is_idle, timeout=10_000)
        running.runtime.ops.close()
        worker.close()
        worker.wait_idle(5)
