"""``kiosk run``, ``demo``, ``screenshots`` and ``printer test`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import cli
from kiosk.config import default_data_dir, load_config
from kiosk.demo import DEMO_COMMUNE, DEMO_DATABASE, demo_config
from tests.conftest import write_config

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.parametrize("command", ["run", "demo"])
def test_without_a_display_the_kiosk_says_so_and_exits_non_zero(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    code = cli.main(["--config", str(write_config(tmp_path)), command])
    assert code == 1
    assert "No display" in capsys.readouterr().err


def test_printer_test_writes_the_sample_ticket_as_raw_escpos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ticket.bin"
    code = cli.main(
        ["--config", str(write_config(tmp_path)), "printer", "test", "--output", str(out)]
    )
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\x1b@")
    assert b"\x1dv0" in data and b"\x1dV" in data
    assert f"{len(data)} bytes" in capsys.readouterr().out


def test_printer_test_prints_through_the_configured_printer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--config", str(write_config(tmp_path)), "printer", "test"])
    assert code == 0
    assert "Confirmed by the printer" in capsys.readouterr().out


def test_printer_test_reports_a_printer_that_cannot_be_reached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "k.sqlite3"}"\n'
        f'[printer]\nkind = "file"\ndevice_path = "{tmp_path / "no-such-device"}"\n',
        encoding="utf-8",
    )
    code = cli.main(["--config", str(path), "printer", "test"])
    assert code == 1
    assert "was not sent" in capsys.readouterr().out


def test_demo_uses_its_own_database_unless_one_was_chosen_for_the_run(tmp_path: Path) -> None:
    config = load_config(str(write_config(tmp_path)), env={})
    # [database] url is the commune's real queue: the demo keeps its tickets out of it.
    demo = demo_config(config, env={})
    assert demo.database_url == f"sqlite:///{default_data_dir() / DEMO_DATABASE}"
    assert demo.site.commune == DEMO_COMMUNE  # the unnamed commune gets the demo's name
    chosen = {"KIOSK_DATABASE_URL": config.database_url}
    assert demo_config(config, env=chosen).database_url == config.database_url


def test_screenshots_rejects_a_bad_size(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["screenshots", str(tmp_path), "--size", "big"])
    assert exc.value.code == 2
