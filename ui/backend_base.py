"""What every screen's backend shares: a database context opened on first use, off the UI thread.

Backends are plain objects; every method blocks and is called on the task runner's database
thread (``TaskRunner.run_db``), never on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Self

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


class DatabaseBackend:
    """Opens (and migrates) the database the first time ``ctx`` is used."""

    def __init__(
        self,
        config: Config,
        *,
        clock: Clock = system_clock,
        after_open: Callable[[DatabaseBackend], None] | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self._after_open = after_open
        self._ctx: AppContext | None = None

    @classmethod
    def from_context(cls, ctx: AppContext) -> Self:
        """A backend over an already open context (tests, screenshots, embedding screens)."""
        backend = cls(ctx.config, clock=ctx.clock)
        backend._ctx = ctx
        return backend

    @property
    def ctx(self) -> AppContext:
        """The context, opening the database (and migrating it) the first time."""
        if self._ctx is None:
            from kiosk.services.context import bootstrap

            self._ctx = bootstrap(self.config, clock=self.clock)
            if self._after_open is not None:
                self._after_open(self)  # e.g. demo seeding, still on the database thread
        return self._ctx

    def open(self) -> None:
        """Open the database now (at start-up, after the first frame)."""
        _ = self.ctx

    def close(self) -> None:
        """Close pooled connections."""
        if self._ctx is not None:
            self._ctx.db.dispose()

    def change_counter(self) -> int:
        """The change counter, polled to know when to read a new snapshot."""
        from kiosk.services.changes import change_counter

        return change_counter(self.ctx)
