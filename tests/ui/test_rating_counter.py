"""A counter's small rating screen: prompt after the counter finishes, idle again after 30 s."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from kiosk.storage.models import Rating
from tests.ui.test_rating_kiosk import finished_ticket
from ui.rating.counter_program import build_counter_screen
from ui.rating.counter_rate_controller import CounterRateController
from ui.rating.counter_rate_screen import PROMPT_S, CounterRateScreen
from ui.shell import Env, Runtime


@pytest.fixture
def counter(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, sqlite_ctx: AppContext
) -> Iterator[tuple[CounterRateScreen, CounterRateController, Runtime]]:
    env = Env(app=qapp, config=sqlite_ctx.config, clock=sqlite_ctx.clock, size=QSize(1280, 800))
    screen = build_counter_screen(env, counter_number=3)
    runtime = Runtime.over_context(sqlite_ctx, loop=loop)
    controller = CounterRateController(screen=screen, runtime=runtime, counter_number=3)
    screen.show()
    yield screen, controller, runtime
    controller.stop()
    runtime.close()
    qtbot.wait_until(runtime.runner.is_idle, timeout=5000)
    screen.close()


def poll(qtbot: QtBot, controller: CounterRateController, runtime: Runtime) -> None:
    runtime.runner.start(controller.refresh())
    qtbot.wait_until(runtime.runner.is_idle, timeout=5000)


def test_the_prompt_shows_after_the_counter_finishes_and_idles_after_30_s(
    qtbot: QtBot,
    sqlite_ctx: AppContext,
    clock: FixedClock,
    counter: tuple[CounterRateScreen, CounterRateController, Runtime],
) -> None:
    screen, controller, runtime = counter
    poll(qtbot, controller, runtime)
    assert screen.current() is screen.idle
    finished_ticket(sqlite_ctx, clock)  # at counter 3
    poll(qtbot, controller, runtime)
    assert screen.current() is screen.scale
    assert "Trần Văn Nam" in screen.scale.subject.text()
    assert screen.idle_timer.isActive()
    assert screen.idle_timer.interval() == PROMPT_S * 1000
    screen.idle_timer.timeout.emit()  # 30 s later
    assert screen.current() is screen.idle
    poll(qtbot, controller, runtime)
    assert screen.current() is screen.idle  # the same visit is not offered twice


def test_one_rating_per_visit_from_the_counter_screen(
    qtbot: QtBot,
    sqlite_ctx: AppContext,
    clock: FixedClock,
    counter: tuple[CounterRateScreen, CounterRateController, Runtime],
) -> None:
    screen, controller, runtime = counter
    finished_ticket(sqlite_ctx, clock)
    poll(qtbot, controller, runtime)
    screen.scale.level_buttons[1].click()
    assert screen.current() is screen.reason
    screen.reason.reason_buttons["attitude"].click()
    qtbot.wait_until(runtime.runner.is_idle, timeout=5000)
    assert screen.current() is screen.thanks
    with sqlite_ctx.db.read() as session:
        assert [(r.level, r.reason) for r in session.scalars(select(Rating))] == [(1, "attitude")]
    screen.idle_timer.timeout.emit()
    poll(qtbot, controller, runtime)
    assert screen.current() is screen.idle
