"""What the kiosk does beyond navigation: read the queue, issue and print, alert, let staff out.

Every database call goes through ``TaskRunner.run_db`` and every print through the
PrinterWorker, so the UI thread only ever waits on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.domain.errors import AuthError
from ui.i18n import I18n
from ui.kiosk.backend import KioskBackend
from ui.kiosk.notice_overlay import ERROR, HELP_FAILED, HELP_SENT
from ui.kiosk.ticket_screen import FAILED, PRINTED
from ui.kiosk.window import KioskWindow
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter, print_ticket

logger = logging.getLogger(__name__)

POLL_INTERVAL_MS = 2000
NOTICE_S = 15.0


class Companion(Protocol):
    """A controller of a tile's screen (guides, rating) that starts and stops with the kiosk."""

    def start(self) -> None:
        """Start background work (after the first frame)."""

    def stop(self) -> None:
        """Cancel its tasks."""


class KioskController(QObject):
    """Connects the kiosk's screens to the core, one coroutine per visitor action.

    Signals:
        ready: the database is open and the first snapshot is on screen.
        exit_granted(object): a staff member's PIN opened the exit (their ``HelperView``).
    """

    ready = Signal()
    exit_granted = Signal(object)

    def __init__(
        self,
        *,
        window: KioskWindow,
        runner: TaskRunner,
        backend: KioskBackend,
        printer: TicketPrinter,
        i18n: I18n,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        companions: Sequence[Companion] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._backend = backend
        self._printer = printer
        self._i18n = i18n
        self._companions = tuple(companions)
        self._seen_counter: int | None = None
        self._poll_task: asyncio.Task[Any] | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_interval_ms)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        window.choose.line_chosen.connect(self._on_choose_line_chosen)
        window.help_requested.connect(self._on_window_help_requested)
        window.exit_overlay.pin_submitted.connect(self._on_exit_overlay_pin_submitted)

    def start(self) -> None:
        """Open the database and the printer in the background, then keep the queue fresh."""
        self._runner.start(self._startup(), owner=self)
        for companion in self._companions:
            companion.start()

    def stop(self) -> None:
        """Stop polling and cancel this controller's (and its companions') tasks."""
        self._poll_timer.stop()
        self._runner.cancel(self)
        for companion in self._companions:
            companion.stop()

    async def _startup(self) -> None:
        try:
            await self._runner.run_db(self._backend.open)
            await self._runner.run_db(self._printer.start)
            await self._refresh()
            self.ready.emit()
        finally:
            self._poll_timer.start()

    async def _poll(self) -> None:
        counter = await self._runner.run_db(self._backend.change_counter)
        if counter != self._seen_counter:
            await self._refresh()

    async def _refresh(self) -> None:
        snapshot = await self._runner.run_db(self._backend.snapshot)
        self._seen_counter = snapshot.change_counter
        self._window.home.set_waiting(snapshot.total_waiting)
        self._window.choose.set_lines(snapshot.lines)

    async def _issue(
        self, line_code: str, priority_group: str | None, procedure_code: str | None = None
    ) -> None:
        window = self._window
        window.choose.set_busy(True)
        try:
            ticket = await self._runner.run_db(
                self._backend.issue_ticket, line_code, priority_group, procedure_code
            )
        except Exception:
            logger.exception("could not issue a ticket on line %s", line_code)
            window.notice.show_notice(ERROR, close_after_s=NOTICE_S)
            return
        finally:
            window.choose.set_busy(False)
        # Committed: now the visitor sees the number, whatever the printer does.
        window.ticket.show_ticket(ticket, priority_name=window.priority_name(priority_group))
        window.show_ticket_screen()
        outcome = await print_ticket(
            runner=self._runner,
            printer=self._printer,
            recorder=self._backend,
            ticket=ticket,
            language=self._i18n.language,
        )
        window.set_print_state(ticket.id, PRINTED if outcome.printed else FAILED)
        await self._refresh()

    async def _request_help(self) -> None:
        try:
            await self._runner.run_db(self._backend.request_help)
        except Exception:
            logger.exception("could not raise the help alert")
            self._window.notice.show_notice(HELP_FAILED, close_after_s=NOTICE_S)
            return
        self._window.notice.show_notice(HELP_SENT, close_after_s=NOTICE_S)

    async def _check_exit_pin(self, pin: str) -> None:
        overlay = self._window.exit_overlay
        overlay.show_checking()
        try:
            helper = await self._runner.run_db(self._backend.verify_exit_pin, pin)
        except AuthError:
            overlay.show_locked()
            return
        except Exception:
            logger.exception("could not check the exit PIN")
            overlay.show_wrong_pin()
            return
        if helper is None:
            overlay.show_wrong_pin()
            return
        overlay.close_overlay()
        logger.info("kiosk exit by %s", helper.name)
        self.exit_granted.emit(helper)

    @Slot(str, str)
    def issue_for_procedure(self, line_code: str, procedure_code: str) -> None:
        """Issue (and print) a regular ticket for a procedure, e.g. from its guide."""
        self._runner.start(self._issue(line_code, None, procedure_code), owner=self)

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = self._runner.start(self._poll(), owner=self)

    @Slot(str)
    def _on_choose_line_chosen(self, line_code: str) -> None:
        self._runner.start(self._issue(line_code, self._window.priority_group), owner=self)

    @Slot()
    def _on_window_help_requested(self) -> None:
        self._runner.start(self._request_help(), owner=self)

    @Slot(str)
    def _on_exit_overlay_pin_submitted(self, pin: str) -> None:
        self._runner.start(self._check_exit_pin(pin), owner=self)
