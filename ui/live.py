"""The one live path: change notices and the link state, and the live reads screens are built on.

``Live`` is the program's single ear on the database (one per process): a watcher thread from
``kiosk.storage.live`` (PostgreSQL ``LISTEN``, SQLite ``PRAGMA data_version``) turned into Qt
signals on the UI thread. ``LiveRead`` is one screen's live data: it reads when it starts, after
every change and when the link comes back, never two reads at once, and tells the screen when
what it shows stops or starts being live. No screen writes a poll loop of its own.

How to add a live screen::

    # runtime: from the shell; desk_snapshot: an operation returning a frozen view;
    # show: called on the UI thread with fresh data; on_link(False): mark the data stale.
    self.queue = LiveRead(runtime, desk_snapshot, self._show, on_link=self._stale, parent=self)
    self.queue.start()

and ``await self.queue.refresh()`` after an action, to show its effect at once. While the link
is down a ``LiveRead`` does not read (a read would hang or fail). A screen that shows the link
itself (``ui.widgets.link_banner``: a banner on staff screens, a discreet mark on the TV) calls
``follow_link(runtime.live, banner.set_link_up)``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.domain.errors import LinkError

if TYPE_CHECKING:
    from kiosk.storage.live import WatchTimings
    from ui.operations import Operation
    from ui.shell import Runtime

logger = logging.getLogger(__name__)

T = TypeVar("T")
# A watcher thread stops within its slowest wait (a PostgreSQL connect timeout is 3 s).
STOP_WAIT_S = 5.0


class Live(QObject):
    """Change notices and the link state of one program, as signals on the UI thread.

    ``up`` is None until the first answer, then whether the database answers.

    Signals:
        changed: something was committed (several changes may come as one notice).
        link_changed(bool): the database became reachable (True) or unreachable (False).
    """

    changed = Signal()
    link_changed = Signal(bool)
    # Emitted on the watcher's thread; Qt queues them to this object's (the UI) thread.
    _heard = Signal()
    _link_heard = Signal(bool)

    def __init__(
        self,
        *,
        url: str | None,
        app_name: str = "",
        timings: WatchTimings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._url = url
        self._app_name = app_name
        self._timings = timings
        self.up: bool | None = None if url is not None else True
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._heard.connect(self._on_self_heard)
        self._link_heard.connect(self._on_self_link_heard)

    @classmethod
    def manual(cls, parent: QObject | None = None) -> Live:
        """A Live with no watcher: up, and silent unless told (tests drive it by hand)."""
        return cls(url=None, parent=parent)

    def start(self) -> None:
        """Start the watcher thread (a manual Live has none)."""
        if self._url is None or self._thread is not None:
            return
        from kiosk.storage.live import make_watcher

        watcher = make_watcher(
            self._url, app_name=self._app_name, events=_Events(self), timings=self._timings
        )
        self._thread = threading.Thread(
            target=watcher.run, args=(self._stop,), name="kiosk-live", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop the watcher thread and wait for it a moment."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=STOP_WAIT_S)
            self._thread = None

    def notify(self) -> None:
        """Report a change (thread-safe): the watcher does, and tests with a manual Live."""
        self._heard.emit()

    def set_link(self, up: bool) -> None:
        """Report the link state (thread-safe): the watcher does, and tests."""
        self._link_heard.emit(up)

    @Slot()
    def _on_self_heard(self) -> None:
        self.changed.emit()

    @Slot(bool)
    def _on_self_link_heard(self, up: bool) -> None:
        if up != self.up:
            self.up = up
            self.link_changed.emit(up)


def follow_link(live: Live, show: Callable[[bool], None]) -> None:
    """Call ``show(up)`` now and on every change of the link (a banner, a mark)."""
    show(live.up is not False)
    live.link_changed.connect(show)


class _Events:
    """The watcher's ``WatchEvents``, forwarded to a Live from the watcher's thread."""

    def __init__(self, live: Live) -> None:
        self._live = live

    def changed(self) -> None:
        self._live.notify()

    def link(self, up: bool, reason: str) -> None:
        self._live.set_link(up)


class LiveRead(QObject, Generic[T]):
    """One screen's live data: read on start, on each change, when the link returns; shown."""

    def __init__(
        self,
        runtime: Runtime,
        read: Operation[T],
        show: Callable[[T], None],
        *,
        on_link: Callable[[bool], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops, self._live, self._runner = runtime.ops, runtime.live, runtime.runner
        self._read, self._show, self._on_link = read, show, on_link
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[Any] | None = None
        self._active = False
        self._dirty = False
        self._failing = False
        self._shown: list[T] = []  # the data on screen, once there is some
        self.live = True

    def start(self) -> None:
        """Read now and keep reading on every change."""
        if not self._active:
            self._active = True
            self._live.changed.connect(self._on_live_changed)
            self._live.link_changed.connect(self._on_live_link_changed)
        if self._live.up is False:
            self._set_live(False)
        self._request()

    def stop(self) -> None:
        """Stop reading (the data on screen stays as it is)."""
        if self._active:
            self._active = False
            self._live.changed.disconnect(self._on_live_changed)
            self._live.link_changed.disconnect(self._on_live_link_changed)
        self._runner.cancel(self)

    async def refresh(self) -> bool:
        """Read and show now (after an action); False when the read failed."""
        async with self._lock:
            try:
                result = await self._ops.run(self._read)
            except LinkError:
                self._set_live(False)
                return False
            except Exception:
                if not self._failing:  # once per failing spell, not once per change
                    logger.exception("live read failed")
                self._failing = True
                return False
            self._failing = False
            was_live = self.live
            # Both in one go on the UI thread: nobody sees old data marked live, or fresh stale.
            self._set_live(self._live.up is not False)
            if was_live and self._shown and self._shown[0] == result:
                return True  # the same data again (our own change, say): nothing to redraw
            self._shown = [result]
            self._show(result)
            return True

    def _request(self) -> None:
        self._dirty = True
        if self._live.up is False:
            return  # the read waits for the link to come back
        if self._task is None or self._task.done():
            self._task = self._runner.start(self._drain(), owner=self)

    async def _drain(self) -> None:
        while self._dirty and self._active:
            self._dirty = False
            await self.refresh()

    def _set_live(self, live: bool) -> None:
        if live != self.live:
            self.live = live
            if self._on_link is not None:
                self._on_link(live)

    @Slot()
    def _on_live_changed(self) -> None:
        self._request()

    @Slot(bool)
    def _on_live_link_changed(self, up: bool) -> None:
        if up:
            self._request()  # the read proves the link and makes the screen live again
        else:
            self._set_live(False)
