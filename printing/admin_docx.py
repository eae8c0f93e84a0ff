"""The administrative document of ``printing.admin_document`` as an editable DOCX (python-docx).

Same frame, blocks, margins, sizes and font (Noto Sans, embedded by ``printing.docx_fonts``)
as the PDF, so a commune can edit the report in Word or LibreOffice before it is signed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from kiosk.resources import font_path
from printing.admin_document import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    NATION,
    AdminDocument,
    Block,
    Heading,
    Note,
    Para,
)
from printing.docx_fonts import embed_font_family
from printing.report_sections import Table

FONT_NAME = "Noto Sans"
POINTS_PER_MM = 72 / 25.4
LEFT_MM = 70.0
RIGHT_MM = 95.0
CONTENT_MM = LEFT_MM + RIGHT_MM
Paragraph = Any  # python-docx ships no type hints
Cell = Any


def _mm(points: float) -> Mm:
    return Mm(points / POINTS_PER_MM)


def _set_font(run_or_style: Any, size: float, *, bold: bool = False, italic: bool = False) -> None:
    font = run_or_style.font
    font.name = FONT_NAME
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    # python-docx sets only the Latin slots; Word reads the others for some characters.
    element = run_or_style.element
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)


def _paragraph(
    container: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    after: float = 0,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.1
    run = paragraph.add_run(text)
    _set_font(run, size, bold=bold, italic=italic)
    return paragraph


def _rule(container: Any, width_mm: float, column_mm: float) -> None:
    """A centred line ``width_mm`` long: an empty paragraph's bottom border between indents."""
    paragraph = _paragraph(container, "", 2)
    side = max(0.0, (column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    p_pr.append(borders)


def _fix_widths(table: Any, widths_mm: Sequence[float]) -> None:
    """Column widths Word and LibreOffice both honour: the grid, every cell, a fixed layout."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _frame_table(document: Any) -> tuple[Cell, Cell]:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_widths(table, (LEFT_MM, RIGHT_MM))
    left, right = table.rows[0].cells
    # A new cell holds one empty paragraph; drop it so the content starts at the top.
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _heading(document: Any, doc: AdminDocument) -> None:
    left, right = _frame_table(document)
    if doc.parent_issuer:
        _paragraph(left, doc.parent_issuer.upper(), 12)
    for line in doc.issuer:
        _paragraph(left, line.upper(), 12, bold=True)
    _rule(left, LEFT_MM * 0.4, LEFT_MM)
    _paragraph(left, doc.number_line(), 13)
    _paragraph(right, NATION, 12, bold=True)
    _paragraph(right, MOTTO, 13, bold=True)
    _rule(right, 62.5, RIGHT_MM)
    _paragraph(right, doc.date_line(), 13, italic=True)
    _paragraph(document, doc.doc_type.upper(), 14, bold=True).paragraph_format.space_before = Pt(14)
    for line in doc.summary.split("\n"):
        _paragraph(document, line, 13, bold=True)
    _rule(document, CONTENT_MM * 0.3, CONTENT_MM)


def _signature(document: Any, doc: AdminDocument) -> None:
    _paragraph(document, "", 6)
    left, right = _frame_table(document)
    _paragraph(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in doc.recipient_lines():
        _paragraph(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for text in (doc.signer_authority, doc.signer_title):
        if text:
            _paragraph(right, text.upper(), 13, bold=True)
    _paragraph(right, "", 13).paragraph_format.space_after = Mm(22)
    _paragraph(right, doc.signer_name or " ", 13, bold=True)


def _table(document: Any, table: Table) -> None:
    _paragraph(document, table.title, 13, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = document.styles["Table Grid"]
    figures = len(table.columns) - table.numeric_from
    figure_mm = min(24.0, CONTENT_MM * 0.6 / max(figures, 1))
    text_mm = (CONTENT_MM - figure_mm * figures) / max(table.numeric_from, 1)
    _fix_widths(grid, [text_mm] * table.numeric_from + [figure_mm] * figures)
    for r, row in enumerate((table.columns, *table.rows)):
        for c, text in enumerate(row):
            cell = grid.rows[r].cells[c]
            align = (
                WD_ALIGN_PARAGRAPH.CENTER
                if r == 0
                else (
                    WD_ALIGN_PARAGRAPH.RIGHT if c >= table.numeric_from else WD_ALIGN_PARAGRAPH.LEFT
                )
            )
            paragraph = cell.paragraphs[0]
            paragraph.alignment = align
            _set_font(paragraph.add_run(text), 10.5, bold=r == 0)
    _repeat_header(grid.rows[0])
    if table.note:
        _paragraph(document, table.note, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(document, "", 4)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _blocks(document: Any, blocks: Sequence[Block]) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            paragraph = _paragraph(
                document, block.text, 13, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=4
            )
            paragraph.paragraph_format.space_before = Pt(8)
        elif isinstance(block, Para):
            paragraph = _paragraph(
                document, block.text, 13, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6
            )
            paragraph.paragraph_format.first_line_indent = Mm(10)
        elif isinstance(block, Note):
            _paragraph(document, f"- {block.text}", 11, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=2)
        else:
            _table(document, block)


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = _mm(MARGIN_TOP), _mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = _mm(MARGIN_LEFT), _mm(MARGIN_RIGHT)
    section.header_distance = Mm(8)
    # Page numbers from page 2: the first page gets its own, empty header.
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run()
    _set_font(run, 13)
    field.append(run._r)
    paragraph._p.append(field)
    normal = document.styles["Normal"]
    _set_font(normal, 13)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)


def write_admin_docx(
    doc: AdminDocument, blocks: Sequence[Block], stream: BinaryIO, *, author: str = ""
) -> None:
    """Write the document as DOCX to a binary stream.

    Args:
        doc: The frame: issuer, title, signer, recipients.
        blocks: The body.
        stream: A binary stream (a file, or ``io.BytesIO`` in tests).
        author: The document's author property.
    """
    document = Document()
    _page_setup(document)
    document.core_properties.title = f"{doc.doc_type} {doc.summary}".replace("\n", " ")
    document.core_properties.author = author or " ".join(doc.issuer)
    document.core_properties.language = "vi-VN"
    # The template starts with one empty paragraph; the heading table goes before it.
    first = document.paragraphs[0]._p if document.paragraphs else None
    _heading(document, doc)
    _blocks(document, blocks)
    _signature(document, doc)
    if first is not None:
        first.getparent().remove(first)
    buffer = io.BytesIO()
    document.save(buffer)
    stream.write(
        embed_font_family(
            buffer.getvalue(), family=FONT_NAME, regular=font_path(), bold=font_path(bold=True)
        )
    )
