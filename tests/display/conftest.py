"""Fixtures for the calling display: a fake voice, a display on the test database."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from tests.desk.conftest import desk_ctx, staff  # noqa: F401  # shared fixtures
from tests.qt_support import ignore_offscreen_noise
from tests.ui.conftest import start_and_wait_ready
from ui.display.program import DisplayProgram, build
from ui.shell import Env, Runtime


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ignore_offscreen_noise(items, Path(__file__).parent)


@dataclass
class FakeVoice:
    """A voice the test finishes by hand: ``finish()`` ends the sentence being spoken."""

    available: bool = True
    spoken: list[str] = field(default_factory=list)
    chimes: int = 0
    speaking: asyncio.Future[None] | None = None

    async def say(self, text: str) -> None:
        self.spoken.append(text)
        self.speaking = asyncio.get_running_loop().create_future()
        await self.speaking

    async def play(self) -> None:
        self.chimes += 1

    def is_speaking(self) -> bool:
        return self.speaking is not None and not self.speaking.done()

    def finish(self) -> None:
        assert self.speaking is not None and not self.speaking.done(), "nothing is being spoken"
        self.speaking.set_result(None)


@dataclass
class Display:
    """A running display on the test database with a fake voice."""

    parts: DisplayProgram
    runtime: Runtime
    ctx: AppContext
    voice: FakeVoice
    qtbot: QtBot

    def refresh(self) -> None:
        """Read the queue now (instead of waiting for the poll)."""
        controller = self.parts.controller
        assert controller is not None
        task = self.runtime.runner.start(controller.refresh())
        self.qtbot.wait_until(task.done, timeout=5_000)

    def wait_spoken(self, count: int) -> None:
        self.qtbot.wait_until(lambda: len(self.voice.spoken) >= count, timeout=5_000)


DisplayFactory = Callable[..., Display]


@pytest.fixture
def make_display(
    qtbot: QtBot,
    qapp: QApplication,
    loop: asyncio.AbstractEventLoop,
    desk_ctx: AppContext,  # noqa: F811
    clock: FixedClock,
) -> Iterator[DisplayFactory]:
    """Build a display: ``make_display(live=True, size=(w, h), voice=FakeVoice())``.

    Without ``live`` the display hears of no change (tests read with ``refresh``).
    """
    made: list[Display] = []

    def factory(
        live: bool = False,
        size: tuple[int, int] = (1920, 1080),
        voice: FakeVoice | None = None,
        notice: str = "",
        public_figures: bool = False,
    ) -> Display:
        voice = voice or FakeVoice()
        config = desk_ctx.config
        if notice or public_figures:
            display = dataclasses.replace(
                config.display, notice=notice, public_figures=public_figures
            )
            config = dataclasses.replace(config, display=display)
        env = Env(app=qapp, config=config, clock=clock, size=QSize(*size))
        program = build(env, speech=voice, chime=voice)
        ctx = dataclasses.replace(desk_ctx, config=config)
        runtime = Runtime.over_context(ctx, loop=loop, watch=live)
        display = Display(program, runtime, desk_ctx, voice, qtbot)
        made.append(display)
        program.screen.show()
        start_and_wait_ready(qtbot, program, runtime)
        return display

    yield factory
    for display in made:
        if display.voice.is_speaking():
            display.voice.finish()
        display.parts.close()
        display.runtime.close()
        qtbot.wait_until(display.runtime.runner.is_idle, timeout=10_000)
