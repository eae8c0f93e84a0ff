"""``kiosk report team``: the Tổ công nghệ số cộng đồng's activity report (PDF, DOCX, CSV)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.domain.team_report import TeamReport

EPILOG = """\
One of --month 2026-11, --quarter 2026-Q4 or --year 2026. Each figure is shown against the
previous month, quarter or year. The PDF and DOCX follow the administrative form of Nghị định
30/2020/NĐ-CP; [team_report] in the config sets the committee's name, signer and recipients.
Every file written is recorded in the audit log.
"""


def register(sub: Any) -> None:
    """Add the ``report`` subcommand to the parser."""
    report = sub.add_parser("report", help="reports sent upward (the team's activity report)")
    actions = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    p = actions.add_parser(
        "team",
        help="activity report of the Tổ công nghệ số cộng đồng: desk and village points",
        description="Print the team's report of a month, quarter or year; optionally write it"
        " as PDF, editable DOCX and CSV of the records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--month", metavar="YYYY-MM", help="a calendar month, e.g. 2026-11")
    p.add_argument("--quarter", metavar="YYYY-QN", help="a quarter, e.g. 2026-Q4")
    p.add_argument("--year", metavar="YYYY", help="a year, e.g. 2026")
    p.add_argument("--place", help="one village point only (its name as recorded)")
    p.add_argument("--number", default="", help="the document number (default: left blank)")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write the PDF")
    p.add_argument("--docx", type=Path, metavar="FILE", help="also write an editable DOCX")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the records as CSV")
    p.set_defaults(handler=_team)


def _team(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit
    from kiosk.domain.team_report import parse_period
    from kiosk.services.context import bootstrap, cli_actor
    from kiosk.services.team_report_export import export_team_report

    period = parse_period(month=args.month, quarter=args.quarter, year=args.year)
    ctx = bootstrap(load_or_exit(args))
    try:
        report = export_team_report(
            ctx,
            period=period,
            actor=cli_actor(),
            place=args.place,
            pdf=args.pdf,
            docx=args.docx,
            csv=args.csv,
            number=args.number,
        )
    finally:
        ctx.db.dispose()
    print(format_text(report))
    for path in (args.pdf, args.docx, args.csv):
        if path is not None:
            print(f"Written: {path}")
    return 0


def format_text(report: TeamReport) -> str:
    """The report's title, paragraph and tables as plain text for a terminal."""
    # The summary's terminal table layout, shared rather than copied.
    from kiosk.cli_reports import _table_text as table_text
    from printing.team_report_sections import (
        detail_tables,
        main_table,
        paragraph,
        places_table,
        summary_line,
    )

    lines = ["BÁO CÁO", *summary_line(report).split("\n"), "", paragraph(report)]
    for table in (main_table(report), places_table(report), *detail_tables(report)):
        lines += ["", *table_text(table)]
    return "\n".join(lines)
