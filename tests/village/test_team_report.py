"""The team report against a month counted by hand, and its PDF, DOCX and CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import ValidationError
from kiosk.domain.team_report import PeriodKind, ReportPeriod, parse_period
from kiosk.domain.village import Measure
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.team_report import build_team_report
from kiosk.services.team_report_export import export_team_report
from kiosk.storage.models import AuditEntry
from printing.team_report_sections import main_table, places_table
from tests.village.conftest import PLACE, Team
from tests.village.team_month import TAY, build_month

NOVEMBER = ReportPeriod(PeriodKind.MONTH, 2026, 11)


@pytest.fixture
def month(commune: AppContext, village: AppContext, clock: FixedClock, team: Team) -> AppContext:
    build_month(commune, village, clock, team)
    return commune


def test_the_report_matches_the_month_counted_by_hand(month: AppContext, team: Team) -> None:
    report = build_team_report(month, period=NOVEMBER)
    now, before = report.current, report.before
    assert (now.desk_helped, dict(now.village_helped), now.helped) == (2, {PLACE: 4, TAY: 1}, 7)
    assert [now.measure(m) for m in Measure] == [2, 2, 2]  # VNeID, online, paid
    assert dict(now.sessions) == {PLACE: 1}
    assert now.members == {team.digital, team.youth, team.head}
    assert (now.online_with_help, now.paper_at_desk, now.online_share) == (3, 1, 0.75)
    assert dict(now.needs) == {"other_app": 1, "vneid": 1, "online_dossier": 1, "information": 1}
    assert dict(now.members_by_role) == {
        HelperRole.DIGITAL_TEAM.value: 1,
        HelperRole.YOUTH_UNION.value: 1,
        HelperRole.VILLAGE_HEAD.value: 1,
    }
    assert (before.helped, before.desk_helped, before.measure(Measure.VNEID_ACTIVATED)) == (2, 1, 1)
    assert (dict(before.sessions), len(before.members), before.online_share) == (
        {PLACE: 1},
        2,
        None,
    )


def test_one_village_point_leaves_the_desk_out(month: AppContext) -> None:
    report = build_team_report(month, period=NOVEMBER, place=PLACE)
    assert (report.current.helped, report.current.desk_helped, report.before.helped) == (4, 0, 1)
    # The share is over the commune's dossiers, which a village point alone does not have.
    labels = [row[0] for row in main_table(report).rows]
    assert not any(label.startswith("Tỷ lệ") for label in labels)
    assert not any("Trung tâm" in row[0] for row in places_table(report).rows)


def test_quarter_and_year_compare_with_the_previous_quarter_and_year(month: AppContext) -> None:
    quarter = build_team_report(
        month, period=parse_period(month=None, quarter="2026-Q4", year=None)
    )
    assert (quarter.current.helped, quarter.before.helped) == (10, 0)  # Oct 2 + Nov 7 + Dec 1
    year = build_team_report(month, period=parse_period(month=None, quarter=None, year="2026"))
    assert year.current.helped == 10 and year.period.previous().label_vi() == "năm 2025"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"month": "2026-13"}, "no such period"),
        ({"month": "nov"}, "such as 2026-11"),
        ({"quarter": "2026-Q5"}, "no such period"),
        ({"month": "2026-11", "year": "2026"}, "exactly one"),
    ],
)
def test_a_bad_period_is_refused_with_an_example(given: dict[str, str], message: str) -> None:
    arguments = {"month": None, "quarter": None, "year": None, **given}
    with pytest.raises(ValidationError, match=message):
        parse_period(**arguments)


PARAGRAPH = (
    "Trong tháng 11/2026, Tổ công nghệ số cộng đồng xã Đức Phong đã hỗ trợ 7 lượt người dân"
    " (tháng 10/2026: 2 lượt, tăng 5 lượt), trong đó 2 lượt tại Trung tâm Phục vụ hành chính"
    " công và 5 lượt tại 2 điểm hỗ trợ ở thôn. Tổ đã hỗ trợ kích hoạt 2 tài khoản định danh"
    " điện tử VNeID, nộp trực tuyến 2 hồ sơ và thực hiện 2 lượt thanh toán trực tuyến; tổ chức"
    " 1 buổi hỗ trợ tại thôn, với 3 thành viên tham gia. Hồ sơ nộp trực tuyến có hỗ trợ chiếm"
    " 75,0 % số hồ sơ hệ thống ghi nhận (tháng 10/2026: –)."
)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_has_the_administrative_form_and_the_figures_as_text(
    month: AppContext, tmp_path: Path
) -> None:
    pdf = tmp_path / "bao-cao.pdf"
    export_team_report(month, period=NOVEMBER, actor=CLI_ACTOR, pdf=pdf, number="15")
    reader = PdfReader(pdf)
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "XÃ ĐỨC PHONG",
        "Số: 15/BC-UBND",
        "Đức Phong, ngày 01 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả hoạt động của Tổ công nghệ số cộng đồng",
        PARAGRAPH,
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    ):
        assert expected in text, expected
    fonts = {
        font["/BaseFont"].split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts == {"NotoSans-Regular", "NotoSans-Bold"}


def test_each_file_is_private_and_audited_with_its_number(
    month: AppContext, tmp_path: Path
) -> None:
    pdf, csv_path = tmp_path / "bao-cao.pdf", tmp_path / "ban-ghi.csv"
    export_team_report(month, period=NOVEMBER, actor=CLI_ACTOR, pdf=pdf, csv=csv_path, number="15")
    # Helpers' names: other accounts on the PC may not read them, whatever the umask.
    assert {stat.S_IMODE(p.stat().st_mode) for p in (pdf, csv_path)} == {0o600}
    with month.db.read() as session:
        rows = session.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "team_report_export")
        ).all()
    after = sorted((json.loads(row or "{}") for row in rows), key=lambda a: str(a["format"]))
    assert [(a["format"], a["file"], a["number"]) for a in after] == [
        ("csv", str(csv_path), "15"),
        ("pdf", str(pdf), "15"),
    ]


def test_the_csv_lists_every_counted_record_and_defuses_formulas(
    month: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "ban-ghi.csv"
    export_team_report(month, period=NOVEMBER, actor=CLI_ACTOR, csv=path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 9  # desk visits 1-4, the Thôn Tây walk-in, records 6-9
    assert [r["Tổ tham gia"] for r in rows].count("Không") == 2
    notes = [r["Ghi chú"] for r in rows if r["Ghi chú"]]
    assert notes and all(note.startswith("'=") for note in notes)
    assert {r["Nơi hỗ trợ"] for r in rows} == {"Trung tâm Phục vụ hành chính công", TAY, PLACE}
    referral = next(r for r in rows if r["Thủ tục"])
    assert referral["Thủ tục"] == "Đăng ký khai sinh" and referral["Buổi hỗ trợ"] == "25/11/2026"


def test_an_unknown_place_names_the_known_ones(month: AppContext) -> None:
    with pytest.raises(ValidationError, match=f"known: {PLACE}, {TAY}"):
        export_team_report(month, period=NOVEMBER, actor=CLI_ACTOR, place="Thôn Bắc")


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
def test_the_docx_opens_in_libreoffice_with_the_same_text_and_font(
    month: AppContext, tmp_path: Path
) -> None:
    docx = tmp_path / "bao-cao.docx"
    export_team_report(month, period=NOVEMBER, actor=CLI_ACTOR, docx=docx, number="15")
    profile = tmp_path / "lo-profile"
    converted = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert converted.returncode == 0, converted.stderr
    reader = PdfReader(tmp_path / "lo" / "bao-cao.pdf")
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 15/BC-UBND",
        PARAGRAPH,
        "Nơi nhận:",
    ):
        assert expected in text, expected
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts <= {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"}
    assert "NotoSans-Regular" in fonts
