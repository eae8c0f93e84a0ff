"""The kiosk's own numbers on the UI side: kept while online, issued online and offline.

A kiosk that holds numbers issues every ticket from them (``take``), online too (``record``
puts it on the server at once), so its numbers run in order whether the server answers or
not; without numbers (none taken yet, or used up) the controller issues on the server.

The rules live in ``kiosk.services.offline_kiosk``; this keeps the journal (a local SQLite
file) on a thread of its own, so a visitor's offline ticket never waits behind a database
call hung on a dead link, and counts what is left per line for the screens. Only a kiosk on
PostgreSQL issues offline: an SQLite database is on the kiosk's own disk, so when it fails the
journal beside it would fail too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject

from kiosk.domain.clock import service_day
from kiosk.domain.views import TicketView
from kiosk.services.offline_kiosk import (
    issue_offline,
    journal_path,
    offline_ticket_view,
    record_kiosk_ticket,
    reserve_blocks,
    upload_offline_tickets,
)
from kiosk.storage.engine import is_sqlite
from kiosk.storage.offline_journal import JournalTicket, OfflineJournal
from ui.shell import Runtime

logger = logging.getLogger(__name__)

T = TypeVar("T")
JOURNAL_TIMEOUT_S = 10.0


class OfflineIssuer(QObject):
    """Keeps numbers set aside while online, issues from them while not, uploads on return."""

    def __init__(self, *, runtime: Runtime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runtime = runtime
        self.enabled = not is_sqlite(runtime.config.database_url)
        self._journal: OfflineJournal | None = None
        self._left: dict[str, int] = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="kiosk-journal")
        self._syncing = asyncio.Lock()
        self._sync_failed = False

    def available(self, line_code: str | None = None) -> bool:
        """True when a number is held for ``line_code`` (any line if None) today."""
        if line_code is None:
            return any(left > 0 for left in self._left.values())
        return self._left.get(line_code, 0) > 0

    async def settled(self) -> None:
        """Wait for a sync under way, so ``available`` counts the numbers it just set aside.

        Without it a tap that lands between a block's commit on the server and its count here
        takes the server's next number after the block (A021 instead of A001).
        """
        if self.enabled and self._syncing.locked():
            async with self._syncing:
                pass

    def close(self) -> None:
        """Stop the journal's thread (its current call finishes)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def sync(self) -> None:
        """While online: upload what was issued offline, then top up today's numbers."""
        if not self.enabled or self._syncing.locked():
            return
        async with self._syncing:
            try:
                journal = await self._journal_now()
                ops = self._runtime.ops
                await ops.run(lambda ctx: upload_offline_tickets(ctx, journal=journal))
                await ops.run(lambda ctx: reserve_blocks(ctx, journal=journal))
                await self._count(journal)
            except Exception as exc:
                if not self._sync_failed:  # once per failing spell: the link may be down again
                    logger.warning("offline numbers not synced: %s", exc)
                self._sync_failed = True
                return
            self._sync_failed = False

    async def take(
        self, *, line_code: str, priority_group: str | None, procedure_code: str | None
    ) -> JournalTicket | None:
        """The next number held for the line, as a ticket on disk; None if none is left."""
        if not self.enabled:
            return None
        journal = await self._journal_now()
        config, now = self._runtime.config, self._runtime.clock()
        ticket = await self._in_journal(
            lambda: issue_offline(
                journal,
                config=config,
                now=now,
                line_code=line_code,
                priority_group=priority_group,
                procedure_code=procedure_code,
            )
        )
        await self._count(journal)
        return ticket

    async def record(self, ticket: JournalTicket) -> TicketView:
        """Put a ticket just taken on the server now, and mark it sent.

        Raises:
            LinkError: The server did not take it; it stays in the journal for the upload.
        """
        journal = await self._journal_now()
        view = await self._runtime.ops.run(
            lambda ctx: record_kiosk_ticket(ctx, kiosk_id=journal.kiosk_id, ticket=ticket)
        )
        await self._in_journal(lambda: journal.mark_uploaded(ticket.uuid))
        return view

    def offline_view(self, ticket: JournalTicket) -> TicketView:
        """What the visitor sees of a ticket the server does not have yet."""
        logger.info("ticket %s issued offline (%s)", ticket.number, ticket.uuid)
        return offline_ticket_view(self._runtime.config, ticket)

    async def _journal_now(self) -> OfflineJournal:
        if self._journal is None:
            path = journal_path(self._runtime.config)
            self._journal = await self._in_journal(lambda: OfflineJournal(path))
        return self._journal

    async def _count(self, journal: OfflineJournal) -> None:
        config, now = self._runtime.config, self._runtime.clock()
        day = service_day(now, config.site.tz)
        self._left = await self._in_journal(
            lambda: {
                line.code: journal.numbers_left(line_code=line.code, service_day=day)
                for line in config.lines
            }
        )

    async def _in_journal(self, call: Callable[[], T]) -> T:
        future = self._pool.submit(call)
        return await self._runtime.runner.wait_future(future, timeout_s=JOURNAL_TIMEOUT_S)
