"""Operations: the one way a screen runs a use case, on the database thread, typed end to end.

An operation is any callable that takes the ``AppContext`` and calls keyword-only services::

    ticket = await ops.run(lambda ctx: issue_ticket(ctx, line_code="A", priority_group=None))

``run`` calls it on the task runner's database thread (a Session never crosses threads) and
returns what the service returned, a frozen view. The database opens on first use (with its
migrations), so the first frame never waits for SQLAlchemy. A lost link comes out as
``LinkError`` (code ``LINK_DOWN``), worded like any other core error (``ui.error_texts``).

How to add an operation: call the service in a lambda where the screen needs it, with keyword
arguments taken from the screen's state. If you find yourself writing a rule in the lambda (a
fallback, a filter, a file name), it belongs in ``kiosk/services`` instead: the lambda stays
one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from kiosk.domain.errors import LinkError

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from ui.tasks import TaskRunner

T = TypeVar("T")
Operation = Callable[["AppContext"], T]
AfterOpen = Callable[["AppContext"], object]


class Ops:
    """Runs operations on the database thread over a context opened on first use."""

    def __init__(
        self,
        *,
        runner: TaskRunner,
        config: Config,
        clock: Clock = system_clock,
        app_name: str = "",
        after_open: AfterOpen | None = None,
        context: AppContext | None = None,
    ) -> None:
        self._runner = runner
        self.config = config
        self.clock = clock
        self.app_name = app_name
        self._after_open = after_open
        self._ctx = context

    @classmethod
    def over(cls, ctx: AppContext, *, runner: TaskRunner) -> Ops:
        """Operations on a context that is already open (tests, screenshots)."""
        return cls(runner=runner, config=ctx.config, clock=ctx.clock, context=ctx)

    async def run(self, op: Operation[T]) -> T:
        """Run ``op(ctx)`` on the database thread and return its result.

        Raises:
            LinkError: The database could not be reached.
            KioskError: Whatever the use case raises for people to read.
        """
        return await self._runner.run_db(self._call, op)

    def context(self) -> AppContext:
        """The context, opening and migrating the database the first time (database thread)."""
        if self._ctx is None:
            from kiosk.services.context import bootstrap

            ctx = bootstrap(self.config, clock=self.clock, app_name=self.app_name)
            if self._after_open is not None:
                self._after_open(ctx)  # e.g. demo seeding, still on the database thread
            self._ctx = ctx
        return self._ctx

    def close(self) -> None:
        """Close pooled connections."""
        if self._ctx is not None:
            self._ctx.db.dispose()

    def _call(self, op: Operation[T]) -> T:
        from kiosk.storage.engine import is_link_failure

        try:
            return op(self.context())
        except Exception as exc:
            if is_link_failure(exc):
                raise LinkError("Cannot reach the database: {reason}.", reason=exc) from exc
            raise
