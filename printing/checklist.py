"""A guide's checklist as a slip: the papers to bring, the fee and the time, for the pocket.

Same raster rules and size budget as a ticket (16 KB at 80 mm): every line is a raster, so a
long paper list is cut short (the rest reads "ask at the desk") until the job fits. Facts a
guide marks unverified already read ``ASK_AT_DESK`` ("Vui lòng hỏi lại tại quầy...").
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import Guide
from kiosk.domain.views import SiteHeader
from printing.blocks import Align, Block, Rule, Spacer, TextBlock
from printing.slip import slip_bytes

# Papers printed at most; the budget may allow fewer (see ``fitted_checklist_blocks``).
MAX_PAPERS = 8
BUDGET_BYTES = 16 * 1024


@dataclass(frozen=True, slots=True)
class ChecklistLabels:
    """The fixed words of a checklist; Vietnamese by default, the UI passes translated ones."""

    heading: str = "Danh sách giấy tờ cần mang"
    papers: str = "Giấy tờ"
    fee: str = "Lệ phí"
    time: str = "Thời gian giải quyết"
    more_papers: str = "Và giấy tờ khác: vui lòng hỏi tại quầy."
    language: str = "vi"


DEFAULT_LABELS = ChecklistLabels()


def fitted_checklist_blocks(
    guide: Guide,
    header: SiteHeader,
    labels: ChecklistLabels = DEFAULT_LABELS,
    *,
    width_dots: int,
    budget_bytes: int = BUDGET_BYTES,
) -> list[Block]:
    """The checklist with as many papers as fit in ``budget_bytes`` (renders; run off the UI).

    Args:
        guide: The loaded guide.
        header: The desk and commune printed at the top.
        labels: The fixed words and the language of the guide's texts.
        width_dots: The printable width in dots.
        budget_bytes: The most a job may send.

    Returns:
        The blocks; the papers left out are replaced by ``labels.more_papers``.
    """
    count = min(len(guide.papers), MAX_PAPERS)
    while True:
        blocks = checklist_blocks(guide, header, labels, max_papers=count)
        if count == 0 or len(slip_bytes(blocks, width_dots=width_dots)) <= budget_bytes:
            return blocks
        count -= 1


def checklist_blocks(
    guide: Guide,
    header: SiteHeader,
    labels: ChecklistLabels = DEFAULT_LABELS,
    *,
    max_papers: int = MAX_PAPERS,
) -> list[Block]:
    """Lay out a guide's checklist.

    Args:
        guide: The loaded guide (unverified facts already read "ask at the desk").
        header: The desk and commune printed at the top.
        labels: The fixed words and the language of the guide's texts.
        max_papers: Papers listed at most; any more read ``labels.more_papers``.

    Returns:
        The blocks from top to bottom, ready for ``print_slip``.
    """
    language = labels.language
    # Every printed line costs ~2 KB of raster: the desk's name only, no commune line.
    blocks: list[Block] = [Spacer(8), _centred(header.desk_name, 20, bold=True)]
    blocks += [Spacer(8), Rule(), Spacer(8), _centred(labels.heading, 22, bold=True)]
    blocks += [Spacer(4), _centred(guide.title.get(language), 26, bold=True), Spacer(10)]
    blocks += [TextBlock(labels.papers, 22, bold=True), Spacer(4)]
    for number, paper in enumerate(guide.papers[:max_papers], start=1):
        details = paper.details().get(language)
        text = paper.name.get(language) + (f" ({details})" if details else "")
        blocks += [TextBlock(f"{number}. {text}", 20), Spacer(4)]
    if len(guide.papers) > max_papers:
        blocks += [TextBlock(labels.more_papers, 20), Spacer(4)]
    blocks += [Spacer(6), Rule(1), Spacer(8)]
    blocks += [TextBlock(labels.fee, 22, bold=True), TextBlock(guide.fee.text.get(language), 20)]
    blocks += [Spacer(8), TextBlock(labels.time, 22, bold=True)]
    blocks += [TextBlock(guide.time.text.get(language), 20)]
    blocks += [Spacer(10), Rule(), Spacer(8)]
    return blocks


def _centred(text: str, size_px: int, *, bold: bool = False) -> TextBlock:
    return TextBlock(text, size_px, bold=bold, align=Align.CENTER)
