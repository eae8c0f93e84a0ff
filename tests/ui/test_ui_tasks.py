"""The task runner: keeps tasks, one error handler, cancels by owner, says when it is idle."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future

import pytest
from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner


@pytest.fixture
def runner(loop: asyncio.AbstractEventLoop, qtbot: QtBot) -> TaskRunner:
    errors: list[BaseException] = []
    runner = TaskRunner(loop=loop, on_error=errors.append)
    runner.errors = errors  # type: ignore[attr-defined]
    yield runner
    runner.close()
    qtbot.wait_until(runner.is_idle)


def test_blocking_calls_run_on_the_database_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    seen: list[str] = []

    async def work() -> None:
        name = await runner.run_db(lambda: threading.current_thread().name)
        seen.append(name)

    runner.start(work())
    assert not runner.is_idle()
    qtbot.wait_until(runner.is_idle)
    assert seen[0].startswith("kiosk-db")
    assert threading.current_thread().name == "MainThread"


def test_exceptions_go_to_the_one_handler(runner: TaskRunner, qtbot: QtBot) -> None:
    async def fails() -> None:
        await runner.run_db(lambda: 1 / 0)

    runner.start(fails())
    qtbot.wait_until(runner.is_idle)
    assert [type(e) for e in runner.errors] == [ZeroDivisionError]  # type: ignore[attr-defined]


def test_cancel_stops_only_the_owners_tasks(runner: TaskRunner, qtbot: QtBot) -> None:
    screen, other = object(), object()
    gate: Future[None] = Future()
    finished: list[str] = []

    async def wait(name: str) -> None:
        await runner.wait_future(gate, timeout_s=10)
        finished.append(name)

    runner.start(wait("screen"), owner=screen)
    runner.start(wait("other"), owner=other)
    assert runner.cancel(screen) == 1
    gate.set_result(None)
    qtbot.wait_until(runner.is_idle)
    assert finished == ["other"]
    assert runner.errors == []  # type: ignore[attr-defined]


def test_waiting_on_a_future_times_out(runner: TaskRunner, qtbot: QtBot) -> None:
    never: Future[None] = Future()
    outcome: list[str] = []

    async def wait() -> None:
        try:
            await runner.wait_future(never, timeout_s=0.05)
        except TimeoutError:
            outcome.append("timed out")

    runner.start(wait())
    qtbot.wait_until(runner.is_idle)
    assert outcome == ["timed out"]


def test_a_closed_runner_refuses_new_work(runner: TaskRunner) -> None:
    runner.close()

    async def nothing() -> None:
        return None

    with pytest.raises(RuntimeError):
        runner.start(nothing())
