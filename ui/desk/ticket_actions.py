"""The desk's ticket actions: call, recall, start, no-show, transfer, cancel, reprint, undo.

Each tap is one coroutine: the action as an operation, a word on screen, a refresh. A button's
key picks the operation (``_operation``); every operation is one keyword-only service call.
No-show, cancel and transfer can be undone for two minutes (``desk.undo_last``); later
corrections are the normal actions (reactivate, transfer back), audited as well.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer, Slot

from kiosk.domain.enums import TicketStatus
from kiosk.domain.views import TicketView
from kiosk.services import calling
from kiosk.services.alerts import resolve_alert
from kiosk.services.desk import UNDO_WINDOW, UNDOABLE, undo_last
from kiosk.services.tickets import find_ticket
from ui.desk.session import DeskFlow, FlowDeps
from ui.i18n import I18n, translate
from ui.operations import Operation
from ui.staff.texts import status_text, ticket_caption
from ui.ticket_printing import TicketPrinter, print_ticket

DESK_SOURCE = "desk"
# The undo bar goes a little before the core's window closes, so a tap never arrives late.
UNDO_MARGIN = timedelta(seconds=5)


class TicketActions(DeskFlow):
    """Connects the queue screen and the ticket overlay to the calling services."""

    def __init__(self, *, deps: FlowDeps, printer: TicketPrinter, i18n: I18n) -> None:
        super().__init__(deps=deps)
        self.printer = printer
        self._i18n = i18n
        self._undo_ticket: TicketView | None = None
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(int((UNDO_WINDOW - UNDO_MARGIN).total_seconds() * 1000))
        self.undo_timer.timeout.connect(self._on_undo_timer_timeout)
        queue, overlay = self._window.queue, self._window.ticket_overlay
        queue.action_clicked.connect(self._on_queue_action_clicked)
        queue.ticket_chosen.connect(self._on_queue_ticket_chosen)
        queue.find_requested.connect(self._on_queue_find_requested)
        queue.alert_resolved.connect(self._on_queue_alert_resolved)
        queue.undo_clicked.connect(self._on_queue_undo_clicked)
        overlay.action_chosen.connect(self._on_overlay_action_chosen)
        overlay.line_chosen.connect(self._on_overlay_line_chosen)

    def forget_undo(self) -> None:
        """Drop the undo offer (time is up, or the staff member signed out)."""
        self._undo_ticket = None
        self.undo_timer.stop()
        self._window.queue.undo_bar.clear()

    # -- running an action --------------------------------------------------------------------

    async def _run(self, action: str, ticket: TicketView | None, to_line: str = "") -> None:
        queue = self._window.queue
        queue.set_busy(True)
        self._window.ticket_overlay.close_overlay()
        try:
            result = await self._ops.run(self._operation(action, ticket, to_line))
        except Exception as exc:
            queue.show_error(self._error_text(exc))
            return
        finally:
            queue.set_busy(False)
        self._report(action, ticket, result)
        await self._refresh()

    def _operation(
        self, action: str, ticket: TicketView | None, to_line: str
    ) -> Operation[TicketView | None]:
        """The operation behind an action button (its key is the action's name)."""
        counter, actor = self._session.counter_number, self._session.actor
        if action == "call_next":
            return lambda ctx: calling.call_next(ctx, counter_number=counter, actor=actor)
        assert ticket is not None
        ticket_id = ticket.id
        if action == "call":
            return lambda ctx: calling.call_ticket(
                ctx, ticket_id=ticket_id, counter_number=counter, actor=actor
            )
        if action == "transfer":
            return lambda ctx: calling.transfer(
                ctx, ticket_id=ticket_id, to_line=to_line, actor=actor
            )
        simple = {
            "recall": calling.recall,
            "start": calling.start,
            "no_show": calling.no_show,
            "reactivate": calling.reactivate,
            "cancel": calling.cancel,
            "undo": undo_last,
        }
        service = simple[action]
        return lambda ctx: service(ctx, ticket_id=ticket_id, actor=actor)

    def _report(self, action: str, before: TicketView | None, after: TicketView | None) -> None:
        queue = self._window.queue
        if after is None:
            queue.show_info(translate("TicketActions", "Không còn ai chờ ở các hàng của quầy này."))
            return
        number = after.number
        if action == "recall" and after.status is TicketStatus.NO_SHOW:
            action = "no_show"  # past the configured recalls, a recall turns no-show
        if action in UNDOABLE:
            self._offer_undo(action, after)
            return
        words = {
            "call_next": translate("TicketActions", "Đã gọi số {number}."),
            "call": translate("TicketActions", "Đã gọi số {number}."),
            "recall": translate("TicketActions", "Đã gọi lại số {number}."),
            "start": translate("TicketActions", "Đang phục vụ số {number}."),
            "reactivate": translate("TicketActions", "Số {number} được xếp chờ lại."),
            "undo": translate("TicketActions", "Đã hoàn tác: số {number} trở lại như trước."),
        }
        queue.show_info(words.get(action, "").format(number=number))
        if action == "undo":
            self.forget_undo()

    def _offer_undo(self, action: str, ticket: TicketView) -> None:
        words = {
            "no_show": translate("TicketActions", "Đã báo vắng mặt số {number}."),
            "cancel": translate("TicketActions", "Đã huỷ số {number}."),
            "transfer": translate("TicketActions", "Đã chuyển số {number} sang hàng {line}."),
        }
        text = words[action].format(number=ticket.number, line=ticket.line_code)
        self._undo_ticket = ticket
        self._window.queue.message.clear()
        self._window.queue.offer_undo(text)
        self.undo_timer.start()

    async def _reprint(self, ticket: TicketView) -> None:
        queue = self._window.queue
        self._window.ticket_overlay.close_overlay()
        queue.show_info(
            translate("TicketActions", "Đang in lại số {number}…").format(number=ticket.number)
        )
        try:
            fresh = await self._ops.run(lambda ctx: find_ticket(ctx, ticket.number))
        except Exception as exc:
            queue.show_error(self._error_text(exc))
            return
        outcome = await print_ticket(
            runtime=self._runtime,
            printer=self.printer,
            ticket=fresh,
            language=self._i18n.language,
            source=DESK_SOURCE,
        )
        if outcome.printed:
            queue.show_info(
                translate("TicketActions", "Đã in lại số {number}.").format(number=fresh.number)
            )
        else:
            queue.show_error(
                translate("TicketActions", "Không in được số {number}: {detail}").format(
                    number=fresh.number, detail=outcome.detail
                )
            )
        await self._refresh()

    async def _find(self, number: str) -> None:
        try:
            ticket = await self._ops.run(lambda ctx: find_ticket(ctx, number.strip().upper()))
        except Exception as exc:
            self._window.queue.show_error(self._error_text(exc))
            return
        self._open_overlay(ticket)

    async def _resolve(self, alert_id: int) -> None:
        try:
            actor = self._session.actor
            await self._ops.run(lambda ctx: resolve_alert(ctx, alert_id=alert_id, actor=actor))
        except Exception as exc:
            self._window.queue.show_error(self._error_text(exc))
            return
        await self._refresh()

    def _open_overlay(self, ticket: TicketView) -> None:
        self._window.ticket_overlay.show_ticket(
            ticket,
            caption=ticket_caption(ticket, self._i18n),
            status=status_text(ticket, self._config.site.tz),
        )

    def _open_transfer(self, ticket: TicketView) -> None:
        lines = [(line.code, self._i18n.text(line.name)) for line in self._config.lines]
        self._window.ticket_overlay.show_lines(
            ticket, lines, caption=ticket_caption(ticket, self._i18n)
        )

    # -- slots --------------------------------------------------------------------------------

    @Slot(str)
    def _on_queue_action_clicked(self, action: str) -> None:
        ticket = self._window.queue.current_ticket()
        if action == "finish":
            return  # the visit flow takes it
        if action == "transfer" and ticket is not None:
            self._open_transfer(ticket)
        elif action == "reprint" and ticket is not None:
            self._start(self._reprint(ticket))
        else:
            self._start(self._run(action, ticket))

    @Slot(int)
    def _on_queue_ticket_chosen(self, ticket_id: int) -> None:
        snapshot = self._window.queue.snapshot()
        waiting = snapshot.waiting if snapshot is not None else ()
        ticket = next((t for t in waiting if t.id == ticket_id), None)
        if ticket is not None:
            self._open_overlay(ticket)

    @Slot(str)
    def _on_queue_find_requested(self, number: str) -> None:
        self._start(self._find(number))

    @Slot(int)
    def _on_queue_alert_resolved(self, alert_id: int) -> None:
        self._start(self._resolve(alert_id))

    @Slot()
    def _on_queue_undo_clicked(self) -> None:
        if self._undo_ticket is not None:
            self._start(self._run("undo", self._undo_ticket))

    @Slot(str)
    def _on_overlay_action_chosen(self, action: str) -> None:
        ticket = self._window.ticket_overlay.ticket()
        if ticket is None:
            return
        if action == "transfer":
            self._open_transfer(ticket)
        elif action == "reprint":
            self._start(self._reprint(ticket))
        else:
            self._start(self._run(action, ticket))

    @Slot(str)
    def _on_overlay_line_chosen(self, line_code: str) -> None:
        ticket = self._window.ticket_overlay.ticket()
        if ticket is not None:
            self._start(self._run("transfer", ticket, line_code))

    @Slot()
    def _on_undo_timer_timeout(self) -> None:
        self.forget_undo()
