"""What a desk's queue screen shows: lines, who waits, each counter's ticket, open alerts."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.views import LineCount, TicketView
from kiosk.services.alerts import AlertView, open_alerts
from kiosk.services.context import AppContext
from kiosk.services.queue_read import CounterState, counter_states, line_counts, waiting_tickets


@dataclass(frozen=True, slots=True)
class DeskSnapshot:
    """Everything the queue screen shows, read in one go."""

    lines: tuple[LineCount, ...]
    waiting: tuple[TicketView, ...]
    counters: tuple[CounterState, ...]
    alerts: tuple[AlertView, ...]

    def current(self, counter_number: int) -> TicketView | None:
        """The ticket a counter has called or is serving."""
        for state in self.counters:
            if state.number == counter_number:
                return state.current
        return None

    def open_counters(self) -> set[int]:
        """The counters someone is signed in at."""
        return {state.number for state in self.counters if state.is_open}


def desk_snapshot(ctx: AppContext) -> DeskSnapshot:
    """The queue as a desk shows it."""
    return DeskSnapshot(
        lines=tuple(line_counts(ctx)),
        waiting=tuple(waiting_tickets(ctx)),
        counters=tuple(counter_states(ctx)),
        alerts=tuple(open_alerts(ctx)),
    )
