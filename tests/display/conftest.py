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
from tests.desk.conftest import desk_ctx  # noqa: F401  # shared fixture
from tests.qt_support import ignore_offscreen_noise
from ui.display.app import DisplayParts, build_display
from ui.display.backend import DisplayBackend

QUIET_POLL_MS = 3_600_000


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

    parts: DisplayParts
    ctx: AppContext
    voice: FakeVoice
    qtbot: QtBot

    def refresh(self) -> None:
        """Read the queue now (instead of waiting for the poll)."""
        task = self.parts.runner.start(self.parts.controller.refresh())
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
    """Build a display: ``make_display(poll_ms=..., size=(w, h), voice=FakeVoice())``."""
    made: list[Display] = []

    def factory(
        poll_ms: int = QUIET_POLL_MS,
        size: tuple[int, int] = (1920, 1080),
        voice: FakeVoice | None = None,
        notice: str = "",
    ) -> Display:
        voice = voice or FakeVoice()
        config = desk_ctx.config
        if notice:
            config = dataclasses.replace(
                config, display=dataclasses.replace(config.display, notice=notice)
            )
        parts = build_display(
            app=qapp,
            loop=loop,
            config=config,
            backend=DisplayBackend.from_context(desk_ctx),
            clock=clock,
            size=QSize(*size),
            speech=voice,
            chime=voice,
            poll_interval_ms=poll_ms,
        )
        display = Display(parts, desk_ctx, voice, qtbot)
        made.append(display)
        parts.screen.show()
        with qtbot.wait_signal(parts.controller.ready, timeout=10_000):
            parts.controller.start()
        return display

    yield factory
    for display in made:
        if display.voice.is_speaking():
            display.voice.finish()
        display.parts.close()
        qtbot.wait_until(display.parts.runner.is_idle, timeout=10_000)
