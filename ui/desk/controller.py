"""The desk's working session: sign in and out, open the counter, keep the queue live.

Live updates: every ``poll_interval_ms`` one small query reads the change counter on the
database thread; only when it moved is the full snapshot read and shown. The flows for ticket
actions, visits and the roster are made here and share the session and ``refresh``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.domain.errors import AuthError, ErrorCode
from kiosk.domain.views import HelperView
from ui.desk.backend import DeskBackend
from ui.desk.roster_flow import RosterFlow
from ui.desk.session import DeskSession, FlowDeps
from ui.desk.ticket_actions import TicketActions
from ui.desk.visit_flow import VisitFlow
from ui.desk.window import DeskWindow
from ui.error_texts import error_text
from ui.i18n import I18n
from ui.idle import IdleWatcher
from ui.staff.texts import counter_title
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter

logger = logging.getLogger(__name__)

POLL_INTERVAL_MS = 500


class DeskController(QObject):
    """Signs staff in and out, opens and closes the counter, polls and refreshes.

    Signals:
        ready: the database is open and the staff names are on screen.
        signed_in(object): a staff member signed in and the counter is open (``HelperView``).
        signed_out(str): the counter closed; the reason is ``staff`` or ``idle``.
        refreshed: a fresh snapshot is on screen.
    """

    ready = Signal()
    signed_in = Signal(object)
    signed_out = Signal(str)
    refreshed = Signal()

    def __init__(
        self,
        *,
        window: DeskWindow,
        runner: TaskRunner,
        backend: DeskBackend,
        printer: TicketPrinter,
        i18n: I18n,
        fixed_counter: int | None = None,
        poll_interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self._window, self._runner, self._backend = window, runner, backend
        self._printer, self._i18n = printer, i18n
        self._fixed_counter = fixed_counter
        self.session = DeskSession()
        self._seen_counter: int | None = None
        self._chosen: HelperView | None = None
        self._staff: list[HelperView] = []
        self._poll_task: asyncio.Task[Any] | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_interval_ms)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self.idle = IdleWatcher(timeout_s=backend.config.desk.auto_sign_out_min * 60, parent=self)
        self.idle.stop()
        self.idle.timed_out.connect(self._on_idle_timed_out)
        deps = FlowDeps(window, runner, backend, self.session, self.refresh)
        self.actions = TicketActions(deps=deps, printer=printer, i18n=i18n)
        self.visits = VisitFlow(deps=deps)
        self.roster = RosterFlow(deps=deps)
        window.staff.staff_chosen.connect(self._on_staff_staff_chosen)
        window.pin.pin_submitted.connect(self._on_pin_pin_submitted)
        window.counters.counter_chosen.connect(self._on_counters_counter_chosen)
        window.counters.back_clicked.connect(self._on_counters_back_clicked)
        window.queue.sign_out_clicked.connect(self._on_queue_sign_out_clicked)

    def start(self) -> None:
        """Open the database and the printer in the background, then show the names."""
        self._runner.start(self._startup(), owner=self)

    def stop(self) -> None:
        """Stop polling and cancel every task of the desk."""
        self._poll_timer.stop()
        self._watch_idle(False)
        for flow in (self.actions, self.visits, self.roster):
            flow.stop()
        self._runner.cancel(self)

    def sign_out(self, reason: str = "staff") -> None:
        """Close the counter and go back to the names."""
        self._runner.start(self._sign_out(reason), owner=self)

    async def refresh(self) -> None:
        """Read and show the queue now (after an action, or when the counter moved)."""
        if self.session.counter is None:
            return
        snapshot = await self._runner.run_db(self._backend.snapshot)
        self._seen_counter = snapshot.change_counter
        self._window.queue.show_snapshot(snapshot)
        open_now = {c.number for c in snapshot.counters if c.is_open}
        self._window.counters.set_open_counters(open_now)
        self.refreshed.emit()

    async def _startup(self) -> None:
        try:
            await self._runner.run_db(self._backend.open)
            await self._runner.run_db(self._printer.start)
            await self._load_staff()
            self.ready.emit()
        finally:
            self._poll_timer.start()

    async def _load_staff(self) -> None:
        self._staff = await self._runner.run_db(self._backend.staff)
        self._window.staff.set_staff(self._staff)

    async def _poll(self) -> None:
        if self.session.counter is None:
            return
        counter = await self._runner.run_db(self._backend.change_counter)
        if counter != self._seen_counter:
            await self.refresh()

    async def _sign_in(self, helper: HelperView, pin: str) -> None:
        pin_screen = self._window.pin
        pin_screen.show_checking()
        try:
            signed = await self._runner.run_db(self._backend.sign_in, helper.id, pin)
        except AuthError as exc:
            locked = exc.code is ErrorCode.PIN_LOCKED
            pin_screen.show_refused(error_text(exc, self._backend.config.site.tz), locked=locked)
            return
        except Exception as exc:
            pin_screen.show_error(error_text(exc, self._backend.config.site.tz))
            return
        self.session.helper = signed
        if self._fixed_counter is not None:
            await self._open_counter(self._fixed_counter)
            return
        snapshot = await self._runner.run_db(self._backend.snapshot)
        self._window.counters.set_open_counters({c.number for c in snapshot.counters if c.is_open})
        self._window.show_counters()

    async def _open_counter(self, number: int) -> None:
        self.session.counter = number
        try:
            await self._runner.run_db(self._backend.open_counter, number, self.session.actor)
        except Exception as exc:
            self.session.counter = None
            self._window.pin.show_error(error_text(exc, self._backend.config.site.tz))
            self._window.show_pin(self.session.helper.name if self.session.helper else "")
            return
        helper = self.session.helper
        assert helper is not None
        self._window.queue.set_session(
            name=helper.name, counter_number=number, manager=self.session.is_manager
        )
        self._window.set_session_text(f"{counter_title(number)} · {helper.name}")
        self._window.queue.message.clear()
        self._window.show_queue()
        self._watch_idle(True)
        await self.refresh()
        self.signed_in.emit(helper)

    async def _sign_out(self, reason: str) -> None:
        counter, helper = self.session.counter, self.session.helper
        self._watch_idle(False)
        self.actions.forget_undo()
        if counter is not None and helper is not None:
            try:
                await self._runner.run_db(self._backend.close_counter, counter, self.session.actor)
            except Exception:
                logger.exception("could not close counter %s", counter)
        self.session.clear()
        self._seen_counter = None
        self._window.set_session_text("")
        self._window.show_staff()
        await self._load_staff()
        logger.info("desk signed out (%s)", reason)
        self.signed_out.emit(reason)

    def _watch_idle(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self.idle)
            self.idle.restart()
        else:
            app.removeEventFilter(self.idle)
            self.idle.stop()

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = self._runner.start(self._poll(), owner=self)

    @Slot(int)
    def _on_staff_staff_chosen(self, helper_id: int) -> None:
        self._chosen = next((h for h in self._staff if h.id == helper_id), None)
        if self._chosen is not None:
            self._window.show_pin(self._chosen.name)

    @Slot(str)
    def _on_pin_pin_submitted(self, pin: str) -> None:
        if self._chosen is not None:
            self._runner.start(self._sign_in(self._chosen, pin), owner=self)

    @Slot(int)
    def _on_counters_counter_chosen(self, number: int) -> None:
        if self.session.helper is not None:
            self._runner.start(self._open_counter(number), owner=self)

    @Slot()
    def _on_counters_back_clicked(self) -> None:
        self.session.clear()
        self._window.show_staff()

    @Slot()
    def _on_queue_sign_out_clicked(self) -> None:
        self.sign_out("staff")

    @Slot()
    def _on_idle_timed_out(self) -> None:
        if self.session.counter is not None:
            self.sign_out("idle")
