"""The README's village section tells the CLI's story: every command it names parses."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from kiosk.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def village_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Village points")
    return text[start : text.index("\n## ", start + 1)]


def commands() -> list[str]:
    """``kiosk ...`` in backticks or in the shell block, options with placeholders filled."""
    section = village_section()
    found = re.findall(r"`(kiosk [^`]+)`", section)
    found += [
        line.split("#")[0].strip() for line in section.splitlines() if line.startswith("kiosk ")
    ]
    return sorted({c for c in found if c})


def test_the_section_names_the_program_and_both_ways_records_travel() -> None:
    names = commands()
    for expected in ("kiosk village", "kiosk demo village", "kiosk village sync"):
        assert expected in names
    assert any(c.startswith("kiosk village export") for c in names)
    assert any(c.startswith("kiosk village import") for c in names)


@pytest.mark.parametrize("command", commands())
def test_every_command_in_the_section_parses(command: str) -> None:
    args = shlex.split(command)[1:]
    namespace = build_parser().parse_args(args)
    assert callable(namespace.handler)
