"""A counter's rating tablet: asks about the visit the counter just finished, stores the answer.

The counter's latest finished visit is a ``LiveRead``: read again on every change, so the faces
appear as soon as the desk saves the visit. A visit is offered once; visits finished before the
tablet started are not offered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Slot

from kiosk.domain.ratings import FinishedVisit
from kiosk.services.ratings import latest_finished_visit, rate_visit
from ui.live import LiveRead
from ui.rating.counter_rate_screen import CounterRateScreen
from ui.shell import Runtime

logger = logging.getLogger(__name__)


class CounterRateController(QObject):
    """Prompts for each visit the counter finishes and stores the rating."""

    def __init__(self, *, screen: CounterRateScreen, runtime: Runtime, counter_number: int) -> None:
        super().__init__(screen)
        self._screen = screen
        self._runtime = runtime
        since = runtime.clock()  # visits finished before the screen started are not asked
        self._offered: set[int] = set()
        self.latest = LiveRead(
            runtime,
            lambda ctx: latest_finished_visit(ctx, counter_number, since),
            self._show_latest,
            on_link=screen.set_link_up,
            parent=self,
        )
        screen.rating_chosen.connect(self._on_screen_rating_chosen)

    def start(self) -> None:
        """Watch for finished visits."""
        self.latest.start()

    def stop(self) -> None:
        """Stop watching and cancel tasks."""
        self.latest.stop()
        self._runtime.runner.cancel(self)

    async def refresh(self) -> None:
        """Look for a finished visit now (tests; changes do it by themselves)."""
        await self.latest.refresh()

    def _show_latest(self, visit: FinishedVisit | None) -> None:
        if visit is None or visit.rated or visit.visit_id in self._offered:
            return
        self._offered.add(visit.visit_id)
        self._screen.prompt(visit)

    async def _store(self, visit_id: int, level: int, reason: str) -> None:
        try:
            await self._runtime.ops.run(
                lambda ctx: rate_visit(ctx, visit_id=visit_id, level=level, reason=reason or None)
            )
        except Exception as exc:
            logger.info("counter rating not stored: %s", exc)
            self._screen.show_idle()
            return
        self._screen.show_thanks()

    @Slot(int, int, str)
    def _on_screen_rating_chosen(self, visit_id: int, level: int, reason: str) -> None:
        self._runtime.runner.start(self._store(visit_id, level, reason), owner=self)
