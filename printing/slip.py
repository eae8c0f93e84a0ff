"""Print a slip (a list of blocks) on any python-escpos printer object."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from printing.blocks import Align, Block
from printing.layout import NativeTextPiece, Piece, RasterPiece, layout_slip
from printing.preview import preview_image
from printing.raster import blank_feed, ink_row_runs, place_band, raster_commands

# python-escpos ships no type hints; its printers are plain objects to mypy.
EscposPrinter = Any


@runtime_checkable
class SlipJobSink(Protocol):
    """A printer that wants to know where a job starts and what it should look like."""

    def begin_job(self, name: str, preview: Image.Image) -> None:
        """Called before a job's first byte with its name and paper preview."""


def print_slip(
    printer: EscposPrinter,
    blocks: Sequence[Block],
    *,
    width_dots: int,
    job_name: str = "slip",
) -> None:
    """Print blocks, feed and cut: one whole job.

    Args:
        printer: Any python-escpos printer (``Usb``, ``Network``, ``Dummy``, a spool...).
        blocks: The slip from top to bottom.
        width_dots: The printable width in dots (384 for 58 mm paper, 576 for 80 mm).
        job_name: A name for spool files and logs, e.g. the ticket number.
    """
    pieces = layout_slip(blocks, width_dots)
    if isinstance(printer, SlipJobSink):
        printer.begin_job(job_name, preview_image(pieces, width_dots))
    # ESC @ first: a job that died half-way may have left enlarged text or an alignment set.
    printer.hw("INIT")
    for piece in pieces:
        _send_piece(printer, piece)
    printer.set(align=Align.LEFT)
    printer.cut()


def slip_bytes(blocks: Sequence[Block], *, width_dots: int, profile: str | None = None) -> bytes:
    """The ESC/POS bytes of a slip, without a printer.

    Args:
        blocks: The slip from top to bottom.
        width_dots: The printable width in dots.
        profile: A python-escpos printer profile name, or None for the generic one.

    Returns:
        Everything ``print_slip`` would send, cut included.
    """
    dummy = Dummy(profile=profile)
    print_slip(dummy, blocks, width_dots=width_dots)
    return bytes(dummy.output)


def _send_piece(printer: EscposPrinter, piece: Piece) -> None:
    if isinstance(piece, RasterPiece):
        _send_raster(printer, piece)
    elif isinstance(piece, NativeTextPiece):
        printer.set(
            align=Align.CENTER,
            custom_size=True,
            width=piece.scale,
            height=piece.scale,
            bold=True,
            smooth=True,
        )
        printer.text(piece.text + "\n")
        # GS ! back to 1x1: ESC ! 0 (python-escpos' normal_textsize) does not undo GS ! on
        # every printer.
        printer.set(custom_size=True, width=1, height=1, bold=False, smooth=False)
    else:
        printer.set(align=Align.CENTER)
        printer.qr(piece.data, ec=QR_ECLEVEL_M, size=piece.module_dots, native=True)


def _send_raster(printer: EscposPrinter, piece: RasterPiece) -> None:
    # Raw GS v 0 rather than printer.image(): the mask is already 1-bit and cropped, and image()
    # prints a warning on stdout for every image when the profile does not know the paper width.
    mask = piece.mask
    cursor = 0
    align: Align | None = None
    for top, bottom in ink_row_runs(mask):
        printer._raw(blank_feed(top - cursor))
        band_align, band = place_band(mask.crop((0, top, mask.width, bottom)))
        # ESC a also places GS v 0 images on Epson-compatible printers; set it only on change.
        if band_align is not align:
            printer.set(align=band_align)
            align = band_align
        printer._raw(raster_commands(band))
        cursor = bottom
    printer._raw(blank_feed(mask.height - cursor))
