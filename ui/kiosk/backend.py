"""The kiosk's use cases as blocking calls for the database thread (``TaskRunner.run_db``).

The core is imported inside the methods: SQLAlchemy and Alembic cost more start-up time than
the whole home screen, so they load on the database thread after the first frame is painted.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from ui.backend_base import DatabaseBackend

if TYPE_CHECKING:
    from kiosk.domain.views import HelperView, TicketView
    from kiosk.services.kiosk_menu import KioskSnapshot

logger = logging.getLogger(__name__)

KIOSK_SOURCE = "kiosk"
_USE_CASE_MODULES = (
    "kiosk.services.tickets",
    "kiosk.services.kiosk_menu",
    "kiosk.services.alerts",
    "kiosk.services.staff_exit",
    "kiosk.services.ratings",
)


class KioskBackend(DatabaseBackend):
    """Opens the database on first use; every method blocks and belongs on the DB thread."""

    def open(self) -> None:
        """Open the database and load every use case now (at start-up, after the first frame).

        WORKAROUND: a module imported for the first time in the middle of a visitor's tap
        stalled the UI thread for the whole import (~100 ms for kiosk.services.tickets and the
        SQL dialects it loads), so all of them load here, before anyone taps.
        """
        _ = self.ctx
        for module in _USE_CASE_MODULES:
            importlib.import_module(module)

    def snapshot(self) -> KioskSnapshot:
        """Lines commonest first, waiting count and change counter."""
        from kiosk.services.kiosk_menu import kiosk_snapshot

        return kiosk_snapshot(self.ctx)

    def issue_ticket(
        self, line_code: str, priority_group: str | None, procedure_code: str | None = None
    ) -> TicketView:
        """Issue and commit a ticket; a procedure the commune did not configure is left out."""
        from kiosk.domain.errors import NotFoundError, ValidationError
        from kiosk.services.tickets import issue_ticket

        if procedure_code is not None:
            try:
                return issue_ticket(
                    self.ctx,
                    line_code=line_code,
                    procedure_code=procedure_code,
                    priority_group=priority_group,
                )
            except (NotFoundError, ValidationError) as exc:
                # A guide for a procedure this commune does not list (or on another line):
                # the visitor still gets a number on the guide's line.
                logger.info("issuing on line %s without procedure: %s", line_code, exc)
        return issue_ticket(self.ctx, line_code=line_code, priority_group=priority_group)

    def mark_print_result(self, ticket_id: int, *, printed: bool, detail: str = "") -> None:
        """Record whether the ticket reached paper."""
        from kiosk.services.tickets import mark_print_result

        mark_print_result(self.ctx, ticket_id, printed=printed, detail=detail)

    def ticket_to_rate(self, number: str) -> str:
        """The number as printed if today's ticket can be rated; raises why not otherwise."""
        from kiosk.services.ratings import ticket_to_rate

        return ticket_to_rate(self.ctx, number=number)

    def rate_ticket(self, number: str, level: int, reason: str | None) -> None:
        """Store a visitor's rating of a finished ticket."""
        from kiosk.services.ratings import rate_ticket

        rate_ticket(self.ctx, number=number, level=level, reason=reason)

    def request_help(self) -> None:
        """Tell the desks a visitor at the kiosk asks for a helper."""
        from kiosk.services.alerts import AlertKind, raise_alert

        raise_alert(self.ctx, kind=AlertKind.HELP_REQUESTED, source=KIOSK_SOURCE)

    def report_printer_trouble(self, ticket_id: int | None, detail: str) -> None:
        """Tell the desks the kiosk could not print (a visitor is remembering a number)."""
        from kiosk.services.alerts import AlertKind, raise_alert

        raise_alert(
            self.ctx,
            kind=AlertKind.PRINTER_TROUBLE,
            source=KIOSK_SOURCE,
            message=detail,
            ticket_id=ticket_id,
        )

    def verify_exit_pin(self, pin: str) -> HelperView | None:
        """The staff member whose PIN this is, or None; raises ``AuthError`` when locked."""
        from kiosk.services.staff_exit import verify_exit_pin

        return verify_exit_pin(self.ctx, pin, source=KIOSK_SOURCE)

    def close(self) -> None:
        """Close pooled database connections."""
        if self._ctx is not None:
            self._ctx.db.dispose()
