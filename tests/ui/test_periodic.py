"""A periodic background check never runs twice at once, and stops when told."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future

from pytestqt.qtbot import QtBot

from ui.periodic import PeriodicCheck
from ui.tasks import TaskRunner


def test_a_slow_check_is_not_started_again_while_it_runs(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop
) -> None:
    runner = TaskRunner(loop=loop)
    gate: Future[None] = Future()
    calls: list[int] = []

    async def check() -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            await runner.wait_future(gate, timeout_s=10)

    periodic = PeriodicCheck(runner=runner, check=check, interval_ms=5)
    periodic.start()
    qtbot.wait_until(lambda: len(calls) == 1)
    for _ in range(3):  # three more ticks while the first check is still waiting
        with qtbot.wait_signal(periodic._timer.timeout):
            pass
    assert calls == [0]
    gate.set_result(None)
    qtbot.wait_until(lambda: len(calls) >= 2)
    periodic.stop()
    qtbot.wait_until(runner.is_idle)
    runner.close()
