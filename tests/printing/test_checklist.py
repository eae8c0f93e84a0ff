"""The guide checklist slip: raster text 3.5 mm high, a cut, within its 32 KB, every guide."""

from __future__ import annotations

from dataclasses import replace

import pytest
from escpos.printer import Dummy

from kiosk.content import ASK_AT_DESK, FeeBasis, Guide, load_guides
from kiosk.content.model import Fee
from kiosk.domain.views import SiteHeader
from kiosk.resources import data_path
from printing.blocks import TextBlock
from printing.checklist import (
    BODY_DOTS,
    MAX_PAPERS,
    ChecklistLabels,
    checklist_blocks,
    fitted_checklist_blocks,
)
from printing.raster import load_font
from printing.settings import PRINTER_DPI, dots_to_mm
from printing.slip import print_slip

BUDGET_BYTES = 32 * 1024
LINE_CODES = ("A", "B", "C", "D", "E")


def _guides() -> dict[str, Guide]:
    load = load_guides(data_path("guides"), line_codes=LINE_CODES)
    assert load.problems == ()
    return {guide.id: guide for guide in load.guides}


def _print(guide: Guide, header: SiteHeader, *, width_dots: int, language: str = "vi") -> bytes:
    printer = Dummy()
    labels = ChecklistLabels(language=language)
    blocks = fitted_checklist_blocks(guide, header, labels, width_dots=width_dots)
    print_slip(printer, blocks, width_dots=width_dots, job_name=guide.id)
    return bytes(printer.output)


@pytest.mark.parametrize("guide_id", sorted(_guides()))
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_guide_checklist_is_a_raster_with_a_cut_within_32_kb_at_80_mm(
    guide_id: str, language: str, header: SiteHeader
) -> None:
    data = _print(_guides()[guide_id], header, width_dots=576, language=language)

    assert b"\x1dv0" in data
    assert b"\x1dV" in data[-8:]
    assert len(data) <= BUDGET_BYTES, f"{guide_id}: {len(data)} bytes"


def test_checklist_lists_papers_fee_and_time_of_the_guide(header: SiteHeader) -> None:
    guide = _guides()["khai-sinh"]

    texts = [b.text for b in checklist_blocks(guide, header) if isinstance(b, TextBlock)]

    assert guide.title.vi in texts
    assert any(t.startswith("1. " + guide.papers[0].name.vi) for t in texts)
    assert any("(Bản chính)" in t for t in texts)  # the birth notice is handed in
    assert guide.fee.text.vi in texts
    assert guide.time.text.vi in texts


def test_unverified_fee_prints_ask_at_the_desk(header: SiteHeader) -> None:
    guide = replace(_guides()["khai-sinh"], fee=Fee(ASK_AT_DESK, FeeBasis.UNVERIFIED))

    texts = [b.text for b in checklist_blocks(guide, header) if isinstance(b, TextBlock)]

    assert any(t.startswith("Vui lòng hỏi lại tại quầy") for t in texts)


def test_a_very_long_paper_list_is_cut_short_and_stays_within_budget(header: SiteHeader) -> None:
    guide = _guides()["khai-sinh"]
    guide = replace(guide, papers=guide.papers * 6)

    blocks = fitted_checklist_blocks(guide, header, width_dots=576)
    data = _print(guide, header, width_dots=576)

    texts = [b.text for b in blocks if isinstance(b, TextBlock)]
    numbered = [t for t in texts if t.split(".")[0].isdigit()]
    assert 0 < len(numbered) <= MAX_PAPERS
    assert "Và giấy tờ khác: vui lòng hỏi tại quầy." in texts
    assert len(data) <= BUDGET_BYTES


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_shipped_guide_prints_all_its_papers(language: str, header: SiteHeader) -> None:
    labels = ChecklistLabels(language=language)
    for guide in _guides().values():
        blocks = fitted_checklist_blocks(guide, header, labels, width_dots=576)
        texts = [b.text for b in blocks if isinstance(b, TextBlock)]
        for number, paper in enumerate(guide.papers, start=1):
            assert any(t.startswith(f"{number}. {paper.name.get(language)}") for t in texts)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_printed_line_is_at_least_3_5_mm_high_at_the_printers_dpi(
    language: str, header: SiteHeader
) -> None:
    assert PRINTER_DPI == 203  # the dpi of every supported mechanism (8 dots per mm)
    guide = _guides()["khai-sinh"]
    blocks = fitted_checklist_blocks(
        guide, header, ChecklistLabels(language=language), width_dots=576
    )
    texts = [b for b in blocks if isinstance(b, TextBlock)]
    assert texts
    for block in texts:
        font = load_font(block.size_px, bold=block.bold)
        assert dots_to_mm(font.size) >= 3.5, (block.text, font.size)
    ascent, descent = load_font(BODY_DOTS).getmetrics()
    assert dots_to_mm(ascent + descent) >= 3.5  # the line the body text takes on paper
