"""Keeps the calling display live: polls the change counter, shows the queue, announces calls.

A call is new when its key (ticket, called-at) was not on screen before; a recall has a new
called-at, so it is announced again. Calls already made when the display starts are shown
but not announced.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.config import Config
from kiosk.domain.clock import Clock
from ui.display.backend import DisplayBackend, DisplaySnapshot
from ui.display.counter_board import CounterTile
from ui.display.display_screen import DisplayScreen, SideRow
from ui.display.speech import Announcement, Announcer
from ui.formatting import format_time
from ui.i18n import I18n, translate
from ui.staff.texts import counter_purpose, counter_title
from ui.tasks import TaskRunner
from ui.widgets.minute_timer import MinuteTimer

if TYPE_CHECKING:
    from kiosk.services.display_feed import Call

logger = logging.getLogger(__name__)

POLL_INTERVAL_MS = 500


def counter_tiles(snapshot: DisplaySnapshot) -> list[CounterTile]:
    """One tile per active counter: its label, its name if it says more, its current number."""
    tiles = []
    for state in snapshot.counters:
        label = counter_title(state.number)
        caption = counter_purpose(state.number, state.name)
        if not state.is_open and state.current is None:
            closed = translate("DisplayController", "Chưa mở")
            caption = f"{caption} · {closed}" if caption else closed
        number = state.current.number if state.current else ""
        tiles.append(CounterTile(state.number, label, caption, number))
    return tiles


def call_rows(calls: Sequence[Call]) -> list[SideRow]:
    """The last calls, newest first: ``A012 → Quầy 2``."""
    return [SideRow(call.number, f"→ {counter_title(call.counter_number)}") for call in calls]


class DisplayController(QObject):
    """Reads, shows and announces; all database work on the runner's database thread.

    Signals:
        ready: the first snapshot is on screen.
        refreshed: a new snapshot is on screen.
        call_seen(object): a new call (``Call``) was found and queued for announcing.
    """

    ready = Signal()
    refreshed = Signal()
    call_seen = Signal(object)

    def __init__(
        self,
        *,
        screen: DisplayScreen,
        config: Config,
        runner: TaskRunner,
        backend: DisplayBackend,
        announcer: Announcer,
        i18n: I18n,
        clock: Clock,
        poll_interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__(screen)
        self._screen, self._runner, self._backend = screen, runner, backend
        self._announcer, self._i18n, self._clock = announcer, i18n, clock
        self._config = config
        self._snapshot: DisplaySnapshot | None = None
        self._seen: set[tuple[int, Any]] | None = None
        self._poll_task: asyncio.Task[Any] | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_interval_ms)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self.minutes = MinuteTimer(self)
        self.minutes.minute_changed.connect(self._on_minutes_minute_changed)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        screen.set_notice(self._config.display.notice)
        self._show_clock()

    def start(self) -> None:
        """Open the database, show the first snapshot, then keep it fresh."""
        self.minutes.start()
        self._runner.start(self._startup(), owner=self)

    def stop(self) -> None:
        """Stop polling, the clock and announcing."""
        self._poll_timer.stop()
        self.minutes.stop()
        self._announcer.stop()
        self._screen.stop()
        self._runner.cancel(self)

    def snapshot(self) -> DisplaySnapshot | None:
        """The snapshot on screen."""
        return self._snapshot

    async def refresh(self) -> None:
        """Read and show now; announce calls not seen before."""
        snapshot = await self._runner.run_db(self._backend.snapshot)
        self._snapshot = snapshot
        self._show(snapshot)
        self._announce_new(snapshot.calls)
        self.refreshed.emit()

    async def _startup(self) -> None:
        try:
            await self._runner.run_db(self._backend.open)
            await self.refresh()
            self.ready.emit()
        finally:
            self._poll_timer.start()

    async def _poll(self) -> None:
        counter = await self._runner.run_db(self._backend.change_counter)
        if self._snapshot is None or counter != self._snapshot.change_counter:
            await self.refresh()

    def _announce_new(self, calls: Sequence[Call]) -> None:
        keys = {call.key for call in calls}
        if self._seen is None:  # start-up: what is on screen was announced before
            self._seen = keys
            return
        for call in reversed(calls):  # oldest first
            if call.key in self._seen:
                continue
            self._screen.flash(call.counter_number)
            self._announcer.announce(Announcement(call.number, call.counter_number))
            self.call_seen.emit(call)
        self._seen = keys

    def _show(self, snapshot: DisplaySnapshot) -> None:
        screen = self._screen
        screen.set_place(self._config.site.desk_name)
        screen.set_counters(counter_tiles(snapshot))
        screen.set_calls(translate("DisplayController", "Vừa gọi"), call_rows(snapshot.calls))
        screen.set_waiting(
            translate("DisplayController", "Đang chờ"),
            [
                SideRow(f"{line.code} · {self._i18n.text(line.name)}", str(line.waiting))
                for line in snapshot.lines
            ],
        )

    def _show_clock(self) -> None:
        self._screen.set_clock(format_time(self._clock(), self._config.site.tz))

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = self._runner.start(self._poll(), owner=self)

    @Slot()
    def _on_minutes_minute_changed(self) -> None:
        self._show_clock()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        if self._snapshot is not None:
            self._show(self._snapshot)
