"""The one task runner: coroutines on the qasync loop, blocking calls on dedicated threads.

After nicoddemus/qt-async-threads: screens never create tasks themselves. They ask the runner,
which keeps a reference to every task (asyncio keeps only weak ones), sends every exception to
one handler, cancels the tasks of a screen that goes away, and says ``is_idle()`` so tests can
wait for it. Database calls run one at a time on the "kiosk-db" thread (a Session never crosses
threads); printer I/O runs on the PrinterWorker's own thread and is awaited here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

ErrorHandler = Callable[[BaseException], None]


def _log_error(exc: BaseException) -> None:
    logger.error("background task failed", exc_info=exc)


class TaskRunner:
    """Starts coroutines, runs blocking calls off the UI thread, and knows when all is done."""

    def __init__(
        self,
        *,
        loop: asyncio.AbstractEventLoop,
        on_error: ErrorHandler = _log_error,
    ) -> None:
        self._loop = loop
        self._on_error = on_error
        self._tasks: dict[asyncio.Task[Any], object] = {}
        self._db = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="kiosk-db")
        self._closed = False
        # Held while a worker thread hands a result to the loop, and by ``close``: once
        # ``close`` returns, no thread touches the loop again (see ``_hand_over``).
        self._handover = threading.Lock()

    def set_error_handler(self, handler: ErrorHandler) -> None:
        """Where exceptions of started coroutines go (the window shows a notice and logs)."""
        self._on_error = handler

    def start(self, coro: Coroutine[Any, Any, Any], *, owner: object = None) -> asyncio.Task[Any]:
        """Run a coroutine on the loop; ``owner`` (a screen) can cancel it with ``cancel``."""
        if self._closed:
            coro.close()
            raise RuntimeError("the task runner is closed")
        task = self._loop.create_task(coro)
        self._tasks[task] = owner
        task.add_done_callback(self._on_task_done)
        return task

    async def run_db(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking database call on the database thread and await its result."""
        future = self._db.submit(functools.partial(func, *args, **kwargs))
        return await self._await_thread(future)

    async def wait_future(self, future: concurrent.futures.Future[T], *, timeout_s: float) -> T:
        """Await a future another thread completes (a print job), giving up after ``timeout_s``.

        Raises:
            TimeoutError: The future was not done in time.
        """
        return await asyncio.wait_for(self._await_thread(future), timeout_s)

    def _await_thread(self, future: concurrent.futures.Future[T]) -> asyncio.Future[T]:
        """An asyncio future that another thread's ``future`` completes, unless closed first.

        WORKAROUND: ``asyncio.wrap_future`` lets the worker thread call the loop's
        ``call_soon_threadsafe`` whenever its call ends, even after the app has shut down;
        qasync then emits a signal of a deleted QObject from that thread, which raised
        "Signal source has been deleted" or crashed the process (segfault) during teardown
        on a busy machine. Here the thread hands over only while the runner is open.
        """
        waiting: asyncio.Future[T] = self._loop.create_future()

        def deliver(done: concurrent.futures.Future[T]) -> None:
            with self._handover:
                if not self._closed:
                    self._loop.call_soon_threadsafe(_copy_outcome, done, waiting)

        future.add_done_callback(deliver)
        # A cancelled await takes its job off the queue, if the job has not started yet.
        waiting.add_done_callback(lambda w: future.cancel() if w.cancelled() else None)
        return waiting

    def cancel(self, owner: object) -> int:
        """Cancel the running tasks of one owner; returns how many were cancelled."""
        tasks = [task for task, task_owner in self._tasks.items() if task_owner is owner]
        for task in tasks:
            task.cancel()
        return len(tasks)

    def is_idle(self) -> bool:
        """True when no started coroutine is still running (tests wait for this)."""
        return not self._tasks

    def close(self) -> None:
        """Cancel every task and stop the database thread (its current call still finishes).

        From here on no worker thread calls into the loop, so the loop and the QApplication
        may go away while a database call or a print job is still running.
        """
        with self._handover:
            self._closed = True
        for task in list(self._tasks):
            task.cancel()
        self._db.shutdown(wait=False, cancel_futures=True)

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.pop(task, None)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            self._on_error(exc)


def _copy_outcome(done: concurrent.futures.Future[T], waiting: asyncio.Future[T]) -> None:
    """On the loop: give the awaiting coroutine the thread's result or exception."""
    if waiting.cancelled():
        return
    if done.cancelled():
        waiting.cancel()
        return
    exc = done.exception()
    if exc is not None:
        waiting.set_exception(exc)
    else:
        waiting.set_result(done.result())
