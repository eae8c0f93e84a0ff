"""The desk's ticket actions: call, recall, start, no-show, transfer, cancel, reprint, undo.

Each tap is one coroutine: the action as an operation, a word on screen, a refresh. A button's
key picks the operation (``_operation``); every operation is one keyword-only service call.
No-show, cancel, transfer and finish can be undone for two minutes (``undo.undo_last``); the
undo bar shows what the core offers (``UndoOffers``). Later corrections are the normal actions
(reactivate, transfer back), audited as well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot

from kiosk.domain.enums import TicketStatus
from kiosk.domain.views import TicketView
from kiosk.services import calling
from kiosk.services.alerts import resolve_alert
from kiosk.services.tickets import find_ticket
from kiosk.services.undo import UNDOABLE, FinishedVisit, UndoOffer, undo_last
from ui.desk.session import DeskFlow, FlowDeps
from ui.i18n import I18n, translate
from ui.operations import Operation
from ui.staff.texts import status_text, ticket_caption
from ui.ticket_printing import TicketPrinter, print_ticket

DESK_SOURCE = "desk"


class TicketActions(DeskFlow):
    """Connects the queue screen and the ticket overlay to the calling services."""

    def __init__(
        self,
        *,
        deps: FlowDeps,
        printer: TicketPrinter,
        i18n: I18n,
        reopen: Callable[[TicketView, FinishedVisit], None],
    ) -> None:
        super().__init__(deps=deps)
        self.printer = printer
        self._i18n = i18n
        self._reopen = reopen  # an undone finish: the visit form again, filled in as saved
        queue, overlay = self._window.queue, self._window.ticket_overlay
        queue.action_clicked.connect(self._on_queue_action_clicked)
        queue.ticket_chosen.connect(self._on_queue_ticket_chosen)
        queue.find_requested.connect(self._on_queue_find_requested)
        queue.alert_resolved.connect(self._on_queue_alert_resolved)
        queue.undo_clicked.connect(self._on_queue_undo_clicked)
        overlay.action_chosen.connect(self._on_overlay_action_chosen)
        overlay.line_chosen.connect(self._on_overlay_line_chosen)

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
            queue.message.clear()  # the undo bar says what was done
            return
        words = {
            "call_next": translate("TicketActions", "Đã gọi số {number}."),
            "call": translate("TicketActions", "Đã gọi số {number}."),
            "recall": translate("TicketActions", "Đã gọi lại số {number}."),
            "start": translate("TicketActions", "Đang phục vụ số {number}."),
            "reactivate": translate("TicketActions", "Số {number} được xếp chờ lại."),
        }
        queue.show_info(words.get(action, "").format(number=number))

    async def _run_undo(self, offer: UndoOffer) -> None:
        queue, actor = self._window.queue, self._session.actor
        queue.set_busy(True)
        self._window.ticket_overlay.close_overlay()
        try:
            ticket = await self._ops.run(
                lambda ctx: undo_last(ctx, ticket_id=offer.ticket_id, actor=actor)
            )
        except Exception as exc:
            queue.show_error(self._error_text(exc))
            await self._refresh()  # the bar follows what the core still offers
            return
        finally:
            queue.set_busy(False)
        queue.show_info(
            translate("TicketActions", "Đã hoàn tác: số {number} trở lại như trước.").format(
                number=ticket.number
            )
        )
        await self._refresh()
        if offer.visit is not None and self._window.current_screen() is queue:
            self._reopen(ticket, offer.visit)

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
        offer = self._undo.offer
        if offer is not None:
            self._start(self._run_undo(offer))

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
