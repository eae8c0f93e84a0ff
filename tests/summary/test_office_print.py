"""``kiosk summary --print`` hands the PDF to CUPS, or says why it cannot."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.office_print import OfficePrintError, print_pdf
from tests.conftest import write_config


def fake_lp(folder: Path, *, exit_code: int = 0) -> Path:
    """An `lp` that records its arguments and the file it was given, like CUPS would."""
    log = folder / "lp.log"
    script = folder / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > "{log}"\n'
        f'for last; do true; done; cp "$last" "{folder / "printed.pdf"}"\n'
        'echo "request id is office-7 (1 file(s))"\n'
        f"exit {exit_code}\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


def test_summary_print_sends_the_pdf_to_the_default_printer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_lp(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    config = write_config(tmp_path)
    assert main(["--config", str(config), "summary", "--date", "2026-11-23", "--print"]) == 0
    assert "request id is office-7" in capsys.readouterr().out
    assert (bin_dir / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_without_cups_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OfficePrintError, match="cups-client"):
        print_pdf(tmp_path / "x.pdf")


def test_a_refused_job_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_lp(tmp_path, exit_code=1)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(OfficePrintError, match="refused"):
        print_pdf(pdf)
