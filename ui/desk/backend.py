"""The desk's use cases as blocking calls for the database thread (``TaskRunner.run_db``).

Like the kiosk's backend, the core is imported inside the methods so the first frame is
painted before SQLAlchemy and Alembic load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.domain.enums import Channel, HelperKind, HelperRole, Outcome
from ui.backend_base import DatabaseBackend

if TYPE_CHECKING:
    from kiosk.domain.views import HelperView, LineView, TicketView
    from kiosk.domain.visits import HelperCredit
    from kiosk.services.alerts import AlertView
    from kiosk.services.context import Actor
    from kiosk.services.queue_read import CounterState
    from kiosk.services.visits import VisitRecord

DESK_SOURCE = "desk"


@dataclass(frozen=True, slots=True)
class HelperFields:
    """What the roster form edits."""

    name: str
    kind: HelperKind
    role: HelperRole
    affiliation: str


@dataclass(frozen=True, slots=True)
class DeskSnapshot:
    """Everything the queue screen shows, read after the change counter it belongs to."""

    change_counter: int
    lines: tuple[LineView, ...]
    waiting: tuple[TicketView, ...]
    counters: tuple[CounterState, ...]
    alerts: tuple[AlertView, ...]

    def current(self, counter_number: int) -> TicketView | None:
        """The ticket a counter has called or is serving."""
        for state in self.counters:
            if state.number == counter_number:
                return state.current
        return None


class DeskBackend(DatabaseBackend):
    """Opens the database on first use; every method blocks and belongs on the DB thread."""

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self) -> DeskSnapshot:
        """Lines, waiting tickets, counters and open alerts (counter read first: none missed)."""
        from kiosk.services import alerts, changes, queue_read

        ctx = self.ctx
        counter = changes.change_counter(ctx)
        return DeskSnapshot(
            change_counter=counter,
            lines=tuple(queue_read.list_lines(ctx)),
            waiting=tuple(queue_read.waiting_tickets(ctx)),
            counters=tuple(queue_read.counter_states(ctx)),
            alerts=tuple(alerts.open_alerts(ctx)),
        )

    def staff(self) -> list[HelperView]:
        """Staff who can sign in (active, with a PIN), by name."""
        from kiosk.domain.enums import HelperKind
        from kiosk.services.helpers import list_helpers

        return [h for h in list_helpers(self.ctx) if h.kind is HelperKind.STAFF and h.has_pin]

    def helpers(self, query: str = "", *, include_inactive: bool = False) -> list[HelperView]:
        """Helpers by name, accent-insensitive."""
        from kiosk.services.helpers import list_helpers

        return list_helpers(self.ctx, query=query, include_inactive=include_inactive)

    def recent_helpers(self, limit: int = 12) -> list[HelperView]:
        """Helpers who helped most recently first."""
        from kiosk.services.helpers import recent_helpers

        return recent_helpers(self.ctx, limit=limit)

    def find_ticket(self, number: str) -> TicketView:
        """Today's ticket by its number (with its wait estimate when waiting)."""
        from kiosk.services.tickets import find_ticket

        return find_ticket(self.ctx, number.strip().upper())

    # -- the working session ---------------------------------------------------------------

    def sign_in(self, helper_id: int, pin: str) -> HelperView:
        """Check a PIN (the service locks after five wrong ones and audits it)."""
        from kiosk.services.helpers import sign_in

        return sign_in(self.ctx, helper_id=helper_id, pin=pin)

    def open_counter(self, counter_number: int, actor: Actor) -> None:
        """The counter is staffed."""
        from kiosk.services.desk import open_counter

        open_counter(self.ctx, counter_number=counter_number, actor=actor)

    def close_counter(self, counter_number: int, actor: Actor) -> None:
        """The counter is no longer staffed."""
        from kiosk.services.desk import close_counter

        close_counter(self.ctx, counter_number=counter_number, actor=actor)

    # -- tickets -----------------------------------------------------------------------------

    def call_next(self, counter_number: int, actor: Actor) -> TicketView | None:
        """Call the next ticket by the priority rule; None when nobody waits."""
        from kiosk.services.calling import call_next

        return call_next(self.ctx, counter_number=counter_number, actor=actor)

    def call_ticket(self, ticket_id: int, counter_number: int, actor: Actor) -> TicketView:
        """Call one waiting ticket out of order."""
        from kiosk.services.calling import call_ticket

        return call_ticket(
            self.ctx, ticket_id=ticket_id, counter_number=counter_number, actor=actor
        )

    def ticket_action(self, action: str, ticket_id: int, actor: Actor, **extra: str) -> TicketView:
        """One action on one ticket: recall, start, no_show, reactivate, transfer, cancel, undo."""
        from kiosk.services import calling, desk

        actions: dict[str, Callable[..., TicketView]] = {
            "recall": calling.recall,
            "start": calling.start,
            "no_show": calling.no_show,
            "reactivate": calling.reactivate,
            "transfer": calling.transfer,
            "cancel": calling.cancel,
            "undo": desk.undo_last,
        }
        return actions[action](self.ctx, ticket_id=ticket_id, actor=actor, **extra)

    def resolve_alert(self, alert_id: int, actor: Actor) -> None:
        """Mark an alert as dealt with."""
        from kiosk.services.alerts import resolve_alert

        resolve_alert(self.ctx, alert_id, actor)

    # -- the roster (managers) ---------------------------------------------------------------

    def save_helper(self, helper_id: int | None, fields: HelperFields, actor: Actor) -> HelperView:
        """Add a helper (``helper_id`` None) or change one; both audited."""
        from kiosk.services.helpers import add_helper
        from kiosk.services.roster import update_helper

        if helper_id is None:
            return add_helper(
                self.ctx,
                name=fields.name,
                kind=fields.kind.value,
                role=fields.role.value,
                affiliation=fields.affiliation,
                actor=actor,
            )
        return update_helper(
            self.ctx,
            helper_id=helper_id,
            name=fields.name,
            kind=fields.kind,
            role=fields.role,
            affiliation=fields.affiliation,
            actor=actor,
        )

    def set_helper_active(self, helper_id: int, active: bool, actor: Actor) -> HelperView:
        """Deactivate or reactivate a helper."""
        from kiosk.services.helpers import set_active

        return set_active(self.ctx, helper_id=helper_id, active=active, actor=actor)

    def set_helper_pin(self, helper_id: int, pin: str, actor: Actor) -> HelperView:
        """Set or reset a staff PIN (clears a lockout)."""
        from kiosk.services.helpers import set_pin

        return set_pin(self.ctx, helper_id=helper_id, pin=pin, actor=actor)

    # -- visits ------------------------------------------------------------------------------

    def finish_visit(
        self,
        ticket_id: int,
        helpers: Sequence[HelperCredit],
        outcomes: Sequence[Outcome],
        actor: Actor,
        procedure_code: str | None,
        note: str,
    ) -> VisitRecord:
        """Finish a ticket's visit with who helped and what came of it."""
        from kiosk.services.visits import finish_visit

        return finish_visit(
            self.ctx,
            ticket_id=ticket_id,
            helpers=helpers,
            outcomes=outcomes,
            actor=actor,
            procedure_code=procedure_code,
            note=note,
        )

    def record_walk_in(
        self,
        helpers: Sequence[HelperCredit],
        outcomes: Sequence[Outcome],
        actor: Actor,
        place: str,
        procedure_code: str | None,
        note: str,
    ) -> VisitRecord:
        """Record help given without a ticket (a village culture house, a home visit)."""
        from kiosk.services.visits import record_walk_in

        return record_walk_in(
            self.ctx,
            helpers=helpers,
            outcomes=outcomes,
            actor=actor,
            place=place,
            channel=Channel.VILLAGE_POINT,
            procedure_code=procedure_code,
            note=note,
        )

    # -- printing (the PrintRecorder protocol of ui.ticket_printing) -------------------------

    def mark_print_result(self, ticket_id: int, *, printed: bool, detail: str = "") -> None:
        """Record whether a reprint reached paper."""
        from kiosk.services.tickets import mark_print_result

        mark_print_result(self.ctx, ticket_id, printed=printed, detail=detail)

    def report_printer_trouble(self, ticket_id: int | None, detail: str) -> None:
        """Alert the desks that the desk printer failed."""
        from kiosk.services.alerts import AlertKind, raise_alert

        raise_alert(
            self.ctx,
            kind=AlertKind.PRINTER_TROUBLE,
            source=DESK_SOURCE,
            message=detail,
            ticket_id=ticket_id,
        )
