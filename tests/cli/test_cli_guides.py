"""``kiosk guides check`` and ``kiosk config check`` with a commune's own guides folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.resources import data_path
from tests.cli.test_cli import run
from tests.conftest import write_config

SAMPLE = Path(__file__).resolve().parents[1] / "content" / "good" / "mau"
SHIPPED_COUNT = sum(
    1 for path in data_path("guides").iterdir() if path.is_dir() and path.name[0] != "_"
)


def own_guide(folder: Path, guide_id: str, *, line: str = "A") -> Path:
    """A copy of the sample guide named ``guide_id`` in the commune's folder."""
    target = folder / guide_id
    shutil.copytree(SAMPLE, target)
    text = (target / "guide.toml").read_text(encoding="utf-8")
    text = text.replace('id = "mau"', f'id = "{guide_id}"').replace(
        'line = "A"', f'line = "{line}"'
    )
    (target / "guide.toml").write_text(text, encoding="utf-8")
    return target


def test_guides_check_checks_the_shipped_guides_with_the_communes_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    commune = tmp_path / "commune-guides"
    own_guide(commune, "giay-phep-xay-dung", line="C")
    own_guide(commune, "khai-sinh")  # replaces the shipped guide of the same id
    config = write_config(tmp_path, guides=commune)

    code, out, _ = run(capsys, "--config", str(config), "guides", "check")

    assert code == 0, out
    assert out.strip() == (
        f"{SHIPPED_COUNT + 1} guides OK in {data_path('guides')} and {commune}"
        " (2 of the commune's own, 1 replacing shipped ones)"
    )


def test_guides_check_of_a_folder_given_on_the_command_line_merges_it_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    own_guide(other, "hoc-bong")
    broken = own_guide(other, "ket-hon")
    (broken / "guide.toml").write_text('id = "ket-hon"\n', encoding="utf-8")

    code, out, _ = run(
        capsys, "--config", str(write_config(tmp_path)), "guides", "check", str(other)
    )

    assert code == 1
    assert f"{broken / 'guide.toml'}: title: missing required field" in out
    assert f"{broken}: has problems, so the shipped guide of the same name is shown instead" in out
    assert f"{SHIPPED_COUNT + 1} guides OK" in out.splitlines()[-1]


def test_guides_check_passes_on_the_shipped_guides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--config", str(write_config(tmp_path)), "guides", "check")

    assert code == 0 and out.strip() == f"{SHIPPED_COUNT} guides OK in {data_path('guides')}"


def test_guides_check_names_file_line_and_field_of_broken_guides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = Path(__file__).resolve().parents[1] / "content" / "broken" / "structure"
    config = str(write_config(tmp_path))

    code, out, err = run(capsys, "--config", config, "guides", "check", str(broken))

    assert code == 1 and "Traceback" not in out + err
    assert "duplicate-step-numbers/guide.toml:81: steps[2].number:" in out


def test_config_check_reports_fees_for_unknown_procedures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    commune = tmp_path / "commune-guides"
    own_guide(commune, "giay-phep-xay-dung")
    body = '[fees]\n"trich-luc-ho-tich" = "8.000 đồng"\n"trich-luc" = "8.000 đồng"\n'
    body += '"giay-phep-xay-dung" = "50.000 đồng"\n'
    config = write_config(tmp_path, body, guides=commune)

    code, out, _ = run(capsys, "--config", str(config), "config", "check")

    assert code == 2
    assert f"{config}: fees.trich-luc: no procedure or guide has this code" in out
    assert "giay-phep-xay-dung" not in out and "fees.trich-luc-ho-tich" not in out


@pytest.mark.parametrize("url", ["not a database url at all", "foo://user@host/db"])
def test_config_check_with_a_bad_database_url_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, url: str
) -> None:
    config = write_config(tmp_path, url=url)

    code, out, err = run(capsys, "--config", str(config), "config", "check")

    assert code == 2
    assert "database.url:" in out and "OK" not in out
    assert "Traceback" not in out + err


def test_config_check_prints_the_communes_guides_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    commune = tmp_path / "commune-guides"
    code, out, _ = run(
        capsys, "--config", str(write_config(tmp_path, guides=commune)), "config", "check"
    )

    assert code == 0 and f"the commune's guides: {commune}" in out
