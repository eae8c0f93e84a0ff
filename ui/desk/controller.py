"""The desk's working session: sign in and out, open the counter, keep the queue live.

The queue is a ``LiveRead`` of ``desk_snapshot``: it follows every change while someone is
signed in, greys out while the database cannot be reached, and the banner under the header
says so on every screen of the desk. The flows for ticket actions, visits and the roster are
made here and share the session and the live queue.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import AuthError, ErrorCode, KioskError
from kiosk.domain.views import HelperView
from kiosk.services.desk import close_counter, open_counter
from kiosk.services.desk_feed import DeskSnapshot, desk_snapshot
from kiosk.services.helpers import sign_in
from kiosk.services.roster import who_can_sign_in
from ui.busy_watch import BusyWatch
from ui.desk.roster_flow import RosterFlow
from ui.desk.session import DeskSession, FlowDeps
from ui.desk.ticket_actions import TicketActions
from ui.desk.undo_offers import UndoOffers
from ui.desk.visit_flow import VisitFlow
from ui.desk.window import DeskWindow
from ui.error_texts import error_text
from ui.idle import IdleWatcher
from ui.live import LiveRead, follow_link
from ui.shell import Runtime
from ui.staff.texts import counter_title
from ui.ticket_printing import TicketPrinter

logger = logging.getLogger(__name__)


class DeskController(QObject):
    """Signs staff in and out, opens and closes the counter, keeps the queue on screen live.

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
        self, *, window: DeskWindow, runtime: Runtime, printer: TicketPrinter, counter: int | None
    ) -> None:
        super().__init__(window)
        self._window, self._runtime, self._ops = window, runtime, runtime.ops
        self._fixed_counter = counter  # this PC's counter, or None: chosen at sign-in
        self._tz = runtime.config.site.tz
        self.session = DeskSession()
        self._chosen: HelperView | None = None
        self._staff: list[HelperView] = []
        self._staff_loaded = False
        self._ready = False
        self.queue = LiveRead(
            runtime, desk_snapshot, self._show_snapshot, on_link=window.queue.set_live, parent=self
        )
        minutes = runtime.config.desk.auto_sign_out_min
        self.idle = IdleWatcher(timeout_s=minutes * 60, parent=self)
        self.idle.stop()
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.undo = UndoOffers(window=window, runtime=runtime)
        deps = FlowDeps(window, runtime, self.session, self.queue, self.undo)
        self.visits = VisitFlow(deps=deps)
        self.actions = TicketActions(
            deps=deps, printer=printer, i18n=window.i18n, reopen=self.visits.reopen
        )
        self.roster = RosterFlow(deps=deps)
        runtime.live.link_changed.connect(self._on_live_link_changed)
        follow_link(runtime.live, window.set_link_up)
        self.busy = BusyWatch(parent=self)
        self.busy.busy_changed.connect(window.set_busy)
        window.staff.staff_chosen.connect(self._on_staff_staff_chosen)
        window.pin.pin_submitted.connect(self._on_pin_pin_submitted)
        window.counters.counter_chosen.connect(self._on_counters_counter_chosen)
        window.counters.back_clicked.connect(self._on_counters_back_clicked)
        window.queue.sign_out_clicked.connect(self._on_queue_sign_out_clicked)

    def start(self) -> None:
        """Open the database and the printer in the background, then show the names."""
        self._runtime.runner.start(self._startup(), owner=self)

    def stop(self) -> None:
        """Stop reading and cancel every task of the desk."""
        self.queue.stop()
        self.undo.stop()
        self.busy.stop()
        self._watch_idle(False)
        for flow in (self.actions, self.visits, self.roster):
            flow.stop()
        self._runtime.runner.cancel(self)

    def sign_out(self, reason: str = "staff") -> None:
        """Close the counter and go back to the names."""
        self._runtime.runner.start(self._sign_out(reason), owner=self)

    async def refresh(self) -> None:
        """Read and show the queue and the undo offer now."""
        await self.queue.refresh()
        await self.undo.refresh()

    async def close_counter_on_exit(self) -> None:
        """The program quits while someone is signed in: close their counter on the way out."""
        counter, helper = self.session.counter, self.session.helper
        if counter is None or helper is None:
            return
        actor = self.session.actor
        await self._ops.run(lambda ctx: close_counter(ctx, counter_number=counter, actor=actor))

    def _show_snapshot(self, snapshot: DeskSnapshot) -> None:
        self._window.queue.show_snapshot(snapshot)
        self._window.counters.set_open_counters(snapshot.open_counters())
        self.refreshed.emit()

    async def _startup(self) -> None:
        await self._runtime.runner.run_db(self.actions.printer.start)
        await self._load_staff()

    async def _load_staff(self) -> None:
        """The names to sign in with; without a database, again when the link is back."""
        try:
            self._staff = await self._ops.run(who_can_sign_in)
        except Exception as exc:
            if not isinstance(exc, KioskError):
                logger.exception("could not read the staff names")
            self._staff_loaded = False
            return
        self._staff_loaded = True
        self._window.staff.set_staff(self._staff)
        if not self._ready:
            # Taken before the await: a second load (the link coming up meanwhile) runs
            # beside this one and must not follow the lock twice or say "ready" twice.
            self._ready = True
            try:
                # The database is open now: hear of every write that waits for its lock.
                busy = await self._ops.run(lambda ctx: ctx.db.busy)
            except BaseException:
                self._ready = False  # the next load (after a sign-out) tries again
                raise
            self.busy.follow(busy)
            self.ready.emit()

    async def _sign_in(self, helper: HelperView, pin: str) -> None:
        pin_screen = self._window.pin
        pin_screen.show_checking()
        try:
            signed = await self._ops.run(lambda ctx: sign_in(ctx, helper_id=helper.id, pin=pin))
        except AuthError as exc:
            locked = exc.code is ErrorCode.PIN_LOCKED
            pin_screen.show_refused(error_text(exc, self._tz), locked=locked)
            return
        except Exception as exc:
            pin_screen.show_error(error_text(exc, self._tz))
            return
        self.session.helper = signed
        if self._fixed_counter is not None:
            await self._open_counter(self._fixed_counter)
            return
        try:
            snapshot = await self._ops.run(desk_snapshot)
        except Exception as exc:
            pin_screen.show_error(error_text(exc, self._tz))
            return
        self._window.counters.set_open_counters(snapshot.open_counters())
        self._window.show_counters()

    async def _open_counter(self, number: int) -> None:
        helper = self.session.helper
        assert helper is not None
        actor = self.session.actor
        try:
            await self._ops.run(lambda ctx: open_counter(ctx, counter_number=number, actor=actor))
        except Exception as exc:
            self._window.pin.show_error(error_text(exc, self._tz))
            self._window.show_pin(helper.name)
            return
        self.session.counter = number
        self._window.queue.set_session(
            name=helper.name, counter_number=number, manager=helper.role is HelperRole.MANAGER
        )
        self._window.set_session_text(f"{counter_title(number)} · {helper.name}")
        self._window.queue.message.clear()
        self._window.show_queue()
        self._watch_idle(True)
        self.queue.start()
        self.undo.start(actor)
        await self.queue.refresh()
        self.signed_in.emit(helper)

    async def _sign_out(self, reason: str) -> None:
        self._watch_idle(False)
        self.undo.stop()
        self.queue.stop()
        try:
            await self.close_counter_on_exit()
        except Exception:
            logger.exception("could not close counter %s", self.session.counter)
        self.session.clear()
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

    @Slot(bool)
    def _on_live_link_changed(self, up: bool) -> None:
        if up and not self._staff_loaded:
            self._runtime.runner.start(self._load_staff(), owner=self)

    @Slot(int)
    def _on_staff_staff_chosen(self, helper_id: int) -> None:
        self._chosen = next((h for h in self._staff if h.id == helper_id), None)
        if self._chosen is not None:
            self._window.show_pin(self._chosen.name)

    @Slot(str)
    def _on_pin_pin_submitted(self, pin: str) -> None:
        if self._chosen is not None:
            self._runtime.runner.start(self._sign_in(self._chosen, pin), owner=self)

    @Slot(int)
    def _on_counters_counter_chosen(self, number: int) -> None:
        if self.session.helper is not None:
            self._runtime.runner.start(self._open_counter(number), owner=self)

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
