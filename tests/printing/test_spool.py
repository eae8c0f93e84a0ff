from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

from kiosk.domain.clock import FixedClock
from kiosk.domain.views import SiteHeader, TicketView
from printing.backends import open_printer
from printing.blocks import Align, Block, Rule, TextBlock
from printing.settings import PrinterSettings
from printing.slip import print_slip, slip_bytes
from printing.spool import SpoolPrinter
from printing.ticket import TicketLabels, ticket_blocks

CLOCK_START = datetime(2025, 3, 1, 1, 30, 5, tzinfo=UTC)


def test_spool_printer_writes_escpos_and_png_files_per_job(
    tmp_path: Path, ticket: TicketView, header: SiteHeader, tz: ZoneInfo
) -> None:
    printer = SpoolPrinter(tmp_path, clock=FixedClock(CLOCK_START))
    blocks = ticket_blocks(ticket, header, TicketLabels(), tz)

    print_slip(printer, blocks, width_dots=576, job_name="A012")

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "20250301-013005-A012.escpos",
        "20250301-013005-A012.png",
    ]
    raw = (tmp_path / "20250301-013005-A012.escpos").read_bytes()
    assert raw == slip_bytes(blocks, width_dots=576)
    with Image.open(tmp_path / "20250301-013005-A012.png") as preview:
        # 576 printable dots plus the paper margins of an 80 mm roll.
        assert preview.width == 640
        assert preview.height > 700
        assert preview.convert("L").getextrema() == (0, 255)


def test_spool_printer_keeps_every_job_of_the_same_name(tmp_path: Path) -> None:
    printer = SpoolPrinter(tmp_path, clock=FixedClock(CLOCK_START))
    blocks: list[Block] = [TextBlock("Bước 1", align=Align.LEFT), Rule()]

    for _ in range(3):
        print_slip(printer, blocks, width_dots=384, job_name="guide/khai sinh")

    escpos_files = sorted(path.name for path in tmp_path.glob("*.escpos"))
    assert escpos_files == [
        "20250301-013005-guide_khai_sinh-2.escpos",
        "20250301-013005-guide_khai_sinh-3.escpos",
        "20250301-013005-guide_khai_sinh.escpos",
    ]
    assert len(list(tmp_path.glob("*.png"))) == 3
    assert not list(tmp_path.glob("*.part"))


def test_spool_printer_writes_bytes_sent_without_a_cut_on_close(tmp_path: Path) -> None:
    printer = SpoolPrinter(tmp_path, clock=FixedClock(CLOCK_START))

    printer.text("hello\n")
    assert not list(tmp_path.iterdir())
    printer.close()

    [spooled] = tmp_path.glob("*.escpos")
    assert spooled.read_bytes().endswith(b"hello\n")


def test_open_printer_defaults_to_a_spool_that_creates_its_folder(tmp_path: Path) -> None:
    spool_dir = tmp_path / "data" / "spool"

    printer = open_printer(PrinterSettings(spool_dir=spool_dir))

    assert isinstance(printer, SpoolPrinter)
    assert spool_dir.is_dir()


def test_spool_files_are_named_in_the_communes_local_time(tmp_path: Path) -> None:
    # 18:36 UTC is 01:36 the next morning in Hà Nội: the time printed on the ticket.
    printer = open_printer(
        PrinterSettings(spool_dir=tmp_path),
        clock=FixedClock(datetime(2026, 11, 29, 18, 36, 31, tzinfo=UTC)),
        tz=ZoneInfo("Asia/Ho_Chi_Minh"),
    )
    print_slip(printer, [TextBlock("A005")], width_dots=576, job_name="A005")

    assert sorted(path.name for path in tmp_path.glob("*.escpos")) == [
        "20261130-013631-A005.escpos"
    ]
