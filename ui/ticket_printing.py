"""Printing a ticket from the UI: translated labels, the PrinterWorker, and the result recorded.

``print_ticket`` is the one way a ticket reaches paper: the kiosk after issuing, and the desk
when a visitor asks for a reprint (``find_ticket`` then ``print_ticket`` again). python-escpos
and Pillow load on first use, off the UI thread (``TicketPrinter.start`` via ``run_db``). The
result is recorded on the ticket, and a failure alerts the desks, named by ``source``. This
module loads the core's services: programs import it after their first frame.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from kiosk.domain.enums import AlertKind
from kiosk.domain.ticket_code import ticket_code
from kiosk.domain.views import TicketView
from kiosk.services.alerts import raise_alert
from kiosk.services.tickets import mark_print_result
from ui.i18n import translate

if TYPE_CHECKING:
    from printing.blocks import Block
    from printing.ticket import TicketLabels
    from printing.worker import PrinterWorker
    from ui.shell import Runtime

logger = logging.getLogger(__name__)

# Beyond the worker's own timeout, in case its watchdog thread itself is starved.
EXTRA_WAIT_S = 5.0


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """Whether a ticket reached the printer, and why not (for staff, never for visitors)."""

    printed: bool
    detail: str = ""


def ticket_labels(config: Config, language: str) -> TicketLabels:
    """The fixed words of a ticket in the visitor's language."""
    from printing.ticket import TicketLabels

    return TicketLabels(
        number=translate("ticket", "Số thứ tự"),
        counters=translate("ticket", "Quầy"),
        people_ahead=translate("ticket", "Người đang chờ trước bạn"),
        estimated_wait=translate("ticket", "Thời gian chờ dự kiến"),
        about=translate("ticket", "Khoảng"),
        minutes=translate("ticket", "phút"),
        no_wait=translate("ticket", "Sắp đến lượt bạn"),
        instruction=translate("ticket", "Vui lòng chờ gọi số"),
        priority=translate("ticket", "Ưu tiên"),
        issued_at=translate("ticket", "Giờ lấy số"),
        qr_caption=translate("ticket", "Đánh giá dịch vụ: đưa mã này vào máy quét ở ki-ốt"),
        language=language,
        priority_groups={g.code: g.name.get(language) for g in config.queue.priority_groups},
    )


def rating_qr(config: Config, ticket: TicketView) -> str | None:
    """The ticket's QR code, for rating with the kiosk's scanner; None without a scanner."""
    if not config.ratings.scanner:
        return None
    return ticket_code(service_day=ticket.service_day, number=ticket.number)


class TicketPrinter:
    """The kiosk's printer: one PrinterWorker, made on first use or by ``start``."""

    def __init__(
        self,
        *,
        config: Config,
        clock: Clock = system_clock,
        worker: PrinterWorker | None = None,
    ) -> None:
        self._config = config
        self._clock = clock
        self._worker = worker
        self._error: Exception | None = None

    @property
    def timeout_s(self) -> float:
        """How long a print may take before it counts as failed."""
        return self._config.printer.timeout_s + EXTRA_WAIT_S

    @property
    def worker(self) -> PrinterWorker | None:
        """The worker, once made."""
        return self._worker

    def start(self) -> None:
        """Make the worker (imports python-escpos); blocking, so run it on a worker thread.

        The ticket layout module loads here too: imported later, on the UI thread in the
        middle of a tap, it would hold up a frame. The printer thread's first work is a sample
        ticket, laid out and dropped, so the first visitor's ticket finds the fixed words
        drawn (``printing.ticket.warm_up``).
        """
        from printing.ticket import warm_up
        from printing.worker import PrinterWorker

        if self._worker is not None or self._error is not None:
            return

        config = self._config
        header, tz = config.site.header, config.site.tz

        def sample(width_dots: int) -> None:
            warm_up(header, width_dots=width_dots, tz=tz)

        try:
            self._worker = PrinterWorker.from_settings(
                config.printer, clock=self._clock, tz=tz, warm_up=sample
            )
        except Exception as exc:  # a bad printer config must not stop the queue
            logger.error("the printer cannot be used: %s", exc)
            self._error = exc

    def submit(self, ticket: TicketView, *, language: str) -> Future[Any]:
        """Queue a ticket on the printer thread; returns at once with the job's future."""
        from printing.ticket import ticket_blocks

        self.start()
        if self._worker is None:
            failed: Future[Any] = Future()
            failed.set_exception(self._error or RuntimeError("no printer"))
            return failed
        config = self._config
        labels = ticket_labels(config, language)  # translations: read on this (the UI) thread
        # The layout runs on the printer thread: the tap's frame never waits for it.
        layout = functools.partial(
            ticket_blocks,
            ticket,
            config.site.header,
            labels,
            config.site.tz,
            rating_qr(config, ticket),
        )
        return self._worker.submit(ticket.number, layout)

    def submit_slip(self, job_name: str, blocks: Sequence[Block]) -> Future[Any]:
        """Queue any slip (a guide's checklist) on the printer thread; returns at once."""
        self.start()
        if self._worker is None:
            failed: Future[Any] = Future()
            failed.set_exception(self._error or RuntimeError("no printer"))
            return failed
        return self._worker.submit(job_name, blocks)

    def close(self) -> None:
        """Stop the worker after the jobs already queued."""
        if self._worker is not None:
            self._worker.close()


async def print_ticket(
    *,
    runtime: Runtime,
    printer: TicketPrinter,
    ticket: TicketView,
    language: str,
    source: str,
) -> PrintOutcome:
    """Print a ticket, record the result, and alert the desks (from ``source``) if it failed.

    Never raises for printer trouble: the outcome says what happened.
    """
    outcome = await print_only(runtime=runtime, printer=printer, ticket=ticket, language=language)
    await runtime.ops.run(
        lambda ctx: mark_print_result(
            ctx, ticket_id=ticket.id, printed=outcome.printed, detail=outcome.detail
        )
    )
    if not outcome.printed:
        logger.warning("ticket %s was not printed: %s", ticket.number, outcome.detail)
        await report_printer_trouble(
            runtime, source=source, ticket_id=ticket.id, detail=outcome.detail
        )
    return outcome


async def print_only(
    *, runtime: Runtime, printer: TicketPrinter, ticket: TicketView, language: str
) -> PrintOutcome:
    """Print a ticket and say how it went, recording nothing (an offline ticket has no row).

    Never raises for printer trouble: the outcome says what happened.
    """
    try:
        future = printer.submit(ticket, language=language)
        await runtime.runner.wait_future(future, timeout_s=printer.timeout_s)
    except TimeoutError:
        return PrintOutcome(printed=False, detail="the printer did not answer in time")
    except Exception as exc:  # PrinterError or anything a driver raises
        return PrintOutcome(printed=False, detail=str(exc) or type(exc).__name__)
    return PrintOutcome(printed=True)


async def report_printer_trouble(
    runtime: Runtime, *, source: str, ticket_id: int | None, detail: str
) -> None:
    """Alert the desks that ``source``'s printer is in trouble."""
    await runtime.ops.run(
        lambda ctx: raise_alert(
            ctx,
            kind=AlertKind.PRINTER_TROUBLE,
            source=source,
            message=detail,
            ticket_id=ticket_id,
        )
    )
