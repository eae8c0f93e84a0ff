"""The summary PDF as a report sent upward: the decree's frame, a paragraph, a number, a signer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.demo import demo_config
from kiosk.domain.summary import Period
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.reports import ReportWords, export_summary
from kiosk.services.summary import build_summary
from kiosk.services.tickets import issue_ticket
from printing.summary_narrative import summary_narrative
from tests.conftest import make_config
from tests.summary.dataset import MONDAY

SITE = (
    '[site]\ncommune = "Xã Đức Phong"\n\n'
    '[team_report]\nsigner_name = "Nguyễn Văn Cấu hình"\n\n'
    '[summary_report]\nrecipients = ["Văn phòng UBND xã", "Lưu: VT"]\n'
)


def pdftotext(path: Path) -> str:
    """The PDF's text as a reader extracts it, whitespace folded (lines wrap anywhere)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def with_config(ctx: AppContext, tmp_path: Path, body: str) -> AppContext:
    config = make_config(tmp_path, body, url=ctx.config.database_url)
    return AppContext(config=config, db=ctx.db, clock=ctx.clock)


def test_the_exported_pdf_has_the_frame_the_number_the_edited_paragraph_and_the_signer(
    ctx: AppContext, week: object, tmp_path: Path
) -> None:
    site = with_config(ctx, tmp_path, SITE)
    pdf = tmp_path / "tong-hop.pdf"
    edited = "Đoạn tóm tắt do lãnh đạo sửa: người dân đến đông vào buổi sáng thứ Hai."
    words = ReportWords(narrative=edited, number="17", signer_name="Trần Thị Ký")
    export_summary(site, Period.day(MONDAY), pdf=pdf, actor=CLI_ACTOR, words=words)
    text = pdftotext(pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "XÃ ĐỨC PHONG",
        "Số: 17/BC-UBND",
        "Đức Phong, ngày",
        "BÁO CÁO TỔNG HỢP NGÀY",
        edited,
        "Nơi nhận:",
        "- Văn phòng UBND xã;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Thị Ký",
    ):
        assert expected in text, expected
    assert "Nguyễn Văn Cấu hình" not in text  # the name typed wins over the config's
    generated = summary_narrative(build_summary(site, Period.day(MONDAY)))
    assert generated.split(",")[0] not in text  # the edited paragraph replaced the draft


def test_without_words_the_pdf_has_the_generated_paragraph_and_the_configured_signer(
    ctx: AppContext, week: object, tmp_path: Path
) -> None:
    site = with_config(ctx, tmp_path, SITE)
    pdf = tmp_path / "bao-cao.pdf"
    summary = export_summary(site, Period.day(MONDAY), pdf=pdf, actor=CLI_ACTOR)
    text = pdftotext(pdf)
    narrative = summary_narrative(summary)
    assert narrative.startswith("Trong ngày 23/11/2026, Trung tâm Phục vụ hành chính công đã cấp")
    assert " ".join(narrative.split()) in text
    assert "Số: /BC-UBND" in text  # the number left blank for the clerk
    assert "Nguyễn Văn Cấu hình" in text


def test_the_demo_pdf_names_the_demo_commune_in_its_header_and_place(
    ctx: AppContext, week: object, tmp_path: Path
) -> None:
    demo = AppContext(config=demo_config(ctx.config, env={}), db=ctx.db, clock=ctx.clock)
    pdf = tmp_path / "demo.pdf"
    export_summary(demo, Period.day(MONDAY), pdf=pdf, actor=CLI_ACTOR)
    text = pdftotext(pdf)
    assert "XÃ MINH HỌA (DỮ LIỆU MẪU)" in text
    assert "Minh Họa (dữ liệu mẫu), ngày" in text


def test_the_paragraph_of_an_empty_day_says_nothing_happened(
    ctx: AppContext, tmp_path: Path
) -> None:
    summary = build_summary(ctx, Period.day(MONDAY))
    assert summary_narrative(summary) == (
        "Trong ngày 23/11/2026, Trung tâm Phục vụ hành chính công chưa cấp số thứ tự nào"
        " và chưa ghi nhận lượt hỗ trợ nào."
    )


def test_the_paragraph_of_a_morning_with_tickets_only_says_what_is_not_done_yet(
    ctx: AppContext,
) -> None:
    for _ in range(2):
        issue_ticket(ctx, line_code="A")
    text = summary_narrative(build_summary(ctx, Period.day(MONDAY)))
    assert "đã cấp 2 số thứ tự" in text and "chưa xong lượt nào" in text
    assert "Chưa ghi nhận lượt hỗ trợ nào của cán bộ và tình nguyện viên" in text
    assert "Chưa có lượt đánh giá nào" in text
