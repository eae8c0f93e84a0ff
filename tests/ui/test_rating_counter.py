"""A counter's small rating screen: prompt after the counter finishes, idle again after 30 s."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from kiosk.storage.models import Rating
from tests.ui.test_rating_kiosk import finished_ticket
from ui.rating.app import build_counter_screen
from ui.rating.counter_rate_controller import CounterRateBackend, CounterRateController
from ui.rating.counter_rate_screen import PROMPT_S, CounterRateScreen
from ui.tasks import TaskRunner


@pytest.fixture
def counter(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, sqlite_ctx: AppContext
) -> Iterator[tuple[CounterRateScreen, CounterRateController, TaskRunner]]:
    screen = build_counter_screen(
        app=qapp, config=sqlite_ctx.config, counter_number=3, width_px=1280, height_px=800
    )
    runner = TaskRunner(loop=loop)
    controller = CounterRateController(
        screen=screen, runner=runner, backend=CounterRateBackend.from_context(sqlite_ctx, 3)
    )
    screen.show()
    yield screen, controller, runner
    controller.stop()
    runner.close()
    qtbot.wait_until(runner.is_idle, timeout=5000)
    screen.close()


def poll(qtbot: QtBot, controller: CounterRateController, runner: TaskRunner) -> None:
    runner.start(controller.poll())
    qtbot.wait_until(runner.is_idle, timeout=5000)


def test_the_prompt_shows_after_the_counter_finishes_and_idles_after_30_s(
    qtbot: QtBot,
    sqlite_ctx: AppContext,
    clock: FixedClock,
    counter: tuple[CounterRateScreen, CounterRateController, TaskRunner],
) -> None:
    screen, controller, runner = counter
    poll(qtbot, controller, runner)
    assert screen.current() is screen.idle
    finished_ticket(sqlite_ctx, clock)  # at counter 3
    poll(qtbot, controller, runner)
    assert screen.current() is screen.scale
    assert "Trần Văn Nam" in screen.scale.subject.text()
    assert screen.idle_timer.isActive()
    assert screen.idle_timer.interval() == PROMPT_S * 1000
    screen.idle_timer.timeout.emit()  # 30 s later
    assert screen.current() is screen.idle
    poll(qtbot, controller, runner)
    assert screen.current() is screen.idle  # the same visit is not offered twice


def test_one_rating_per_visit_from_the_counter_screen(
    qtbot: QtBot,
    sqlite_ctx: AppContext,
    clock: FixedClock,
    counter: tuple[CounterRateScreen, CounterRateController, TaskRunner],
) -> None:
    screen, controller, runner = counter
    finished_ticket(sqlite_ctx, clock)
    poll(qtbot, controller, runner)
    screen.scale.level_buttons[1].click()
    assert screen.current() is screen.reason
    screen.reason.reason_buttons["attitude"].click()
    qtbot.wait_until(runner.is_idle, timeout=5000)
    assert screen.current() is screen.thanks
    with sqlite_ctx.db.read() as session:
        assert [(r.level, r.reason) for r in session.scalars(select(Rating))] == [(1, "attitude")]
    screen.idle_timer.timeout.emit()
    poll(qtbot, controller, runner)
    assert screen.current() is screen.idle
