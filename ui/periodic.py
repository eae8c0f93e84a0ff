"""A background check every N ms through the task runner, never two at once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from ui.tasks import TaskRunner


class PeriodicCheck(QObject):
    """Starts ``check()`` on a timer; a check still running when the timer fires is not doubled."""

    def __init__(
        self,
        *,
        runner: TaskRunner,
        check: Callable[[], Coroutine[Any, Any, object]],
        interval_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._check = check
        self._task: asyncio.Task[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Check on every tick from now on."""
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer and cancel a check in progress."""
        self._timer.stop()
        self._runner.cancel(self)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._task is None or self._task.done():
            self._task = self._runner.start(self._check(), owner=self)
