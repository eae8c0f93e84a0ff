"""Finishing a visit and recording walk-in help: the roster, the search, saving who helped."""

from __future__ import annotations

from PySide6.QtCore import Slot

from kiosk.domain.enums import Channel
from kiosk.domain.views import TicketView
from kiosk.services.helpers import list_helpers, recent_helpers
from kiosk.services.undo import FinishedVisit
from kiosk.services.visits import finish_visit, record_walk_in
from ui.desk.session import DeskFlow, FlowDeps
from ui.i18n import translate

RECENT_LIMIT = 12


class VisitFlow(DeskFlow):
    """Opens the visit form from the queue screen and saves it through the visit services."""

    def __init__(self, *, deps: FlowDeps) -> None:
        super().__init__(deps=deps)
        queue, visit = self._window.queue, self._window.visit
        queue.action_clicked.connect(self._on_queue_action_clicked)
        queue.walk_in_clicked.connect(self._on_queue_walk_in_clicked)
        visit.search_changed.connect(self._on_visit_search_changed)
        visit.save_clicked.connect(self._on_visit_save_clicked)

    def reopen(self, ticket: TicketView, visit: FinishedVisit) -> None:
        """An undone finish: the form again for the ticket, filled in as it was saved."""
        if self._session.helper is None:
            return
        self._window.visit.start_finish(ticket, signed_in=self._session.helper)
        self._window.visit.restore(visit)
        self._window.show_visit()
        self._start(self._load_roster(""))

    async def _load_roster(self, query: str) -> None:
        visit = self._window.visit
        try:
            if query:
                helpers = await self._ops.run(lambda ctx: list_helpers(ctx, query=query))
            else:
                helpers = await self._ops.run(lambda ctx: recent_helpers(ctx, limit=RECENT_LIMIT))
        except Exception as exc:
            visit.show_error(self._error_text(exc))
            return
        visit.set_roster(helpers, searching=bool(query))

    async def _save(self) -> None:
        visit, session = self._window.visit, self._session
        form = visit.form()
        ticket = visit.ticket()
        actor = session.actor
        visit.set_busy(True)
        try:
            if ticket is not None:
                ticket_id = ticket.id
                await self._ops.run(
                    lambda ctx: finish_visit(
                        ctx,
                        ticket_id=ticket_id,
                        helpers=form.credits,
                        outcomes=form.outcomes,
                        actor=actor,
                        procedure_code=form.procedure_code,
                        note=form.note,
                    )
                )
            else:
                # Help given without a ticket is recorded where the form says (a culture house).
                await self._ops.run(
                    lambda ctx: record_walk_in(
                        ctx,
                        helpers=form.credits,
                        outcomes=form.outcomes,
                        actor=actor,
                        place=form.place,
                        channel=Channel.VILLAGE_POINT,
                        procedure_code=form.procedure_code,
                        note=form.note,
                    )
                )
        except Exception as exc:
            visit.show_error(self._error_text(exc))
            return
        finally:
            visit.set_busy(False)
        if ticket is not None:
            text = translate("VisitFlow", "Đã lưu: số {number} hoàn thành, {count} người hỗ trợ.")
            text = text.format(number=ticket.number, count=len(form.credits))
        else:
            text = translate("VisitFlow", "Đã lưu hỗ trợ tại {place}, {count} người hỗ trợ.")
            text = text.format(place=form.place, count=len(form.credits))
        self._window.show_queue()
        self._window.queue.show_info(text)
        await self._refresh()

    # -- slots --------------------------------------------------------------------------------

    @Slot(str)
    def _on_queue_action_clicked(self, action: str) -> None:
        ticket = self._window.queue.current_ticket()
        if action != "finish" or ticket is None or self._session.helper is None:
            return
        self._window.visit.start_finish(ticket, signed_in=self._session.helper)
        self._window.show_visit()
        self._start(self._load_roster(""))

    @Slot()
    def _on_queue_walk_in_clicked(self) -> None:
        if self._session.helper is None:
            return
        self._window.visit.start_walk_in(signed_in=self._session.helper)
        self._window.show_visit()
        self._start(self._load_roster(""))

    @Slot(str)
    def _on_visit_search_changed(self, query: str) -> None:
        self._start(self._load_roster(query))

    @Slot()
    def _on_visit_save_clicked(self) -> None:
        if self._window.visit.is_complete():
            self._start(self._save())
