"""Who works at the desk now, and what the desk's flows share to talk to the core."""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from kiosk.domain.enums import HelperRole
from kiosk.domain.views import HelperView
from kiosk.services.context import Actor
from kiosk.services.desk_feed import DeskSnapshot
from ui.desk.undo_offers import UndoOffers
from ui.desk.window import DeskWindow
from ui.error_texts import error_text
from ui.live import LiveRead
from ui.shell import Runtime


class DeskSession:
    """The signed-in staff member and the open counter (both None when signed out)."""

    def __init__(self) -> None:
        self.helper: HelperView | None = None
        self.counter: int | None = None

    @property
    def actor(self) -> Actor:
        """The signed-in person as the audit log names them."""
        assert self.helper is not None, "no one is signed in"
        return Actor(self.helper.name, self.helper.id)

    @property
    def counter_number(self) -> int:
        """The open counter."""
        assert self.counter is not None, "no counter is open"
        return self.counter

    @property
    def is_manager(self) -> bool:
        """True when the signed-in helper may edit the roster."""
        return self.helper is not None and self.helper.role is HelperRole.MANAGER

    def clear(self) -> None:
        """Nobody is signed in."""
        self.helper = None
        self.counter = None


@dataclass(frozen=True)
class FlowDeps:
    """What every desk flow is given: window, runtime, session, the live queue and undo offer."""

    window: DeskWindow
    runtime: Runtime
    session: DeskSession
    queue: LiveRead[DeskSnapshot]
    undo: UndoOffers


class DeskFlow(QObject):
    """Base of the desk's flows: runs coroutines through the runner, words errors for people."""

    def __init__(self, *, deps: FlowDeps) -> None:
        super().__init__(deps.window)
        self._window = deps.window
        self._runtime = deps.runtime
        self._ops = deps.runtime.ops
        self._config = deps.runtime.config
        self._session = deps.session
        self._queue = deps.queue
        self._undo = deps.undo

    def _start(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._runtime.runner.start(coro, owner=self)

    async def _refresh(self) -> None:
        await self._queue.refresh()
        await self._undo.refresh()

    def _error_text(self, exc: BaseException) -> str:
        return error_text(exc, self._config.site.tz)

    def stop(self) -> None:
        """Cancel this flow's running tasks."""
        self._runtime.runner.cancel(self)
