"""Blocks to printable pieces: stacked 1-bit rasters, native big text and native QR codes.

Both the ESC/POS encoder (``printing.slip``) and the spool preview (``printing.preview``) read
these pieces, so the preview shows what the bytes say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import qrcode
from PIL import Image, ImageDraw

from printing.blocks import Align, BigNumber, Block, QrBlock, Rule, Spacer, TextBlock
from printing.raster import load_font, text_width, threshold, wrap_text

# Line pitch as a share of the em: Noto Sans needs about 1.37 em for a capital with two
# Vietnamese marks (Ễ) over a descender, and lines that close rarely meet in practice.
LINE_PITCH_EM = 1.3
# The printer's font A cell in dots (12 x 24 on Epson-compatible mechanisms); ESC/POS can
# magnify it 1 to 8 times.
NATIVE_CELL_DOTS = (12, 24)
MAX_NATIVE_SCALE = 8
# Keeps wrapped text and rules off the very edge of the printable area.
SIDE_MARGIN_DOTS = 8
# Drawn text blocks kept for the next slip: a ticket repeats most of its lines (desk name,
# labels, line name), and drawing text is most of a slip's CPU time.
DRAWN_TEXT_CACHE_SIZE = 64


@dataclass(frozen=True, slots=True)
class RasterPiece:
    """A full-width 1-bit ink mask (set pixel = dot) built from consecutive raster blocks."""

    mask: Image.Image

    @property
    def height_dots(self) -> int:
        """How much paper the piece uses."""
        return self.mask.height


@dataclass(frozen=True, slots=True)
class NativeTextPiece:
    """ASCII text in the printer's font A, magnified ``scale`` times in both directions."""

    text: str
    scale: int

    @property
    def height_dots(self) -> int:
        """How much paper the piece uses (enlarged text sets its own line height)."""
        return NATIVE_CELL_DOTS[1] * self.scale


@dataclass(frozen=True, slots=True)
class QrPiece:
    """A QR code the printer draws; ``modules`` is its side in modules, as qrcode computes it."""

    data: str
    module_dots: int
    modules: int

    @property
    def height_dots(self) -> int:
        """How much paper the piece uses."""
        return self.module_dots * self.modules


Piece = RasterPiece | NativeTextPiece | QrPiece


def layout_slip(blocks: Sequence[Block], width_dots: int) -> list[Piece]:
    """Turn blocks into printable pieces for paper ``width_dots`` wide.

    Args:
        blocks: The slip from top to bottom.
        width_dots: The printable width in dots.

    Returns:
        The pieces in order; consecutive text, rules and spacers share one raster piece.
    """
    pieces: list[Piece] = []
    pending: list[Image.Image] = []
    for block in blocks:
        native = _native_piece(block, width_dots)
        if native is None:
            pending.append(_draw_raster_block(block, width_dots))
            continue
        pieces.extend(_stack(pending))
        pending = []
        pieces.append(native)
    pieces.extend(_stack(pending))
    return pieces


def _native_piece(block: Block, width_dots: int) -> NativeTextPiece | QrPiece | None:
    if isinstance(block, BigNumber) and _native_printable(block.text):
        cell_width = NATIVE_CELL_DOTS[0] * len(block.text)
        scale = (width_dots - 2 * SIDE_MARGIN_DOTS) // cell_width
        return NativeTextPiece(block.text, max(1, min(MAX_NATIVE_SCALE, scale)))
    if isinstance(block, QrBlock) and block.data:
        modules = qr_modules(block.data)
        module_dots = max(1, min(block.module_px, width_dots // modules))
        return QrPiece(block.data, module_dots, modules)
    return None


def _native_printable(text: str) -> bool:
    # Printer fonts only hold ASCII reliably; anything else is drawn with our font instead.
    return bool(text) and text.isascii() and text.isprintable()


def qr_modules(data: str) -> int:
    """The side of the QR code for ``data`` at error correction M, in modules."""
    return len(qr_matrix(data))


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR modules for ``data`` (True = dark), without a quiet zone.

    The printer encodes the code itself; this is the same symbol as far as size goes (smallest
    version for the data at level M), for layout and for the preview.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def _stack(images: Iterable[Image.Image]) -> list[RasterPiece]:
    images = list(images)
    if not images:
        return []
    width = images[0].width
    stacked = Image.new("1", (width, sum(image.height for image in images)), 0)
    top = 0
    for image in images:
        stacked.paste(image, (0, top))
        top += image.height
    return [RasterPiece(stacked)]


def _draw_raster_block(block: Block, width_dots: int) -> Image.Image:
    if isinstance(block, TextBlock):
        return _drawn_text(block, width_dots)
    if isinstance(block, BigNumber):
        # Not ASCII, so the printer font cannot hold it: draw it as big as the paper allows.
        size_px = min(NATIVE_CELL_DOTS[1] * MAX_NATIVE_SCALE // 2, width_dots // 3)
        big = TextBlock(block.text, size_px, bold=True, align=Align.CENTER)
        return _drawn_text(big, width_dots)
    if isinstance(block, Rule):
        rule = Image.new("1", (width_dots, block.thickness_px), 0)
        ImageDraw.Draw(rule).rectangle(
            (SIDE_MARGIN_DOTS, 0, width_dots - SIDE_MARGIN_DOTS - 1, block.thickness_px - 1),
            fill=255,
        )
        return rule
    if isinstance(block, Spacer):
        return Image.new("1", (width_dots, max(0, block.height_px)), 0)
    raise TypeError(f"not a raster block: {block!r}")


def draw_text(block: TextBlock, width_dots: int) -> Image.Image:
    """A text block as a full-width 1-bit ink mask, wrapped and aligned.

    Args:
        block: The text and how to set it; the text is NFC-normalised first.
        width_dots: The printable width in dots.

    Returns:
        A mask ``width_dots`` wide and as tall as the wrapped lines.
    """
    font = load_font(block.size_px, bold=block.bold)
    usable = width_dots - 2 * SIDE_MARGIN_DOTS
    lines = wrap_text(block.text, font, usable, balanced=block.align is Align.CENTER)
    ascent, descent = font.getmetrics()
    pitch = round(block.size_px * LINE_PITCH_EM)
    height = (len(lines) - 1) * pitch + ascent + descent
    # Drawn anti-aliased in grey, then thresholded: sharper than dithering, smoother than "1".
    canvas = Image.new("L", (width_dots, height), 0)
    draw = ImageDraw.Draw(canvas)
    for index, line in enumerate(lines):
        line_width = text_width(font, line)
        if block.align is Align.CENTER:
            x = (width_dots - line_width) / 2
        elif block.align is Align.RIGHT:
            x = width_dots - SIDE_MARGIN_DOTS - line_width
        else:
            x = SIDE_MARGIN_DOTS
        draw.text((round(x), index * pitch + ascent), line, font=font, fill=255, anchor="ls")
    return threshold(canvas)


# Shared images: callers only read them (``_stack`` pastes them into a new piece).
_drawn_text = lru_cache(maxsize=DRAWN_TEXT_CACHE_SIZE)(draw_text)
