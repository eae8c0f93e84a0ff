"""Keeps the calling display live: shows the queue on every change and announces new calls.

A call is new when its key (ticket, called-at) was not on screen before; a recall has a new
called-at, so it is announced again. Calls already made when the display starts are shown
but not announced. While the database cannot be reached the board stays (never an empty TV)
with a discreet mark in the corner, and calls made meanwhile are announced once it is back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.services.display_feed import Call, DisplaySnapshot, display_snapshot
from kiosk.services.public_figures import PublicFigures, public_figures_today
from ui.display.counter_board import CounterTile
from ui.display.display_screen import DisplayScreen, SideRow
from ui.display.public_figures import figure_texts
from ui.display.speech import Announcement, Announcer
from ui.formatting import format_time
from ui.i18n import I18n, translate
from ui.live import LiveRead
from ui.shell import Runtime
from ui.staff.texts import counter_purpose, counter_title
from ui.widgets.minute_timer import MinuteTimer

logger = logging.getLogger(__name__)


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
    """The last calls, newest first: ``A012  Quầy 2`` (no arrow: the shipped font has none)."""
    return [SideRow(call.number, counter_title(call.counter_number)) for call in calls]


class DisplayController(QObject):
    """Reads, shows and announces; all database work is one live read.

    Signals:
        ready: the first snapshot is on screen.
        refreshed: a new snapshot is on screen.
        call_seen(object): a new call (``Call``) was found and queued for announcing.
    """

    ready = Signal()
    refreshed = Signal()
    call_seen = Signal(object)

    def __init__(
        self, *, screen: DisplayScreen, runtime: Runtime, announcer: Announcer, i18n: I18n
    ) -> None:
        super().__init__(screen)
        self._screen, self._runtime = screen, runtime
        self._announcer, self._i18n, self._clock = announcer, i18n, runtime.clock
        self._config = runtime.config
        self._snapshot: DisplaySnapshot | None = None
        self._seen: set[tuple[int, Any]] | None = None
        self.board = LiveRead(
            runtime, display_snapshot, self._show_snapshot, on_link=screen.set_link_up, parent=self
        )
        self._figures: PublicFigures | None = None
        # Today's figures, live like the board, only where the commune turned them on.
        self.figures: LiveRead[PublicFigures] | None = None
        if self._config.display.public_figures:
            self.figures = LiveRead(runtime, public_figures_today, self._show_figures, parent=self)
        self.minutes = MinuteTimer(self)
        self.minutes.minute_changed.connect(self._on_minutes_minute_changed)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        screen.set_notice(self._config.display.notice)
        self._show_clock()

    def start(self) -> None:
        """Show the first snapshot, then keep it fresh."""
        self.minutes.start()
        self.board.start()
        if self.figures is not None:
            self.figures.start()

    def stop(self) -> None:
        """Stop reading, the clock and announcing."""
        self.board.stop()
        if self.figures is not None:
            self.figures.stop()
        self.minutes.stop()
        self._announcer.stop()
        self._screen.stop()

    def snapshot(self) -> DisplaySnapshot | None:
        """The snapshot on screen."""
        return self._snapshot

    async def refresh(self) -> None:
        """Read and show now; announce calls not seen before."""
        await self.board.refresh()

    def _show_snapshot(self, snapshot: DisplaySnapshot) -> None:
        first = self._snapshot is None
        self._snapshot = snapshot
        self._show(snapshot)
        self._announce_new(snapshot.calls)
        self.refreshed.emit()
        if first:
            self.ready.emit()

    def _show_figures(self, figures: PublicFigures) -> None:
        self._figures = figures
        self._screen.set_figures(figure_texts(figures, self._i18n.language))

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
    def _on_minutes_minute_changed(self) -> None:
        self._show_clock()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        if self._snapshot is not None:
            self._show(self._snapshot)
        if self._figures is not None:
            self._show_figures(self._figures)
