"""The kiosk beyond navigation: the live queue, issuing and printing, alerts, the staff exit.

Every use case runs as an operation (``Runtime.ops``) and every print on the PrinterWorker, so
the UI thread only ever waits on the event loop. The lines and the waiting count are a
``LiveRead``: they follow every change and disappear while the database cannot be reached.
While it cannot, a kiosk on PostgreSQL issues from the numbers it holds (``OfflineIssuer``)
and uploads them when the link is back; without numbers it sends visitors to a counter.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.domain.errors import AuthError, LinkError
from kiosk.domain.views import TicketView
from kiosk.services.alerts import AlertKind, raise_alert
from kiosk.services.kiosk_menu import KioskSnapshot, kiosk_snapshot
from kiosk.services.staff_exit import verify_exit_pin
from kiosk.services.tickets import issue_ticket, issue_ticket_for_guide
from ui.i18n import I18n
from ui.kiosk.issue_pause import IssuePause
from ui.kiosk.notice_overlay import ERROR, HELP_FAILED, HELP_SENT, PAUSED
from ui.kiosk.offline_issuer import OfflineIssuer
from ui.kiosk.print_state import FAILED, PRINTED
from ui.kiosk.window import KioskWindow
from ui.live import LiveRead
from ui.shell import Runtime
from ui.ticket_printing import TicketPrinter, print_only, print_ticket

logger = logging.getLogger(__name__)

KIOSK_SOURCE = "kiosk"
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
        runtime: Runtime,
        printer: TicketPrinter,
        i18n: I18n,
        companions: Sequence[Companion] = (),
    ) -> None:
        super().__init__(window)
        self._window, self._runtime, self._printer, self._i18n = window, runtime, printer, i18n
        self._companions = tuple(companions)
        self._ready = False
        self.offline = OfflineIssuer(runtime=runtime, parent=self)
        self.pause = IssuePause(runtime=runtime, source=KIOSK_SOURCE, parent=self)
        self.pause.paused_changed.connect(self._on_pause_paused_changed)
        self.menu = LiveRead(
            runtime, kiosk_snapshot, self._show_snapshot, on_link=self.pause.set_link, parent=self
        )
        window.paused_tapped.connect(self._on_window_paused_tapped)
        window.choose.line_chosen.connect(self._on_choose_line_chosen)
        window.help_requested.connect(self._on_window_help_requested)
        window.exit_overlay.pin_submitted.connect(self._on_exit_overlay_pin_submitted)

    def start(self) -> None:
        """Open the database and the printer in the background, then keep the queue fresh."""
        self._runtime.runner.start(self._startup(), owner=self)
        for companion in self._companions:
            companion.start()

    def stop(self) -> None:
        """Stop reading and cancel this controller's (and its companions') tasks."""
        self.menu.stop()
        self.pause.stop()
        self._runtime.runner.cancel(self)
        self.offline.close()
        for companion in self._companions:
            companion.stop()

    async def _startup(self) -> None:
        await self._runtime.runner.run_db(self._printer.start)
        self.menu.start()
        self.pause.start()

    def _show_snapshot(self, snapshot: KioskSnapshot) -> None:
        self._window.home.set_waiting(snapshot.total_waiting)
        self._window.choose.set_lines(snapshot.lines)
        if not self._ready:
            self._ready = True
            self.ready.emit()
            self._runtime.runner.start(self.offline.sync(), owner=self)  # numbers to hold

    def _show_paused(self, paused: bool) -> None:
        # Counts of a queue we cannot read would be stale: none until the database answers.
        # Visitors are sent to a counter unless the kiosk holds numbers to issue offline
        # (and has the lines to offer: they are read from the server once).
        offline = paused and self._ready and self.offline.available()
        self._window.issuing_paused = paused and not offline
        self._window.home.set_paused(paused and not offline)
        if offline:
            self._window.home.set_waiting(None)
        self._window.choose.set_waiting_known(not paused)
        if not paused:
            self._runtime.runner.start(self.offline.sync(), owner=self)

    async def _issue(self, line_code: str, priority_group: str | None, procedure: str) -> None:
        window = self._window
        if self.pause.paused or not self.menu.live:
            await self._issue_offline(line_code, priority_group, procedure)
            return
        window.choose.set_busy(True)
        try:
            ticket = await self._issue_online(line_code, priority_group, procedure)
        except LinkError as exc:
            # The database cannot take it now (cut, read-only, full): paused until it can.
            self.pause.write_failed(str(exc))
            window.choose.set_busy(False)
            await self._issue_offline(line_code, priority_group, procedure)
            return
        except Exception:
            logger.exception("could not issue a ticket on line %s", line_code)
            window.notice.show_notice(ERROR, close_after_s=NOTICE_S)
            return
        finally:
            window.choose.set_busy(False)
        await self._show_and_print(ticket, priority_group)
        await self.menu.refresh()
        await self.offline.sync()  # the numbers held are topped up while the server answers

    async def _issue_online(
        self, line_code: str, priority_group: str | None, procedure: str
    ) -> TicketView:
        """A ticket from the kiosk's own numbers if it holds some, else the server's sequence.

        A held ticket the server did not take is shown as offline: it is on disk, and the
        upload sends it when the link returns.
        """
        held = None
        await self.offline.settled()
        if self.offline.available(line_code):
            held = await self.offline.take(
                line_code=line_code, priority_group=priority_group, procedure_code=procedure or None
            )
        if held is not None:
            try:
                return await self.offline.record(held)
            except LinkError as exc:
                self.pause.write_failed(str(exc))
                return self.offline.offline_view(held)
        if procedure:
            return await self._runtime.ops.run(
                lambda ctx: issue_ticket_for_guide(
                    ctx, line_code=line_code, procedure_code=procedure
                )
            )
        return await self._runtime.ops.run(
            lambda ctx: issue_ticket(ctx, line_code=line_code, priority_group=priority_group)
        )

    async def _issue_offline(
        self, line_code: str, priority_group: str | None, procedure: str
    ) -> None:
        """A ticket from the numbers held while the server is gone; without, the desk."""
        try:
            held = await self.offline.take(
                line_code=line_code, priority_group=priority_group, procedure_code=procedure or None
            )
        except Exception:
            logger.exception("could not issue a ticket offline on line %s", line_code)
            held = None
        finally:
            self._show_paused(self.pause.paused)  # the last number may just have gone
        if held is None:
            self._window.notice.show_notice(PAUSED, close_after_s=NOTICE_S)
            return
        await self._show_and_print(self.offline.offline_view(held), priority_group)

    async def _show_and_print(self, ticket: TicketView, priority_group: str | None) -> None:
        # Committed (or, offline, on disk): the visitor sees the number, whatever the printer
        # does. An offline ticket has no row on the server to record its print result in.
        window = self._window
        window.ticket.show_ticket(ticket, priority_name=window.priority_name(priority_group))
        window.show_ticket_screen()
        language = self._i18n.language
        if ticket.id < 0:
            outcome = await print_only(
                runtime=self._runtime, printer=self._printer, ticket=ticket, language=language
            )
        else:
            outcome = await print_ticket(
                runtime=self._runtime,
                printer=self._printer,
                ticket=ticket,
                language=language,
                source=KIOSK_SOURCE,
            )
        window.set_print_state(ticket.id, PRINTED if outcome.printed else FAILED)

    async def _request_help(self) -> None:
        try:
            await self._runtime.ops.run(
                lambda ctx: raise_alert(ctx, kind=AlertKind.HELP_REQUESTED, source=KIOSK_SOURCE)
            )
        except Exception:
            logger.exception("could not raise the help alert")
            self._window.notice.show_notice(HELP_FAILED, close_after_s=NOTICE_S)
            return
        self._window.notice.show_notice(HELP_SENT, close_after_s=NOTICE_S)

    async def _check_exit_pin(self, pin: str) -> None:
        overlay = self._window.exit_overlay
        overlay.show_checking()
        try:
            # The throttle of wrong PINs lives in the database (audited, kept over restarts).
            helper = await self._runtime.ops.run(
                lambda ctx: verify_exit_pin(ctx, pin, source=KIOSK_SOURCE)
            )
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
        self._runtime.runner.start(self._issue(line_code, None, procedure_code), owner=self)

    @Slot(str)
    def _on_choose_line_chosen(self, line_code: str) -> None:
        group = self._window.priority_group
        self._runtime.runner.start(self._issue(line_code, group, ""), owner=self)

    @Slot(bool)
    def _on_pause_paused_changed(self, paused: bool) -> None:
        self._show_paused(paused)

    @Slot()
    def _on_window_paused_tapped(self) -> None:
        self._window.notice.show_notice(PAUSED, close_after_s=NOTICE_S)

    @Slot()
    def _on_window_help_requested(self) -> None:
        self._runtime.runner.start(self._request_help(), owner=self)

    @Slot(str)
    def _on_exit_overlay_pin_submitted(self, pin: str) -> None:
        self._runtime.runner.start(self._check_exit_pin(pin), owner=self)
