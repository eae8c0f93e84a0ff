from pathlib import Path

import pytest
from escpos.printer import Dummy, File, Network

from printing.backends import open_printer, printable_width_dots
from printing.memory_printer import MemoryPrinter
from printing.settings import PrinterKind, PrinterSettings
from printing.status import PrinterError


def test_open_printer_for_a_missing_device_path_gives_printer_error_naming_the_path(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "usb" / "lp0"

    with pytest.raises(PrinterError, match=str(missing)):
        open_printer(PrinterSettings(kind="file", device_path=str(missing)))

    assert not missing.exists()


def test_open_printer_for_an_existing_device_file_does_not_connect_yet(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()

    printer = open_printer(PrinterSettings(kind=PrinterKind.FILE, device_path=str(device)))

    assert isinstance(printer, File)
    assert printer._device is False  # python-escpos opens it with the first byte


def test_open_printer_usb_without_ids_says_which_setting_is_missing() -> None:
    with pytest.raises(PrinterError, match="usb_vendor_id and usb_product_id"):
        open_printer(PrinterSettings(kind="usb", vendor_id=0x04B8))


def test_open_printer_network_without_host_names_the_problem() -> None:
    with pytest.raises(PrinterError, match="no host"):
        open_printer(PrinterSettings(kind="network"))


def test_open_printer_network_does_not_connect_until_the_first_byte() -> None:
    # 192.0.2.0/24 is reserved for documentation: nothing answers there.
    printer = open_printer(PrinterSettings(kind="network", host="192.0.2.10"))

    assert isinstance(printer, Network)
    assert printer._device is False


def test_open_printer_dummy_is_in_memory() -> None:
    printer = open_printer(PrinterSettings(kind="dummy"))
    assert isinstance(printer, MemoryPrinter) and isinstance(printer, Dummy)


def test_the_dummy_printer_keeps_only_its_newest_output() -> None:
    # python-escpos's Dummy keeps every byte: a kiosk left on "dummy" grew by every ticket.
    printer = MemoryPrinter(keep_bytes=10_000)
    for n in range(1_000):
        printer._raw(f"ticket {n:04d};".encode() * 10)
    output = printer.output
    assert 10_000 - 120 < len(output) <= 10_000
    assert output.endswith(b"ticket 0999;") and b"ticket 0000;" not in output
    printer.clear()
    assert printer.output == b""
    printer._raw(b"x" * 50_000)  # a write larger than the limit is kept whole
    assert len(printer.output) == 50_000


def test_unknown_profile_is_a_printer_error() -> None:
    with pytest.raises(PrinterError, match="No-Such-Printer"):
        open_printer(PrinterSettings(kind="dummy", profile="No-Such-Printer"))


@pytest.mark.parametrize(
    ("paper_width_mm", "profile", "width_dots"),
    [(58, None, 384), (80, None, 576), (80, "TM-T88V", 512), (58, "TM-T20II", 384)],
)
def test_printable_width_is_the_papers_unless_the_profile_is_narrower(
    paper_width_mm: int, profile: str | None, width_dots: int
) -> None:
    settings = PrinterSettings(kind="dummy", paper_width_mm=paper_width_mm, profile=profile)

    assert printable_width_dots(settings) == width_dots


def test_printer_settings_reject_an_unknown_kind_and_paper_width() -> None:
    with pytest.raises(ValueError, match="bluetooth"):
        PrinterSettings(kind="bluetooth")
    with pytest.raises(ValueError, match="76"):
        PrinterSettings(paper_width_mm=76)
