"""Text to a sharp 1-bit raster with the shipped font, and raster to ESC/POS ``GS v 0`` bytes.

Images here are ink masks: mode "1" (or "L" while drawing) where a set pixel is a burnt dot.
That is the bit order ``GS v 0`` wants, so a mask's ``tobytes()`` goes to the printer as is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache, lru_cache

from PIL import Image, ImageFont

from kiosk.resources import font_path
from printing.blocks import Align

# Anti-aliased grey at or above this becomes a dot: a little below half so thin diacritics
# (the hook of "ả", the dot of "ạ") survive and strokes come out slightly bold, as thermal
# paper needs.
INK_THRESHOLD = 112

# The most rows one GS v 0 command carries; python-escpos uses the same split for old printers
# with small buffers.
MAX_RASTER_ROWS = 960

_GS_V0 = b"\x1dv0\x00"
# The threshold as a lookup table: Image.point with a function calls it 256 times per image.
_INK_TABLE = [255 if value >= INK_THRESHOLD else 0 for value in range(256)]
# Measured widths of text in a font. Wrapping measures the same prefixes again and again (the
# balancing search re-wraps a paragraph a dozen times) and every ticket repeats its labels.
WIDTH_CACHE_SIZE = 4096
# Whitespace a line may break at: all but the no-break space, which binds "15\u00a0phút".
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0]+")


@cache
def load_font(size_px: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The shipped font at a pixel size.

    Args:
        size_px: The em size in dots.
        bold: Whether to use the bold face.

    Returns:
        A cached FreeType font.
    """
    # BASIC layout: NFC Vietnamese is all precomposed letters, so no shaping is needed, and a
    # Raspberry Pi without libraqm draws exactly what the tests see.
    return ImageFont.truetype(
        str(font_path(bold=bold)), size_px, layout_engine=ImageFont.Layout.BASIC
    )


@lru_cache(maxsize=WIDTH_CACHE_SIZE)
def text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The advance width of ``text`` in ``font``, in dots (remembered: fonts come from a cache).

    Args:
        font: A font from ``load_font``.
        text: One line of text.

    Returns:
        ``font.getlength(text)``.
    """
    return font.getlength(text)


def nfc(text: str) -> str:
    """Text as it must reach the font: NFC, so every Vietnamese letter is one glyph."""
    return unicodedata.normalize("NFC", text)


def wrap_text(
    text: str, font: ImageFont.FreeTypeFont, max_width_dots: int, *, balanced: bool = False
) -> list[str]:
    """Break text into lines no wider than ``max_width_dots``, measured with ``font``.

    Args:
        text: Any text; a newline starts a new paragraph, other whitespace is collapsed except
            no-break spaces (U+00A0), which keep their neighbours on one line.
        font: The font the lines will be drawn with.
        max_width_dots: The widest a line may be.
        balanced: Make a paragraph's lines about equally long (same number of lines), which
            suits centred text: no lone last word under a full line.

    Returns:
        The lines in order; a word wider than the paper is split between letters.
    """
    lines: list[str] = []
    for paragraph in nfc(text).split("\n"):
        words = [word for word in _BREAKABLE_SPACE.split(paragraph.strip()) if word]
        wrapped = _wrap_words(words, font, max_width_dots)
        if balanced and len(wrapped) > 1:
            wrapped = _balance(words, font, max_width_dots, len(wrapped))
        lines += wrapped
    return lines


def _wrap_words(words: list[str], font: ImageFont.FreeTypeFont, max_width_dots: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(font, candidate) <= max_width_dots:
            current = candidate
            continue
        if current:
            lines.append(current)
        # A word wider than the paper (a long URL or file number) is split, never clipped.
        while text_width(font, word) > max_width_dots:
            cut = _longest_fitting_prefix(word, font, max_width_dots)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    lines.append(current)
    return lines


def _balance(
    words: list[str], font: ImageFont.FreeTypeFont, max_width_dots: int, line_count: int
) -> list[str]:
    # The narrowest width that still needs no more lines: a binary search, since greedy
    # wrapping never needs more lines on wider paper. It starts at the widest word, so
    # balancing never splits a word that fits the paper.
    widest_word = max(math.ceil(text_width(font, word)) for word in words)
    narrowest, widest = min(widest_word, max_width_dots), max_width_dots
    while narrowest < widest:
        middle = (narrowest + widest) // 2
        if len(_wrap_words(words, font, middle)) <= line_count:
            widest = middle
        else:
            narrowest = middle + 1
    return _wrap_words(words, font, widest)


def _longest_fitting_prefix(word: str, font: ImageFont.FreeTypeFont, max_width_dots: int) -> int:
    cut = 1
    while cut < len(word) and text_width(font, word[: cut + 1]) <= max_width_dots:
        cut += 1
    return cut


def threshold(canvas: Image.Image) -> Image.Image:
    """An anti-aliased "L" ink canvas as a 1-bit mask, without dithering."""
    return canvas.point(_INK_TABLE, mode="1")


def ink_row_runs(mask: Image.Image) -> list[tuple[int, int]]:
    """The ``(top, bottom)`` row ranges (bottom exclusive) of a mask that hold any ink."""
    row_bytes = (mask.width + 7) // 8
    data = mask.tobytes()
    blank = bytes(row_bytes)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for row in range(mask.height):
        inked = data[row * row_bytes : (row + 1) * row_bytes] != blank
        if inked and start is None:
            start = row
        elif not inked and start is not None:
            runs.append((start, row))
            start = None
    if start is not None:
        runs.append((start, mask.height))
    return runs


def place_band(band: Image.Image) -> tuple[Align, Image.Image]:
    """The cheapest way to print a full-width band: an alignment and the crop to send.

    The printer places the crop (ESC a), so only the inked columns travel, plus whatever
    blank columns keep the ink where it was on the band.

    Args:
        band: A full-width mask with some ink.

    Returns:
        The alignment to set and the cropped mask to print with it.
    """
    width = band.width
    box = band.getbbox()
    if box is None:
        return Align.LEFT, band.crop((0, 0, 1, band.height))
    left, _, right, _ = box
    margin = min(left, width - right)
    # Centred crops get a whole number of bytes so the printer's centring lands on our pixels.
    centred_width = -(-(width - 2 * margin) // 8) * 8
    side = (width - centred_width) // 2
    options = {
        Align.CENTER: (centred_width, (side, 0, side + centred_width, band.height)),
        Align.LEFT: (right, (0, 0, right, band.height)),
        Align.RIGHT: (width - left, (left, 0, width, band.height)),
    }
    align = min(options, key=lambda key: options[key][0])
    return align, band.crop(options[align][1])


def raster_commands(mask: Image.Image) -> bytes:
    """``GS v 0`` commands printing a 1-bit mask at normal density, split into safe heights."""
    width_bytes = (mask.width + 7) // 8
    commands = []
    for top in range(0, mask.height, MAX_RASTER_ROWS):
        piece = mask.crop((0, top, mask.width, min(top + MAX_RASTER_ROWS, mask.height)))
        header = _GS_V0 + width_bytes.to_bytes(2, "little") + piece.height.to_bytes(2, "little")
        commands.append(header + piece.tobytes())
    return b"".join(commands)


@lru_cache(maxsize=64)
def blank_feed(height_dots: int) -> bytes:
    """Blank paper as a one-byte-wide raster: exact in dots on every printer, unlike ESC J."""
    if height_dots <= 0:
        return b""
    return raster_commands(Image.new("1", (8, height_dots), 0))
