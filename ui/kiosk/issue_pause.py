"""Whether the kiosk may issue tickets: paused while the database cannot be reached or written.

Two things pause it. The live path says the link is down (PostgreSQL gone, the SQLite file
unreadable), or a write is refused (a read-only data folder, a full disk, a read-only server):
``check_can_issue`` proves it at start, and a ticket that fails to commit says it later.
While paused the visitor is sent to a counter at once (a kiosk on PostgreSQL that holds
numbers issues offline instead: ``ui.kiosk.offline_issuer``), and a write is tried every
``PROBE_EVERY_S`` (only while the link is up: the live path watches the link itself) until it
succeeds; the kiosk then resumes by itself. The desks hear of it through an alert, as soon as
the database takes one, and the alert closes when the kiosk resumes. One log line per change
of state, never one per try.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from kiosk.services.kiosk_health import check_can_issue, report_paused, report_resumed
from ui.shell import Runtime

logger = logging.getLogger(__name__)

PROBE_EVERY_S = 2.0


class IssuePause(QObject):
    """The kiosk's "may I issue?" state, from the link and from proven writes.

    Signals:
        paused_changed(bool): issuing stopped (True) or may go on (False).
    """

    paused_changed = Signal(bool)

    def __init__(self, *, runtime: Runtime, source: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runtime = runtime
        self._source = source
        self._link_up = True
        self._write_fault = ""  # why writes fail; empty while they work
        self._alerted = False  # the desks hold an open "paused" alert of ours
        self._probing: asyncio.Task[None] | None = None

    @property
    def paused(self) -> bool:
        """True while no ticket can be issued."""
        return not self._link_up or bool(self._write_fault)

    def start(self) -> None:
        """Prove a write now (the first use opens the database), and keep trying if it fails."""
        self._ensure_probing()

    def stop(self) -> None:
        """Stop trying."""
        self._runtime.runner.cancel(self)

    def set_link(self, up: bool) -> None:
        """The live path's link state (the queue could or could not be read)."""
        was = self.paused
        self._link_up = up
        self._tell(was)

    def write_failed(self, reason: str) -> None:
        """A ticket could not be committed: pause, and try again until a write works."""
        was = self.paused
        self._set_fault(reason)
        self._tell(was)
        self._ensure_probing()

    def _ensure_probing(self) -> None:
        if self._probing is None or self._probing.done():
            self._probing = self._runtime.runner.start(self._probe_until_ok(), owner=self)

    async def _probe_until_ok(self) -> None:
        while True:
            if self._link_up:
                try:
                    await self._runtime.ops.run(check_can_issue)
                except Exception as exc:
                    was = self.paused
                    self._set_fault(_reason(exc))
                    self._tell(was)
                    await self._alert_desks()
                else:
                    was = self.paused
                    self._set_fault("")
                    self._tell(was)
                    await self._close_alerts()
                    return
            await asyncio.sleep(PROBE_EVERY_S)

    def _set_fault(self, reason: str) -> None:
        if reason and not self._write_fault:
            logger.warning("kiosk paused: the database takes no ticket: %s", reason)
        elif not reason and self._write_fault:
            logger.warning("kiosk issues tickets again: the database takes writes")
        self._write_fault = reason

    def _tell(self, was_paused: bool) -> None:
        if self.paused != was_paused:
            self.paused_changed.emit(self.paused)

    async def _alert_desks(self) -> None:
        if self._alerted:
            return
        reason = self._write_fault
        try:
            await self._runtime.ops.run(
                lambda ctx: report_paused(ctx, source=self._source, reason=reason)
            )
        except Exception:
            return  # the database takes nothing now; the next try may get through
        self._alerted = True

    async def _close_alerts(self) -> None:
        # Also closes an alert left open by a run that stopped while paused.
        try:
            await self._runtime.ops.run(lambda ctx: report_resumed(ctx, source=self._source))
        except Exception as exc:
            logger.warning("kiosk resumed, but its alert stays open: %s", _reason(exc))
            return
        self._alerted = False


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
