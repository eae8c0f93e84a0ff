"""``kiosk village`` and ``kiosk report team`` as an IT helper meets them: help, messages, codes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.services.context import AppContext
from tests.village.conftest import Team


@pytest.fixture
def commune_url(tmp_path: Path) -> str:
    """The commands behave alike on both engines; the services' tests cover PostgreSQL."""
    return f"sqlite:///{tmp_path / 'commune' / 'kiosk.sqlite3'}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_village_and_report_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "village" in out and "report" in out
    code, out, _ = run(capsys, "village", "--help")
    for action in ("setup", "status", "sync", "export", "import", "roster", "key"):
        assert action in out
    assert "kiosk village key create" in out
    code, out, _ = run(capsys, "report", "team", "--help")
    assert code == 0 and "--quarter" in out and "--docx" in out and "30/2020" in out


def test_the_commune_makes_its_key_once_readable_by_its_owner_only(
    capsys: pytest.CaptureFixture[str], commune: AppContext
) -> None:
    config = commune.config.source
    key = commune.config.village.key_file
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    code, _, err = run(capsys, "--config", config, "village", "key", "create")
    assert code == 2 and "already exists" in err and "--replace" in err


def test_village_commands_on_the_commune_pc_explain_what_to_set(
    capsys: pytest.CaptureFixture[str], commune: AppContext
) -> None:
    config = commune.config.source
    for args in (("village", "sync"), ("village", "status"), ("village", "export")):
        code, _, err = run(capsys, "--config", config, *args)
        assert code == 2 and "[village] place" in err and "Traceback" not in err


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str], commune: AppContext) -> None:
    code, _, err = run(capsys, "--config", commune.config.source, "village", "import", "nope.kv")
    assert code == 2 and "nope.kv: file not found" in err


def test_export_to_a_folder_names_the_file_after_the_place_and_time(
    capsys: pytest.CaptureFixture[str], village: AppContext, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run(capsys, "--config", village.config.source, "village", "export", str(usb))
    assert code == 0, out
    (written,) = usb.iterdir()
    assert written.name.startswith("ho-tro-nha-van-hoa-thon-dong-")
    assert written.suffix == ".kiosk-village" and str(written) in out
    code, out, _ = run(capsys, "--config", village.config.source, "village", "status")
    assert code == 0 and "set up: yes" in out and "records waiting for the commune: 0" in out


def test_report_team_writes_the_three_files_and_prints_the_paragraph(
    capsys: pytest.CaptureFixture[str], commune: AppContext, team: Team, tmp_path: Path
) -> None:
    files = [tmp_path / name for name in ("r.pdf", "r.docx", "r.csv")]
    code, out, err = run(
        capsys,
        "--config",
        commune.config.source,
        "report",
        "team",
        "--month",
        "2026-11",
        "--pdf",
        str(files[0]),
        "--docx",
        str(files[1]),
        "--csv",
        str(files[2]),
    )
    assert code == 0, err
    assert "chưa ghi nhận lượt hỗ trợ nào" in out
    assert all(path.stat().st_size > 0 for path in files)
    assert all(f"Written: {path}" in out for path in files)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--month", "2026-13"), "no such period"),
        (("--quarter", "Q4"), "such as 2026-Q4"),
        ((), "exactly one"),
        (("--year", "2026", "--place", "Thôn Bắc"), "No village point is called Thôn Bắc"),
    ],
)
def test_report_team_refuses_bad_input_with_a_message(
    capsys: pytest.CaptureFixture[str], commune: AppContext, args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, "--config", commune.config.source, "report", "team", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_an_unwritable_report_file_is_a_message(
    capsys: pytest.CaptureFixture[str], commune: AppContext, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "r.pdf"
    code, _, err = run(
        capsys,
        "--config",
        commune.config.source,
        "report",
        "team",
        "--year",
        "2026",
        "--pdf",
        str(target),
    )
    assert code == 2 and f"Cannot write {target}" in err
