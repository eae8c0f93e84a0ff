"""A guide's checklist as a slip: the papers to bring, the fee and the time, for the pocket.

Same raster rules as a ticket; every line is a raster, so a long paper list is cut short (the
rest reads "ask at the desk") until the job fits its budget. The body text is 3.5 mm high,
which costs twice a ticket's 16 KB: the checklist has 32 KB, still under 3 s at the default
115200 baud and so within the default 5 s job timeout. Facts a guide marks unverified already
read ``ASK_AT_DESK`` ("Vui lòng hỏi lại tại quầy...").
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import Guide
from kiosk.domain.views import SiteHeader
from printing.blocks import Align, Block, Rule, Spacer, TextBlock
from printing.settings import mm_to_dots
from printing.slip import slip_bytes

# Papers printed at most; the budget may allow fewer (see ``fitted_checklist_blocks``).
MAX_PAPERS = 8
BUDGET_BYTES = 32 * 1024
# Text sizes on paper: the body at least 3.5 mm (an older reader's pocket slip, read without
# glasses in the hall), headings and the title larger. Em sizes, in dots at the printer's dpi.
BODY_MM = 3.5
BODY_DOTS = mm_to_dots(BODY_MM)
HEADING_DOTS = mm_to_dots(4.0)
TITLE_DOTS = mm_to_dots(4.5)


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
    body, heading = BODY_DOTS, HEADING_DOTS
    blocks: list[Block] = [Spacer(8), _centred(header.desk_name, body, bold=True)]
    blocks += [Spacer(8), Rule(), Spacer(8), _centred(labels.heading, heading, bold=True)]
    blocks += [Spacer(4), _centred(guide.title.get(language), TITLE_DOTS, bold=True), Spacer(10)]
    blocks += [TextBlock(labels.papers, heading, bold=True), Spacer(4)]
    for number, paper in enumerate(guide.papers[:max_papers], start=1):
        details = paper.details().get(language)
        text = paper.name.get(language) + (f" ({details})" if details else "")
        blocks += [TextBlock(f"{number}. {text}", body), Spacer(4)]
    if len(guide.papers) > max_papers:
        blocks += [TextBlock(labels.more_papers, body), Spacer(4)]
    blocks += [Spacer(6), Rule(1), Spacer(8)]
    blocks += [TextBlock(labels.fee, heading, bold=True)]
    blocks += [TextBlock(guide.fee.text.get(language), body)]
    blocks += [Spacer(8), TextBlock(labels.time, heading, bold=True)]
    blocks += [TextBlock(guide.time.text.get(language), body)]
    blocks += [Spacer(10), Rule(), Spacer(8)]
    return blocks


def _centred(text: str, size_px: int, *, bold: bool = False) -> TextBlock:
    return TextBlock(text, size_px, bold=bold, align=Align.CENTER)
