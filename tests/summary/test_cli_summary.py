"""``kiosk summary`` as a manager's IT helper runs it: readable text, files, no tracebacks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from tests.conftest import write_config
from tests.summary.dataset import build_week


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def config_path(sqlite_ctx: AppContext, clock: FixedClock, tmp_path: Path) -> str:
    build_week(sqlite_ctx, clock)
    return str(tmp_path / "config.toml")


def test_summary_prints_the_day_and_writes_pdf_and_csv(
    capsys: pytest.CaptureFixture[str], config_path: str, tmp_path: Path
) -> None:
    pdf, csv = tmp_path / "a.pdf", tmp_path / "a.csv"
    code, out, err = run(
        capsys,
        "--config",
        config_path,
        "summary",
        "--date",
        "2026-11-23",
        "--pdf",
        str(pdf),
        "--csv",
        str(csv),
    )
    assert (code, err) == (0, "")
    assert "BÁO CÁO TỔNG HỢP NGÀY" in out
    assert "Ngày 23/11/2026 (so sánh với ngày 21/11/2026)" in out
    assert "Số phiếu đã lấy                     7         2          +5" in out
    assert "Tỷ lệ hài lòng trở lên  75,0 %   100,0 %       -25,0" in out
    assert f"Written: {pdf}" in out and pdf.exists() and csv.exists()


def test_summary_of_a_period_compares_with_as_many_days_before(
    capsys: pytest.CaptureFixture[str], config_path: str
) -> None:
    code, out, _ = run(
        capsys, "--config", config_path, "summary", "--from", "2026-11-23", "--to", "2026-11-29"
    )
    assert code == 0
    assert "BÁO CÁO TỔNG HỢP THEO KỲ" in out
    assert "(so sánh với từ ngày 16/11/2026 đến ngày 22/11/2026)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "23/11/2026"), "expected a date such as 2026-11-23, got '23/11/2026'"),
        (("--date", "2026-11-23", "--from", "2026-11-01"), "either --date or --from/--to"),
        (("--from", "2026-11-23", "--to", "2026-11-01"), "ends (2026-11-01) before it starts"),
        (("--from", "2024-01-01", "--to", "2026-11-01"), "at most 400 days"),
    ],
)
def test_summary_errors_are_one_line_without_a_traceback(
    capsys: pytest.CaptureFixture[str], config_path: str, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "--config", config_path, "summary", *args)
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_summary_into_a_missing_folder_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], config_path: str, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "r.pdf"
    code, _, err = run(
        capsys, "--config", config_path, "summary", "--date", "2026-11-23", "--pdf", str(target)
    )
    assert code == 2 and "Cannot write" in err and "Traceback" not in err


def test_help_lists_the_summary_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", "--help")
    assert code == 0
    for option in ("--date", "--from", "--to", "--pdf", "--csv"):
        assert option in out


def test_summary_without_a_reachable_database_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write_config(tmp_path, url="postgresql://nobody@127.0.0.1:1/none")
    code, out, err = run(capsys, "--config", str(config), "summary")
    assert code == 2
    assert err.startswith("error: cannot read the database") and "Traceback" not in err + out


def test_summary_pdf_takes_the_number_and_the_signer_from_the_command_line(
    capsys: pytest.CaptureFixture[str], config_path: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "b.pdf"
    args = ["--config", config_path, "summary", "--date", "2026-11-23", "--pdf", str(pdf)]
    code, _out, err = run(capsys, *args, "--number", "31", "--signer", "Lê Văn Ký")
    assert (code, err) == (0, "")
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Số: 31/BC-UBND" in text and "Lê Văn Ký" in text
