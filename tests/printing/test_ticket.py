from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli
from kiosk.domain.ticket_code import SAMPLE_DAY, TicketCode, parse_ticket_code, ticket_code
from kiosk.domain.views import LocalText, SiteHeader, TicketView
from printing.blocks import BigNumber, QrBlock, TextBlock
from printing.raster import load_font, wrap_text
from printing.settings import PrinterSettings
from printing.ticket import (
    TEST_PRINT_BANNER,
    TicketLabels,
    render_ticket_bytes,
    ticket_blocks,
)
from tests.conftest import write_config

BUDGET_BYTES = 16 * 1024
GS_V0 = b"\x1dv0"


def _rasters(data: bytes) -> list[tuple[int, int]]:
    """(width in dots, height in rows) of every GS v 0 image, skipping over image data."""
    found = []
    start = data.find(GS_V0)
    while start != -1:
        width_bytes = int.from_bytes(data[start + 4 : start + 6], "little")
        height = int.from_bytes(data[start + 6 : start + 8], "little")
        found.append((width_bytes * 8, height))
        start = data.find(GS_V0, start + 8 + width_bytes * height)
    return found


def _texts(blocks: Sequence[object]) -> list[str]:
    """The printed texts, no-break spaces shown as plain ones."""
    return [block.text.replace("\u00a0", " ") for block in blocks if isinstance(block, TextBlock)]


def _settings(paper_width_mm: int) -> PrinterSettings:
    return PrinterSettings(kind="dummy", paper_width_mm=paper_width_mm)


def test_ticket_contains_a_raster_image_and_ends_with_a_cut(
    ticket: TicketView, header: SiteHeader
) -> None:
    data = render_ticket_bytes(ticket, header, _settings(80))

    assert GS_V0 in data
    assert b"\x1dV" in data[-8:]
    assert data.startswith(b"\x1b@")


@pytest.fixture
def longest_ticket(ticket: TicketView) -> TicketView:
    """A ticket with every field at its longest plausible length."""
    return replace(
        ticket,
        number="B123",
        line_name=LocalText("Chứng thực"),
        procedure=LocalText("Xác nhận tình trạng hôn nhân"),
        priority_group="Người có công với cách mạng",
        counters=(3, 4, 5),
        people_ahead=12,
        estimated_wait_min=95,
    )


@pytest.fixture
def long_header() -> SiteHeader:
    return SiteHeader(
        "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính",
        "Phường Hoàn Kiếm",
        "thành phố Hà Nội",
    )


def test_ticket_at_80mm_fits_in_16_kb(
    ticket: TicketView,
    longest_ticket: TicketView,
    long_header: SiteHeader,
    header: SiteHeader,
    qr_url: str,
) -> None:
    sample = render_ticket_bytes(ticket, header, _settings(80), qr=qr_url)
    longest = render_ticket_bytes(longest_ticket, long_header, _settings(80), qr=qr_url)

    print(f"80 mm: test print {len(sample)} bytes, longest ticket {len(longest)} bytes")
    assert len(sample) <= len(longest) <= BUDGET_BYTES


def test_ticket_at_58mm_fits_in_16_kb(
    ticket: TicketView,
    longest_ticket: TicketView,
    long_header: SiteHeader,
    header: SiteHeader,
    qr_url: str,
) -> None:
    sample = render_ticket_bytes(ticket, header, _settings(58), qr=qr_url)
    longest = render_ticket_bytes(longest_ticket, long_header, _settings(58), qr=qr_url)

    print(f"58 mm: test print {len(sample)} bytes, longest ticket {len(longest)} bytes")
    assert len(sample) <= len(longest) <= BUDGET_BYTES


@pytest.mark.parametrize(("paper_width_mm", "width_dots"), [(58, 384), (80, 576)])
def test_raster_width_never_exceeds_the_paper_width(
    ticket: TicketView, header: SiteHeader, qr_url: str, paper_width_mm: int, width_dots: int
) -> None:
    data = render_ticket_bytes(ticket, header, _settings(paper_width_mm), qr=qr_url)

    rasters = _rasters(data)
    assert len(rasters) > 5
    assert max(width for width, _ in rasters) <= width_dots


def test_raster_width_follows_a_narrower_printer_profile(
    ticket: TicketView, header: SiteHeader
) -> None:
    settings = PrinterSettings(kind="dummy", paper_width_mm=80, profile="TM-T88V")

    data = render_ticket_bytes(ticket, header, settings)

    assert max(width for width, _ in _rasters(data)) <= 512


def test_big_number_and_qr_use_the_printers_own_commands(
    ticket: TicketView, header: SiteHeader, qr_url: str
) -> None:
    data = render_ticket_bytes(ticket, header, _settings(80), qr=qr_url)

    assert b"\x1d!\x77" in data  # GS ! : 8 times wide and high
    assert b"A012\n" in data
    assert b"\x1d(k" in data
    assert qr_url.encode() in data


def test_ticket_shows_every_field_in_vietnamese(
    ticket: TicketView, header: SiteHeader, qr_url: str, tz: ZoneInfo
) -> None:
    blocks = ticket_blocks(ticket, header, TicketLabels(), tz, qr_url)
    texts = _texts(blocks)

    assert texts[0] == TEST_PRINT_BANNER
    for expected in (
        "Trung tâm Phục vụ hành chính công",
        "Xã Tân Phú, tỉnh Đồng Nai",
        "Số thứ tự",
        "Hộ tịch",
        "Đăng ký khai sinh",
        "Ưu tiên: Người cao tuổi (từ 60 tuổi)",
        "Quầy 1, 2",
        "Người đang chờ trước bạn: 3",
        "Thời gian chờ dự kiến: Khoảng 15 phút",
        "Vui lòng chờ gọi số",
        "Giờ lấy số: 01/03/2025 08:30",
    ):
        assert expected in texts
    assert BigNumber("A012") in blocks
    assert QrBlock(qr_url) in blocks


def test_real_ticket_has_no_test_banner_and_skips_missing_fields(
    ticket: TicketView, header: SiteHeader, tz: ZoneInfo
) -> None:
    plain = replace(ticket, id=57, procedure=None, priority_group=None, counters=())

    texts = _texts(ticket_blocks(plain, header, TicketLabels(), tz))

    assert TEST_PRINT_BANNER not in texts
    assert not any(text.startswith(("Ưu tiên", "Quầy")) for text in texts)
    assert "Đăng ký khai sinh" not in texts


def test_issue_time_is_printed_in_the_sites_time_zone(
    ticket: TicketView, header: SiteHeader
) -> None:
    texts = _texts(ticket_blocks(ticket, header, TicketLabels(), ZoneInfo("Asia/Tokyo")))

    assert "Giờ lấy số: 01/03/2025 10:30" in texts


def test_translated_labels_and_language_pick_the_english_names(
    ticket: TicketView, header: SiteHeader, tz: ZoneInfo
) -> None:
    english = TicketLabels(
        number="Your number",
        counters="Counter",
        people_ahead="People ahead of you",
        estimated_wait="Estimated wait",
        about="About",
        minutes="min",
        instruction="Please wait for your number",
        priority="Priority",
        issued_at="Issued",
        language="en",
        priority_groups={"elderly": "Older person (60 or over)"},
    )
    elderly = replace(ticket, priority_group="elderly")

    texts = _texts(ticket_blocks(elderly, header, english, tz))

    assert "Civil status" in texts
    assert "Birth registration" in texts
    assert "Counter 1, 2" in texts
    assert "Priority: Older person (60 or over)" in texts
    assert "Estimated wait: About 15 min" in texts


def test_no_estimated_wait_says_the_turn_is_near(
    ticket: TicketView, header: SiteHeader, tz: ZoneInfo
) -> None:
    soon = replace(ticket, people_ahead=0, estimated_wait_min=0)

    texts = _texts(ticket_blocks(soon, header, TicketLabels(), tz))

    assert "Thời gian chờ dự kiến: Sắp đến lượt bạn" in texts


def test_non_ascii_number_falls_back_to_a_raster(header: SiteHeader, ticket: TicketView) -> None:
    odd = replace(ticket, number="Đ012", line_name=LocalText("Đất đai"))

    data = render_ticket_bytes(odd, header, _settings(58))

    assert "Đ012".encode() not in data
    assert max(height for _, height in _rasters(data)) > 60


def test_wait_line_on_58mm_paper_breaks_only_after_the_colon(
    ticket: TicketView, header: SiteHeader, tz: ZoneInfo
) -> None:
    long_wait = replace(ticket, estimated_wait_min=125)
    [wait] = [
        block
        for block in ticket_blocks(long_wait, header, TicketLabels(), tz)
        if isinstance(block, TextBlock) and "Khoảng" in block.text
    ]

    lines = wrap_text(wait.text, load_font(wait.size_px, bold=wait.bold), 384, balanced=True)

    assert [line.replace("\u00a0", " ") for line in lines] == [
        "Thời gian chờ dự kiến:",
        "Khoảng 125 phút",
    ]


def test_a_tickets_qr_carries_its_code_with_a_caption_saying_what_it_is_for(
    ticket: TicketView, header: SiteHeader
) -> None:
    code = ticket_code(service_day=ticket.service_day, number=ticket.number)
    blocks = ticket_blocks(ticket, header, TicketLabels(), ZoneInfo("Asia/Ho_Chi_Minh"), code)
    at = next(i for i, block in enumerate(blocks) if isinstance(block, QrBlock))
    assert blocks[at] == QrBlock(code)
    caption = next(b for b in blocks[at:] if isinstance(b, TextBlock))
    assert caption.text == TicketLabels().qr_caption
    without = ticket_blocks(ticket, header, TicketLabels(), ZoneInfo("Asia/Ho_Chi_Minh"))
    assert not any(isinstance(b, QrBlock) for b in without)
    assert TicketLabels().qr_caption not in [b.text for b in without if isinstance(b, TextBlock)]


def test_the_test_print_with_a_scanner_has_a_qr_that_rates_no_real_ticket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, "[ratings]\nscanner = true\n")
    output = tmp_path / "test.escpos"
    assert cli.main(["--config", str(config), "printer", "test", "--output", str(output)]) == 0
    data = output.read_bytes()
    assert b"K1-20000101-A012" in data  # a day long gone: the kiosk says "another day"
    assert parse_ticket_code("K1-20000101-A012") == TicketCode(SAMPLE_DAY, "A012")
    capsys.readouterr()
