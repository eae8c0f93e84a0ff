"""An administrative document as a PDF, laid out after Nghị định 30/2020/NĐ-CP, Phụ lục I.

Reports a commune sends upward share one frame: Quốc hiệu and Tiêu ngữ beside the issuing
body, the number and symbol, place and date, the document type and its summary line, the body,
then "Nơi nhận" beside the signer's authority, title and name. The body is a list of blocks
(``Heading``, ``Para``, ``Note``, ``Table``) so the DOCX (``printing.admin_docx``) is built
from the same description.

Taken from the decree as summarised in FACTS.md: A4 portrait; margins top and bottom 20 mm,
left 30 mm, right 15 mm; page numbers centred in the top margin from page 2; the order of the
elements. Assumed where FACTS.md does not say: the sizes (Quốc hiệu 12 pt, the rest 13 pt,
recipients 11 pt, tables 10.5 pt), the rules under the issuer, the motto and the summary line,
and the 95 mm right column. The shipped Noto Sans stands in for Times New Roman; it has no
italic, so the date line and "Nơi nhận" are upright in the PDF (the DOCX asks for italic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from printing.charts import FONT, FONT_BOLD, register_fonts
from printing.report_sections import Table

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MARGIN_TOP = MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
CONTENT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
RIGHT_COLUMN = 95 * mm
LEFT_COLUMN = CONTENT_WIDTH - RIGHT_COLUMN
SIGNATURE_SPACE = 26 * mm
RULE = colors.black
BLANK_NUMBER = "\u00a0" * 8
GRID = colors.HexColor("#7f7f7f")


@dataclass(frozen=True, slots=True)
class AdminDocument:
    """The frame of an administrative document: who issues it, its title, who signs."""

    issuer: tuple[str, ...]
    doc_type: str
    summary: str
    issued_on: date
    place_name: str
    symbol: str
    number: str = ""
    parent_issuer: str = ""
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()

    def number_line(self) -> str:
        """``Số: 12/BC-UBND``; with no number the clerk writes it in: ``Số:      /BC-UBND``."""
        # No-break spaces: a PDF paragraph would fold ordinary ones into one.
        return f"Số: {self.number or BLANK_NUMBER}/{self.symbol}"

    def date_line(self) -> str:
        """``Đức Phong, ngày 05 tháng 3 năm 2026``: day below 10 and months 1-2 get a 0."""
        day = self.issued_on
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        place = f"{self.place_name}, " if self.place_name else ""
        return f"{place}ngày {day.day:02d} tháng {month} năm {day.year}"

    def recipient_lines(self) -> list[str]:
        """``- X;`` for each recipient, the last ending with a full stop."""
        lines = [f"- {r.rstrip(';.')};" for r in self.recipients]
        if lines:
            lines[-1] = lines[-1][:-1] + "."
        return lines


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading of the body (bold)."""

    text: str


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph, justified with a first-line indent."""

    text: str


@dataclass(frozen=True, slots=True)
class Note:
    """A small explanatory line (how a figure is counted)."""

    text: str


Block = Heading | Para | Note | Table


def _style(name: str, size: float, *, bold: bool = False, **extra: Any) -> ParagraphStyle:
    # 1.3 em clears a capital with two Vietnamese marks (Ễ) above a descender.
    extra.setdefault("leading", size * 1.3)
    return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size, **extra)


ISSUER_PARENT = _style("issuer_parent", 12, alignment=TA_CENTER)
ISSUER = _style("issuer", 12, bold=True, alignment=TA_CENTER)
NATION_STYLE = _style("nation", 12, bold=True, alignment=TA_CENTER)
MOTTO_STYLE = _style("motto", 13, bold=True, alignment=TA_CENTER)
CENTRE = _style("centre", 13, alignment=TA_CENTER)
DOC_TYPE = _style("doc_type", 14, bold=True, alignment=TA_CENTER, spaceBefore=14)
SUMMARY = _style("summary", 13, bold=True, alignment=TA_CENTER)
BODY = _style("body", 13, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6)
HEADING = _style("heading", 13, bold=True, spaceBefore=8, spaceAfter=4)
NOTE = _style("note", 11, alignment=TA_JUSTIFY, spaceAfter=2)
CELL = _style("cell", 10.5, alignment=TA_LEFT)
CELL_HEAD = _style("cell_head", 10.5, bold=True, alignment=TA_CENTER)
SIGNER = _style("signer", 13, bold=True, alignment=TA_CENTER)
RECIPIENTS_HEAD = _style("recipients_head", 12, bold=True)
RECIPIENT = _style("recipient", 11, leading=13)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _rule(width: float) -> HRFlowable:
    return HRFlowable(width=width, thickness=0.6, color=RULE, spaceBefore=1, spaceAfter=3)


def _heading(doc: AdminDocument) -> list[Flowable]:
    left: list[Flowable] = []
    if doc.parent_issuer:
        left.append(_para(doc.parent_issuer.upper(), ISSUER_PARENT))
    left += [_para(line.upper(), ISSUER) for line in doc.issuer]
    left += [_rule(LEFT_COLUMN * 0.4), _para(doc.number_line(), CENTRE)]
    motto_width = stringWidth(MOTTO, FONT_BOLD, MOTTO_STYLE.fontSize)
    right: list[Flowable] = [
        _para(NATION, NATION_STYLE),
        _para(MOTTO, MOTTO_STYLE),
        _rule(motto_width),
        _para(doc.date_line(), CENTRE),
    ]
    top = PdfTable([[left, right]], colWidths=[LEFT_COLUMN, RIGHT_COLUMN])
    top.setStyle(_frame_style())
    summary_width = max(stringWidth(line, FONT_BOLD, 13) for line in doc.summary.split("\n"))
    return [
        top,
        _para(doc.doc_type.upper(), DOC_TYPE),
        *[_para(line, SUMMARY) for line in doc.summary.split("\n")],
        _rule(min(summary_width, CONTENT_WIDTH) * 0.4),
        Spacer(1, 6),
    ]


def _frame_style() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 12),
            # Short rules narrower than their column are centred in it.
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def _signature(doc: AdminDocument, last: Flowable | None) -> Flowable:
    """Nơi nhận and the signer, kept on one page with the body's last block."""
    left: list[Flowable] = [_para("Nơi nhận:", RECIPIENTS_HEAD)]
    left += [_para(line, RECIPIENT) for line in doc.recipient_lines()]
    right: list[Flowable] = [
        _para(t.upper(), SIGNER) for t in (doc.signer_authority, doc.signer_title) if t
    ]
    right.append(Spacer(1, SIGNATURE_SPACE))
    if doc.signer_name:
        right.append(_para(doc.signer_name, SIGNER))
    block = PdfTable([[left, right]], colWidths=[LEFT_COLUMN, RIGHT_COLUMN])
    block.setStyle(_frame_style())
    return KeepTogether([*([last] if last else []), Spacer(1, 10), block])


def table_flowable(table: Table) -> Flowable:
    """A block table as a grid: header row repeated on each page, figures right-aligned."""
    figures = len(table.columns) - table.numeric_from
    figure_width = min(24 * mm, CONTENT_WIDTH * 0.6 / max(figures, 1))
    text_width = (CONTENT_WIDTH - figure_width * figures) / max(table.numeric_from, 1)
    widths = [text_width] * table.numeric_from + [figure_width] * figures
    head = [_para(c, CELL_HEAD) for c in table.columns]
    body: list[Sequence[Any]] = [head]
    for row in table.rows:
        body.append(
            [_para(c, CELL) for c in row[: table.numeric_from]] + list(row[table.numeric_from :])
        )
    grid = PdfTable(body, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                # Every cell sets the font: one without it would pull in unembedded Helvetica.
                ("FONT", (0, 0), (-1, -1), FONT, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("ALIGN", (table.numeric_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    parts: list[Flowable] = [_para(table.title, HEADING), grid]
    if table.note:
        parts.append(_para(table.note, NOTE))
    return KeepTogether(parts)


def block_flowables(blocks: Sequence[Block]) -> list[Flowable]:
    """The body's blocks as reportlab flowables."""
    register_fonts()  # a paragraph resolves its font when made, before the document is written
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(_para(block.text, HEADING))
        elif isinstance(block, Para):
            story.append(_para(block.text, BODY))
        elif isinstance(block, Note):
            story.append(_para(f"- {block.text}", NOTE))
        else:
            story.append(table_flowable(block))
    return story


def write_admin_pdf(
    doc: AdminDocument,
    blocks: Sequence[Block],
    stream: BinaryIO,
    *,
    author: str = "",
    invariant: bool = False,
) -> None:
    """Write the document as an A4 PDF with the shipped font embedded (text extractable).

    Args:
        doc: The frame: issuer, title, signer, recipients.
        blocks: The body.
        stream: A binary stream (a file, or ``io.BytesIO`` in tests).
        author: The PDF's author metadata.
        invariant: Leave out creation dates and ids (the same input gives the same bytes).
    """
    write_admin_flowables(doc, block_flowables(blocks), stream, author=author, invariant=invariant)


def write_admin_flowables(
    doc: AdminDocument,
    body: Sequence[Flowable],
    stream: BinaryIO,
    *,
    author: str = "",
    invariant: bool = False,
) -> None:
    """Write the document with a body of ready flowables (a report with charts).

    Args:
        doc: The frame: issuer, title, signer, recipients.
        body: The body's flowables, the last kept on one page with the signature.
        stream: A binary stream.
        author: The PDF's author metadata.
        invariant: Leave out creation dates and ids.
    """
    register_fonts()
    pdf = SimpleDocTemplate(
        stream,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.doc_type} {doc.summary}".replace("\n", " "),
        author=author or " ".join(doc.issuer),
        lang="vi",
        initialFontName=FONT,
        invariant=int(invariant),
    )
    body = list(body)
    last = body.pop() if body else None
    story = [*_heading(doc), *body, _signature(doc, last)]
    pdf.build(story, onLaterPages=_page_number)


def _page_number(canvas: Any, pdf: Any) -> None:
    """The page number, centred in the top margin, from page 2 on."""
    canvas.saveState()
    canvas.setFont(FONT, 13)
    centre = MARGIN_LEFT + CONTENT_WIDTH / 2
    canvas.drawCentredString(centre, A4[1] - MARGIN_TOP / 2 - 4, str(pdf.page))
    canvas.restoreState()


__all__ = [
    "CONTENT_WIDTH",
    "MOTTO",
    "NATION",
    "TA_RIGHT",
    "AdminDocument",
    "Block",
    "Heading",
    "Note",
    "Para",
    "block_flowables",
    "write_admin_flowables",
    "write_admin_pdf",
]
