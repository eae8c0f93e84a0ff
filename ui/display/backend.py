"""What the calling display reads, as blocking calls for the database thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock

if TYPE_CHECKING:
    from kiosk.domain.views import LineView
    from kiosk.services.context import AppContext
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


class DisplayBackend:
    """Opens the database on first use; every method blocks and belongs on the DB thread."""

    def __init__(self, config: Config, *, clock: Clock = system_clock) -> None:
        self.config = config
        self.clock = clock
        self._ctx: AppContext | None = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> DisplayBackend:
        """A backend over an already open context (tests, screenshots)."""
        backend = cls(ctx.config, clock=ctx.clock)
        backend._ctx = ctx
        return backend

    @property
    def ctx(self) -> AppContext:
        """The context, opening (and migrating) the database the first time."""
        if self._ctx is None:
            from kiosk.services.context import bootstrap

            self._ctx = bootstrap(self.config, clock=self.clock)
        return self._ctx

    def open(self) -> None:
        """Open the database now."""
        _ = self.ctx

    def close(self) -> None:
        """Close pooled connections."""
        if self._ctx is not None:
            self._ctx.db.dispose()

    def change_counter(self) -> int:
        """The change counter (one small query, polled twice a second)."""
        from kiosk.services.changes import change_counter

        return change_counter(self.ctx)

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
