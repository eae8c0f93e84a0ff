"""The first-run path says when the commune's name is missing, and the demo names its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import cli
from kiosk.config import load_config
from kiosk.demo import DEMO_COMMUNE, demo_config
from tests.cli.test_demo import demo_env
from tests.conftest import write_config


@pytest.fixture
def no_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in demo_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    for name in ("KIOSK_DATABASE_URL", "KIOSK_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "config" / "commune-kiosk" / "config.toml"


def test_doctor_tells_where_to_set_the_commune_on_a_fresh_install(
    no_config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["doctor"])
    out = capsys.readouterr().out
    assert "The commune's name is not set" in out
    assert f"{no_config_file} (copy data/config.example.toml there)" in out
    assert "[site] commune" in out


def test_doctor_says_nothing_of_the_commune_once_it_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, '[site]\ncommune = "Xã Đức Phong"\n')
    cli.main(["--config", str(config), "doctor"])
    assert "commune's name is not set" not in capsys.readouterr().out
    bare = write_config(tmp_path)
    cli.main(["--config", str(bare), "doctor"])
    assert f"province in {bare}, then run" in capsys.readouterr().out


def test_config_check_gives_the_same_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path)
    assert cli.main(["--config", str(config), "config", "check"]) == 0
    assert "The commune's name is not set" in capsys.readouterr().out


def test_the_demo_names_a_commune_marked_as_sample_data_and_its_report_frame(
    tmp_path: Path,
) -> None:
    config = demo_config(load_config(str(write_config(tmp_path)), env={}), env={})
    assert config.site.commune == DEMO_COMMUNE == "Xã Minh Họa (dữ liệu mẫu)"
    assert config.team_report.issuer == ("ỦY BAN NHÂN DÂN", "XÃ MINH HỌA (DỮ LIỆU MẪU)")
    assert config.team_report.place_name == "Minh Họa (dữ liệu mẫu)"
    named = load_config(str(write_config(tmp_path, '[site]\ncommune = "Xã Đức Phong"\n')), env={})
    assert demo_config(named, env={}).site.commune == "Xã Đức Phong"
