"""``kiosk printer test``: a sample ticket, exactly as a visitor gets it, on the real printer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain.clock import system_clock

if TYPE_CHECKING:
    from printing.status import PrinterStatus

EPILOG = """\
Exit codes: 0 the ticket was sent and the printer confirmed it is online with paper;
1 the ticket could not be sent, or the printer reported trouble (offline, out of paper);
3 the ticket was sent but the printer never answered a status query: look at the paper.
"""


def register(sub: Any) -> None:
    """Add the printer subcommands to the parser."""
    printer = sub.add_parser("printer", help="the ticket printer").add_subparsers(
        dest="printer_command", metavar="ACTION", required=True
    )
    p = printer.add_parser(
        "test",
        help="print a sample ticket on the configured printer (or into a file)",
        description="Print a sample ticket, then ask the printer for its status.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--output", type=Path, metavar="FILE", help="write the raw ESC/POS bytes here instead"
    )
    p.set_defaults(handler=_printer_test)


# Exit codes of `kiosk printer test` (README, `kiosk printer test --help`).
PRINTED_AND_CONFIRMED = 0
NOT_SENT = 1
SENT_NOT_CONFIRMED = 3


def _printer_test(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit
    from kiosk.domain.ticket_code import SAMPLE_DAY, ticket_code
    from printing.backends import device_label
    from printing.status import PrinterError
    from printing.ticket import DEFAULT_LABELS, render_ticket_bytes, sample_ticket, ticket_blocks
    from printing.worker import PrinterWorker

    config = load_or_exit(args)
    tz = config.site.tz
    ticket = sample_ticket(system_clock(), tz)
    qr = None
    if config.ratings.scanner:
        qr = ticket_code(service_day=SAMPLE_DAY, number=ticket.number)
    data = render_ticket_bytes(ticket, config.site.header, config.printer, DEFAULT_LABELS, tz, qr)
    if args.output is not None:
        args.output.write_bytes(data)
        print(f"{len(data)} bytes of ESC/POS written to {args.output}")
        return PRINTED_AND_CONFIRMED
    device = device_label(config.printer)
    worker = PrinterWorker.from_settings(config.printer, tz=tz)
    try:
        blocks = ticket_blocks(ticket, config.site.header, DEFAULT_LABELS, tz, qr)
        job = worker.submit("test", blocks)
        try:
            job.result(timeout=config.printer.timeout_s + 5)
            # Asked again on purpose: the answer after the job is what confirms the printer.
            status = worker.check_status().result(timeout=config.printer.timeout_s + 5)
        except (PrinterError, TimeoutError) as exc:
            print(f"error: the test ticket was not sent to the {device}: {exc}")
            print(f"status: {worker.status.detail}")
            return NOT_SENT
        return _report(device, len(data), status)
    finally:
        worker.close()
        worker.wait_idle(config.printer.timeout_s)


def _report(device: str, size: int, status: PrinterStatus) -> int:
    """Say what was sent and what the printer confirmed; the exit code follows from it."""
    from printing.status import PrinterState

    print(f"Sent: {size} bytes of ESC/POS to the {device} (the connection took them).")
    if status.state in (PrinterState.OK, PrinterState.PAPER_NEAR_END):
        print(f"Confirmed by the printer: {status.detail}.")
        return PRINTED_AND_CONFIRMED
    if status.state is PrinterState.UNKNOWN:
        print(f"Not confirmed: {status.detail}.")
        print(
            "The printer did not answer a status query, so nothing proves the ticket came out."
            " Look at the printer: if the ticket is there, it prints but cannot report paper"
            " trouble to the desks."
        )
        return SENT_NOT_CONFIRMED
    print(f"error: the printer answered with trouble: {status.detail}.")
    return NOT_SENT
