"""The sync strip's work: read what waits to go, and send it in the background when possible.

Records go to the commune through the core's ``sync_village`` (exactly once, across crashes).
It runs on a thread of its own, not the database thread: an unreachable commune server takes
up to ``[village] connect_timeout_s`` to fail, and a volunteer saving the next visit must not
wait behind it. The strip says what is true: how many records wait on this PC, when the
commune last confirmed one, and how the last attempt went; it never shows "sent" before the
commune has committed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.services.context import Actor
from kiosk.services.village_setup import VillageStatus, village_status
from kiosk.services.village_sync import SyncResult, sync_village
from ui.error_texts import error_text
from ui.formatting import format_time
from ui.i18n import translate
from ui.periodic import PeriodicCheck
from ui.shell import Runtime
from ui.village.sync_bar import SyncBar

logger = logging.getLogger(__name__)

# How often a village PC with a network link tries to send; a save also starts a sync.
SYNC_INTERVAL_MS = 60_000
# A sync of a few hundred records takes seconds; past this the strip stops waiting for it.
SYNC_TIMEOUT_S = 300.0
SYNC_ACTOR = Actor("village-sync")


class VillageSync(QObject):
    """Keeps the strip true and syncs in the background when ``[village] server_url`` is set.

    Signals:
        roster_changed: a sync brought a new roster or form (the flow reads its choices again).
    """

    roster_changed = Signal()

    def __init__(self, *, bar: SyncBar, runtime: Runtime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar, self._runtime = bar, runtime
        self._config = runtime.config
        self._tz = self._config.site.tz
        self.network = bool(self._config.village.server_url)
        self.status: VillageStatus | None = None
        self.problem = ""  # why the last sync failed, as shown
        self.sending = False
        self._executor = concurrent.futures.ThreadPoolExecutor(
            1, thread_name_prefix="kiosk-village-sync"
        )
        self._task: asyncio.Task[Any] | None = None
        self._periodic = PeriodicCheck(
            runner=runtime.runner, check=self.sync, interval_ms=SYNC_INTERVAL_MS, parent=self
        )
        bar.send_clicked.connect(self._on_bar_send_clicked)

    def start(self) -> None:
        """Show the state now; sync now and then on the timer when there is a network link."""
        self._show()
        self.request_read()
        if self.network:
            self.request_sync()
            self._periodic.start()

    def stop(self) -> None:
        """Stop the timer; a sync under way ends on its thread (the commune ignores a repeat)."""
        self._periodic.stop()
        self._runtime.runner.cancel(self)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def request_read(self) -> None:
        """Read the state again (after a save)."""
        self._runtime.runner.start(self.read(), owner=self)

    def request_sync(self) -> None:
        """Start a sync unless one is under way or there is no network link."""
        if self.network and (self._task is None or self._task.done()):
            self._task = self._runtime.runner.start(self.sync(), owner=self)

    async def read(self) -> None:
        """Read what waits and how the last sync went, and show it."""
        try:
            self.status = await self._runtime.ops.run(village_status)
        except Exception as exc:
            logger.warning("village status not read: %s", exc)
            self.problem = error_text(exc, self._tz)
        self._show()

    async def sync(self) -> None:
        """Send what waits to the commune (on the sync thread), then read the state again."""
        if self.sending:
            return
        self.sending = True
        self._show()
        try:
            result = await self._send()
        except TimeoutError:
            # The sync thread is still at it; the commune stores a repeated batch only once.
            self.problem = translate(
                "VillageSync", "Máy chủ của xã trả lời quá chậm; sẽ thử lại sau."
            )
        except Exception as exc:
            logger.info("village sync failed: %s", exc)
            self.problem = error_text(exc, self._tz)
        else:
            self.problem = ""
            if result.roster_changed:
                self.roster_changed.emit()
        finally:
            self.sending = False
        await self.read()

    async def _send(self) -> SyncResult:
        ops, runner = self._runtime.ops, self._runtime.runner
        ctx = await ops.run(lambda ctx: ctx)  # opened (and migrated) on the database thread
        future = self._executor.submit(sync_village, ctx, actor=SYNC_ACTOR)
        return await runner.wait_future(future, timeout_s=SYNC_TIMEOUT_S)

    def retranslate(self) -> None:
        """The strip's words in the current language."""
        self._show()

    def _show(self) -> None:
        status = self.status
        if status is None and self.problem:  # this PC's own state could not be read
            self._bar.show_state(waiting="", link=self.problem, tone="trouble", can_send=False)
            return
        waiting = (
            translate("VillageSync", "Đang đọc…")
            if status is None
            else translate("VillageSync", "Chờ gửi về xã: {count} lượt").format(
                count=status.pending_records
            )
        )
        link, tone = self._link_text(status)
        self._bar.show_state(waiting=waiting, link=link, tone=tone, can_send=self.network)
        self._bar.set_sending(
            self.sending,
            translate("VillageSync", "Đang gửi…")
            if self.sending
            else translate("VillageSync", "Gửi ngay"),
        )

    def _link_text(self, status: VillageStatus | None) -> tuple[str, str]:
        sent = ""
        if status is not None and status.last_sent_at is not None:
            sent = translate("VillageSync", "Xã nhận lần cuối lúc {time}.").format(
                time=self._when(status.last_sent_at)
            )
        if not self.network:
            usb = translate(
                "VillageSync",
                "Máy này không nối mạng với xã: chép bằng USB (kiosk village export).",
            )
            return " ".join(p for p in (usb, sent) if p), "waiting"
        if self.problem:
            failed = translate("VillageSync", "Chưa gửi được: {reason}").format(reason=self.problem)
            return " ".join(p for p in (failed, sent) if p), "trouble"
        if status is None or status.last_sync_ok is None:
            return translate("VillageSync", "Chưa gửi lần nào."), "waiting"
        if not status.last_sync_ok:
            failed = translate("VillageSync", "Lần gửi lúc {time} không được.").format(
                time=self._when(status.last_sync_at)
            )
            return " ".join(p for p in (failed, sent) if p), "trouble"
        ok = translate("VillageSync", "Đã kết nối với xã lúc {time}.").format(
            time=self._when(status.last_sync_at)
        )
        tone = "ok" if status.pending_records == 0 else "waiting"
        return " ".join(p for p in (ok, sent) if p), tone

    def _when(self, moment: Any) -> str:
        if moment is None:
            return ""
        local = moment.astimezone(self._tz)
        return f"{format_time(moment, self._tz)} {local:%d/%m}"

    @Slot()
    def _on_bar_send_clicked(self) -> None:
        self.request_sync()
