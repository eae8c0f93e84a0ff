"""The manager summary as an A4 PDF in the administrative form of a report sent upward.

The frame (Quốc hiệu, the committee, số hiệu, place and date, Nơi nhận, the signer) is
``printing.admin_document``'s, shared with the team report; the body is a paragraph in words
(``summary_narrative``, edited by the manager), the key figures, the tables and the charts.
The shipped Noto Sans (regular and bold) is embedded as a subset with a Unicode map, so a PDF
reader finds and copies the Vietnamese text. The story is built into any binary stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kiosk.config_village import place_name_of
from kiosk.domain.summary import busiest_hours, hour_span
from kiosk.domain.summary_views import Summary
from printing import report_sections as sections
from printing.admin_document import (
    CONTENT_WIDTH,
    AdminDocument,
    Para,
    block_flowables,
    write_admin_flowables,
)
from printing.charts import FONT, FONT_BOLD, hourly_chart, outcome_chart, register_fonts
from printing.summary_narrative import summary_narrative

HEAD_COLOUR = colors.HexColor("#dde7f2")
RULE_COLOUR = colors.HexColor("#9aa9b8")
DOC_SYMBOL = "BC-UBND"


# Every table sets the font: a cell without it would pull in (unembedded) Helvetica.
BASE = [("FONT", (0, 0), (-1, -1), FONT, 8.5)]


def _style(
    name: str, size: float, *, bold: bool = False, leading: float = 0, **extra: Any
) -> ParagraphStyle:
    # 1.35 em clears a capital with two Vietnamese marks (Ễ) above a descender.
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=leading or size * 1.35,
        **extra,
    )


CELL = _style("cell", 8.5, leading=10.5)
CELL_HEAD = _style("cell_head", 8.5, bold=True)
CELL_HEAD_FIGURE = _style("cell_head_figure", 8.5, bold=True, alignment=TA_RIGHT)
NOTE = _style("note", 7.5, textColor=colors.HexColor("#444444"))
HEADING = _style("heading", 10.5, bold=True, spaceBefore=10, spaceAfter=4)


def default_document(summary: Summary) -> AdminDocument:
    """The frame when the caller has no config for it: the committee named after the commune."""
    header = summary.header
    title, _period = sections.title_lines(summary)
    issuer = ("ỦY BAN NHÂN DÂN", header.commune.upper()) if header.commune else ("ỦY BAN NHÂN DÂN",)
    return AdminDocument(
        issuer=issuer,
        doc_type=title,
        summary=subject_line(summary),
        issued_on=summary.generated_at.date(),
        place_name=place_name_of(header.commune),
        symbol=DOC_SYMBOL,
    )


def subject_line(summary: Summary) -> str:
    """What the report is about, under its title: the desk and the period (two lines)."""
    _title, period = sections.title_lines(summary)
    return f"Kết quả tiếp nhận, hướng dẫn người dân tại {summary.header.desk_name}\n{period}"


def write_summary_pdf(
    summary: Summary,
    stream: BinaryIO,
    *,
    document: AdminDocument | None = None,
    narrative: str | None = None,
    invariant: bool = False,
) -> None:
    """Write the summary as an A4 PDF in the administrative form.

    Args:
        summary: What to report.
        stream: A binary stream (a file, or ``io.BytesIO`` in tests).
        document: The frame (committee, number, signer, recipients); by default one named
            after the commune, with no number and no signer's name.
        narrative: The body's paragraph(s), blank lines between paragraphs; by default the
            one ``summary_narrative`` writes from the figures.
        invariant: Leave out creation dates and ids, so the same summary gives the same bytes.
    """
    register_fonts()  # before any Paragraph: it looks its font family up when made
    document = document or default_document(summary)
    text = summary_narrative(summary) if narrative is None else narrative
    paragraphs = [Para(" ".join(part.split())) for part in text.split("\n\n") if part.strip()]
    body = [*block_flowables(paragraphs), Spacer(1, 4), _key_figures(summary), *_body(summary)]
    author = summary.header.desk_name
    write_admin_flowables(document, body, stream, author=author, invariant=invariant)


def _key_figures(summary: Summary) -> Table:
    tiles = sections.key_figures(summary)
    big = _style("big", 15, bold=True, alignment=TA_CENTER)
    small = _style("small", 7.5, alignment=TA_CENTER)
    cells = [
        [
            Paragraph(escape(value), big),
            Paragraph(escape(label), small),
            Paragraph(escape(f"kỳ trước: {previous}"), small),
        ]
        for label, value, previous in tiles
    ]
    table = Table([cells], colWidths=[CONTENT_WIDTH / len(tiles)] * len(tiles))
    table.setStyle(
        TableStyle(
            [
                *BASE,
                ("BOX", (0, 0), (-1, -1), 0.6, RULE_COLOUR),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f7fb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _body(summary: Summary) -> list[Flowable]:
    story: list[Flowable] = []
    for table in sections.summary_tables(summary):
        story.append(_table(table))
        if table.key == "times":
            story.append(_hours_block(summary))
        if table.key == "outcomes" and any(r.count.current for r in summary.visits.outcomes):
            rows = summary.visits.outcomes
            chart = outcome_chart(
                [r.label for r in rows],
                [int(r.count.current or 0) for r in rows],
                width=CONTENT_WIDTH,
            )
            story.append(chart)
    notes = [Paragraph("Cách tính", HEADING)]
    notes += [Paragraph(f"• {escape(note)}", NOTE) for note in sections.NOTES]
    story.append(KeepTogether(notes))
    return story


def _hours_block(summary: Summary) -> Flowable:
    t = summary.tickets
    hours = hour_span(t.hourly, t.hourly_previous)
    peaks = busiest_hours(t.hourly)
    peak_text = ", ".join(f"{h}h–{h + 1}h ({t.hourly[h]})" for h in peaks) or "không có phiếu"
    return KeepTogether(
        [
            Paragraph("Số phiếu lấy theo giờ (giờ cao điểm)", HEADING),
            hourly_chart(t.hourly, t.hourly_previous, hours, width=CONTENT_WIDTH),
            Paragraph(escape(f"Giờ đông nhất kỳ này: {peak_text}."), NOTE),
        ]
    )


def _widths(table: sections.Table) -> list[float]:
    count = len(table.columns)
    figure_width = 64.0 if table.columns[1:] == sections.COMPARE_COLUMNS else 78.0
    if table.numeric_from == 2:
        rest = CONTENT_WIDTH - 2 * 88.0
        return [rest * 0.55, rest * 0.45, 88.0, 88.0]
    first = CONTENT_WIDTH - figure_width * (count - 1)
    return [first, *[figure_width] * (count - 1)]


def _table(table: sections.Table) -> Flowable:
    head = [
        Paragraph(escape(c), CELL_HEAD_FIGURE if i >= table.numeric_from else CELL_HEAD)
        for i, c in enumerate(table.columns)
    ]
    body: list[Sequence[Any]] = [head]
    for row in table.rows:
        text = [Paragraph(escape(cell), CELL) for cell in row[: table.numeric_from]]
        body.append([*text, *row[table.numeric_from :]])
    grid = Table(body, colWidths=_widths(table), repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                *BASE,
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_COLOUR),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE_COLOUR),
                ("ALIGN", (table.numeric_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    parts: list[Flowable] = [Paragraph(escape(table.title), HEADING), grid]
    if table.note:
        parts.append(Paragraph(escape(table.note), NOTE))
    return KeepTogether(parts)
