"""A counter's rating screen: poll for the visit it just finished, store the answer."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.config import Config
from kiosk.domain.clock import Clock
from kiosk.domain.ratings import FinishedVisit
from ui.rating.counter_rate_screen import CounterRateScreen
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

POLL_INTERVAL_MS = 500


class CounterRateBackend:
    """Blocking calls for the database thread."""

    def __init__(self, config: Config, *, clock: Clock, counter_number: int) -> None:
        self.config = config
        self.clock = clock
        self.counter_number = counter_number
        self._ctx: Any = None

    @classmethod
    def from_context(cls, ctx: Any, counter_number: int) -> CounterRateBackend:
        """Over an already open context (tests, screenshots)."""
        backend = cls(ctx.config, clock=ctx.clock, counter_number=counter_number)
        backend._ctx = ctx
        return backend

    @property
    def ctx(self) -> Any:
        """The context, opening the database the first time."""
        if self._ctx is None:
            from kiosk.services.context import bootstrap

            self._ctx = bootstrap(self.config, clock=self.clock)
        return self._ctx

    def change_counter(self) -> int:
        """The change counter (cheap; polled)."""
        from kiosk.services.changes import change_counter

        return change_counter(self.ctx)

    def latest(self, since: datetime) -> FinishedVisit | None:
        """This counter's latest visit finished since ``since``."""
        from kiosk.services.ratings import latest_finished_visit

        return latest_finished_visit(self.ctx, self.counter_number, since)

    def rate(self, visit_id: int, level: int, reason: str | None) -> None:
        """Store the rating of a visit."""
        from kiosk.services.ratings import rate_visit

        rate_visit(self.ctx, visit_id=visit_id, level=level, reason=reason)


class CounterRateController(QObject):
    """Every ``POLL_INTERVAL_MS``: the change counter; when it moved, the latest finished visit."""

    def __init__(
        self,
        *,
        screen: CounterRateScreen,
        runner: TaskRunner,
        backend: CounterRateBackend,
        poll_interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._runner = runner
        self._backend = backend
        self._since = backend.clock()  # visits finished before the screen started are not asked
        self._seen_counter: int | None = None
        self._offered: set[int] = set()
        self._poll_task: asyncio.Task[Any] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(poll_interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        screen.rating_chosen.connect(self._on_screen_rating_chosen)

    def start(self) -> None:
        """Start polling."""
        self.timer.start()

    def stop(self) -> None:
        """Stop polling and cancel tasks."""
        self.timer.stop()
        self._runner.cancel(self)

    async def poll(self) -> None:
        """One poll (the timer's work; tests call it directly)."""
        counter = await self._runner.run_db(self._backend.change_counter)
        if counter == self._seen_counter:
            return
        self._seen_counter = counter
        visit = await self._runner.run_db(self._backend.latest, self._since)
        if visit is None or visit.rated or visit.visit_id in self._offered:
            return
        self._offered.add(visit.visit_id)
        self._screen.prompt(visit)

    async def _store(self, visit_id: int, level: int, reason: str) -> None:
        try:
            await self._runner.run_db(self._backend.rate, visit_id, level, reason or None)
        except Exception as exc:
            logger.info("counter rating not stored: %s", exc)
            self._screen.show_idle()
            return
        self._screen.show_thanks()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = self._runner.start(self.poll(), owner=self)

    @Slot(int, int, str)
    def _on_screen_rating_chosen(self, visit_id: int, level: int, reason: str) -> None:
        self._runner.start(self._store(visit_id, level, reason), owner=self)
