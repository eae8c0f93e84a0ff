"""``kiosk summary``: a manager's summary of a day or a period, as text, PDF and CSV."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the summary modules load only when a summary runs (fast `kiosk --help`)
    from kiosk.domain.summary_views import Summary
    from printing.report_sections import Table

EPILOG = """\
Dates are local service days, written YYYY-MM-DD. With no date, today. --from alone runs to
today. Each figure is shown against the previous period of the same length (a single day
against the previous working day). The PDF has the administrative form of a report sent
upward (the committee, place and signer of [team_report], the recipients of [summary_report])
with a paragraph written from the figures. Every file written is recorded in the audit log.
"""


def register(sub: Any) -> None:
    """Add the ``summary`` subcommand to the parser."""
    p = sub.add_parser(
        "summary",
        help="summary of a day or period: tickets, waits, helpers, outcomes, ratings",
        description="Print a manager's summary; optionally write it as PDF and CSV.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--date", type=iso_date, metavar="DAY", help="one day (default: today)")
    p.add_argument("--from", dest="first", type=iso_date, metavar="DAY", help="first day")
    p.add_argument("--to", dest="last", type=iso_date, metavar="DAY", help="last day")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write an A4 PDF report")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the records as CSV")
    p.add_argument("--number", default="", help="the PDF's document number (default: blank)")
    p.add_argument(
        "--signer", metavar="NAME", help="the signer's name (default: [team_report] signer_name)"
    )
    p.add_argument(
        "--print",
        dest="print_pdf",
        action="store_true",
        help="print the PDF on the office printer (CUPS `lp`; uses --pdf or a temporary file)",
    )
    p.set_defaults(handler=_summary)


def iso_date(text: str) -> date:
    """An argparse type: ``2026-11-23``; anything else is a usage error, not a traceback."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-11-23, got {text!r}"
        ) from None


def _summary(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from kiosk.cli import command_context
    from kiosk.domain.errors import ValidationError
    from kiosk.services.context import cli_actor
    from kiosk.services.reports import ReportWords, export_summary
    from kiosk.services.summary import period_for

    if args.date is not None and (args.first is not None or args.last is not None):
        raise ValidationError("Give either --date or --from/--to, not both.")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = args.pdf or (Path(tmp) / "tong-hop.pdf" if args.print_pdf else None)
        try:
            with command_context(args) as ctx:
                period = period_for(ctx, day=args.date, first=args.first, last=args.last)
                words = ReportWords(number=args.number, signer_name=args.signer)
                summary = export_summary(
                    ctx, period, pdf=pdf, csv=args.csv, actor=cli_actor(), words=words
                )
        except OperationalError as exc:
            print(f"error: cannot read the database: {exc.orig}", file=sys.stderr)
            return 2
        print(format_text(summary))
        for path in (args.pdf, args.csv):
            if path is not None:
                print(f"Written: {path}")
        if args.print_pdf and pdf is not None:
            from kiosk.office_print import print_pdf

            print(f"Sent to the office printer. {print_pdf(pdf)}".strip())
    return 0


def format_text(summary: Summary) -> str:
    """The summary as plain text for a terminal, with the PDF's wording."""
    from printing.report_sections import NOTES, key_figures, summary_tables, title_lines

    title, period = title_lines(summary)
    lines = [summary.header.desk_name]
    if summary.header.place_line():
        lines.append(summary.header.place_line())
    lines += ["", title, period, ""]
    lines += [f"{label}: {now} (kỳ trước: {before})" for label, now, before in key_figures(summary)]
    lines += _hours_text(summary)
    for table in summary_tables(summary):
        lines += ["", *_table_text(table)]
    lines += ["", "Cách tính:", *(f"  - {note}" for note in NOTES)]
    return "\n".join(lines)


def _hours_text(summary: Summary) -> list[str]:
    from kiosk.domain.summary import busiest_hours

    hourly = summary.tickets.hourly
    peaks = ", ".join(f"{h}h-{h + 1}h: {hourly[h]}" for h in busiest_hours(hourly))
    return [f"Giờ đông nhất (số phiếu): {peaks or 'không có phiếu'}"]


def _table_text(table: Table) -> list[str]:
    rows = [table.columns, *table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(widths[i]) if i >= table.numeric_from else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    out = [table.title, line(table.columns), "-" * (sum(widths) + 2 * (len(widths) - 1))]
    out += [line(row) for row in table.rows]
    if table.note:
        out.append(f"({table.note})")
    return out
