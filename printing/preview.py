"""What a slip looks like on paper, as an image: the spool printer saves it next to the bytes."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageOps

from printing.layout import NATIVE_CELL_DOTS, NativeTextPiece, Piece, QrPiece, qr_matrix
from printing.raster import load_font, threshold

# Paper outside the printable width: (80 - 72) mm / 2 and (58 - 48) mm / 2 at 8 dots per mm.
PAPER_MARGIN_DOTS = {384: 40, 576: 32}
# Paper fed after the last line before the cutter, as python-escpos' cut() does (6 lines).
CUT_FEED_DOTS = 6 * 30
# Where font A's capitals and digits sit in its 12 x 24 cell, roughly: rows 3 to 20, one blank
# column either side. Only the preview uses this.
_GLYPH_TOP, _GLYPH_HEIGHT, _GLYPH_SIDE = 3, 17, 1


def preview_image(pieces: Sequence[Piece], width_dots: int) -> Image.Image:
    """The slip as it would come out of the printer: black on white, paper margins included.

    Args:
        pieces: The laid-out slip (``printing.layout.layout_slip``).
        width_dots: The printable width in dots.

    Returns:
        A grey-scale image one pixel per printer dot.
    """
    height = sum(piece.height_dots for piece in pieces) + CUT_FEED_DOTS
    ink = Image.new("1", (width_dots, height), 0)
    top = 0
    for piece in pieces:
        if isinstance(piece, NativeTextPiece | QrPiece):
            # The printer centres both (ESC a 1 is set before them).
            drawn = _native_text(piece) if isinstance(piece, NativeTextPiece) else _qr(piece)
            ink.paste(drawn, ((width_dots - drawn.width) // 2, top))
        else:
            ink.paste(piece.mask, (0, top))
        top += piece.height_dots
    margin = PAPER_MARGIN_DOTS.get(width_dots, 32)
    paper = ImageOps.invert(ink.convert("L"))
    return ImageOps.expand(paper, border=(margin, margin // 2, margin, 0), fill=255)


def _native_text(piece: NativeTextPiece) -> Image.Image:
    # The printer's font A is not ours to ship, so draw our bold face squeezed into the same
    # cells, magnified ``scale`` times like the printer does.
    scale = piece.scale
    cell_width, cell_height = (side * scale for side in NATIVE_CELL_DOTS)
    font = load_font(cell_height, bold=True)
    left, top, right, bottom = (round(edge) for edge in font.getbbox(piece.text))
    glyphs = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(glyphs).text((-left, -top), piece.text, font=font, fill=255)
    size = (cell_width * len(piece.text) - 2 * _GLYPH_SIDE * scale, _GLYPH_HEIGHT * scale)
    glyphs = glyphs.resize(size, Image.Resampling.LANCZOS)
    band = Image.new("L", (cell_width * len(piece.text), cell_height), 0)
    band.paste(glyphs, (_GLYPH_SIDE * scale, _GLYPH_TOP * scale))
    return threshold(band)


def _qr(piece: QrPiece) -> Image.Image:
    matrix = qr_matrix(piece.data)
    small = Image.new("1", (len(matrix), len(matrix)), 0)
    small.putdata([255 if dark else 0 for row in matrix for dark in row])
    return small.resize((piece.height_dots, piece.height_dots), Image.Resampling.NEAREST)
