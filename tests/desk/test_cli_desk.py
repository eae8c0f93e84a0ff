"""``kiosk desk [--counter N]`` and ``kiosk display`` parse, and a wrong counter is refused."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kiosk import cli_gui
from tests.conftest import write_config


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk")
    parser.add_argument("--config")
    cli_gui.register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_desk_takes_an_optional_counter_and_display_takes_nothing() -> None:
    assert _parser().parse_args(["desk", "--counter", "2"]).counter == 2
    assert _parser().parse_args(["desk"]).counter is None
    assert _parser().parse_args(["display"]).command == "display"


def test_a_counter_that_is_not_configured_is_refused_before_any_window_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path)
    args = _parser().parse_args(["--config", str(config), "desk", "--counter", "9"])
    assert args.handler(args) == 2
    assert "there is no counter 9; the config has 1, 2, 3" in capsys.readouterr().err
