"""``kiosk printer test``: a sample ticket, exactly as a visitor gets it, on the real printer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.domain.clock import system_clock


def register(sub: Any) -> None:
    """Add the printer subcommands to the parser."""
    printer = sub.add_parser("printer", help="the ticket printer").add_subparsers(
        dest="printer_command", metavar="ACTION", required=True
    )
    p = printer.add_parser(
        "test", help="print a sample ticket on the configured printer (or into a file)"
    )
    p.add_argument(
        "--output", type=Path, metavar="FILE", help="write the raw ESC/POS bytes here instead"
    )
    p.set_defaults(handler=_printer_test)


def _printer_test(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit
    from printing.backends import device_label
    from printing.status import PrinterError
    from printing.ticket import (
        DEFAULT_LABELS,
        render_ticket_bytes,
        sample_ticket,
        ticket_blocks,
    )
    from printing.worker import PrinterWorker

    config = load_or_exit(args)
    tz = config.site.tz
    ticket = sample_ticket(system_clock(), tz)
    if args.output is not None:
        data = render_ticket_bytes(ticket, config.site.header, config.printer, DEFAULT_LABELS, tz)
        args.output.write_bytes(data)
        print(f"{len(data)} bytes of ESC/POS written to {args.output}")
        return 0
    worker = PrinterWorker.from_settings(config.printer)
    try:
        blocks = ticket_blocks(ticket, config.site.header, DEFAULT_LABELS, tz)
        job = worker.submit("test", blocks)
        try:
            job.result(timeout=config.printer.timeout_s + 5)
        except (PrinterError, TimeoutError) as exc:
            print(f"error: the test ticket did not print: {exc}")
            print(f"printer: {device_label(config.printer)}; status: {worker.status.detail}")
            return 1
        print(f"Test ticket sent to the {device_label(config.printer)}.")
        print(f"Printer status: {worker.status.state.value} ({worker.status.detail})")
        return 0
    finally:
        worker.close()
        worker.wait_idle(config.printer.timeout_s)
