"""What the calling display reads, as blocking calls for the database thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.backend_base import DatabaseBackend

if TYPE_CHECKING:
    from kiosk.domain.views import LineView
    from kiosk.services.display_feed import Call
    from kiosk.services.queue_read import CounterState

RECENT_CALLS = 8


@dataclass(frozen=True, slots=True)
class DisplaySnapshot:
    """Each counter's current number, the last calls (newest first), waiting per line."""

    change_counter: int
    counters: tuple[CounterState, ...]
    calls: tuple[Call, ...]
    lines: tuple[LineView, ...]


class DisplayBackend(DatabaseBackend):
    """Opens the database on first use; every method blocks and belongs on the DB thread."""

    def snapshot(self) -> DisplaySnapshot:
        """Everything on the screen, read after the change counter it belongs to."""
        from kiosk.services import changes, display_feed, queue_read

        ctx = self.ctx
        counter = changes.change_counter(ctx)
        return DisplaySnapshot(
            change_counter=counter,
            counters=tuple(queue_read.counter_states(ctx)),
            calls=tuple(display_feed.recent_calls(ctx, limit=RECENT_CALLS)),
            lines=tuple(queue_read.list_lines(ctx)),
        )
