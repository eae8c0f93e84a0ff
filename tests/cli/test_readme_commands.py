"""The README's "Demo" and "First day" commands work word for word on a fresh machine.

Every command of their ``sh`` blocks runs in a shell from the repository folder with a fresh
home folder (so ``~/.config`` and ``~/.local/share`` are the test's); the ones that open a
window are only checked to name a real program (``tests/e2e/test_demo_x11.py`` opens one).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
SECTIONS = ("Demo", "First day")
# Commands that open a window: parsed, not run.
GUI = {"demo", "run", "desk", "display", "rate", "manager"}
PIN = "135791"  # answers --with-pin: 6 digits suit staff and managers alike


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def commands(title: str) -> list[str]:
    """The commands of a section's ``sh`` blocks, comments dropped, in order."""
    body = section((REPO / "README.md").read_text(encoding="utf-8"), title)
    found: list[str] = []
    for block in re.findall(r"^ *```sh\n(.*?)^ *```", body, re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = line.split(" #", 1)[0].strip()
            if command:
                found.append(command)
    return found


def kiosk_args(command: str) -> list[str] | None:
    """The arguments after ``.venv/bin/kiosk``; None for another program (mkdir, cp, sed)."""
    words = shlex.split(command)
    if words[0] != ".venv/bin/kiosk":
        return None
    return words[1:]


def test_the_sections_give_every_demo_program_and_pin() -> None:
    demo = commands("Demo")
    for program in ("demo", "demo desk --counter 1", "demo display", "demo rate --counter 1"):
        assert f".venv/bin/kiosk {program}" in demo
    assert ".venv/bin/kiosk demo manager" in demo
    text = section((REPO / "README.md").read_text(encoding="utf-8"), "Demo")
    assert "`2468`" in text and "`246802`" in text and "Ctrl+C" in text


def test_the_window_commands_name_real_programs() -> None:
    parser = build_parser()
    for title in SECTIONS:
        for command in commands(title):
            args = kiosk_args(command)
            if args is not None and args[0] in GUI:
                parsed = parser.parse_args(args)
                assert parsed.handler.__name__.lstrip("_") in {*GUI, "demo"}


@pytest.mark.slow
def test_the_first_day_commands_run_word_for_word_on_a_fresh_machine(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "XDG_"))}
    env["HOME"] = str(home)
    # The tests' own environment provides the kiosk script when .venv is another folder.
    kiosk = Path(sys.executable).with_name("kiosk")
    ran = []
    for title in SECTIONS:
        for command in commands(title):
            args = kiosk_args(command)
            if args is not None and args[0] in GUI:
                continue
            line = command.replace(".venv/bin/kiosk", shlex.quote(str(kiosk)), 1)
            result = subprocess.run(
                ["bash", "-c", line],
                cwd=REPO,
                env=env,
                input=f"{PIN}\n",
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
            ran.append((command, result.stdout))
    outputs = dict(ran)
    assert "Xã Đức Phong" in (home / ".config" / "commune-kiosk" / "config.toml").read_text()
    check = next(out for cmd, out in ran if cmd.endswith("config check"))
    assert ": OK" in check and "commune's name is not set" not in check
    roster = next(out for cmd, out in ran if cmd.endswith("helpers list"))
    assert "Nguyễn Văn An" in roster and "Trần Thị Bình" in roster
    manager = subprocess.run(
        [str(kiosk), "helpers", "list"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert "Phạm Văn Chủ" in manager.stdout
    assert "Confirmed by the printer" in outputs[".venv/bin/kiosk printer test"]
    assert list((home / ".local" / "share" / "commune-kiosk" / "spool").glob("*.escpos"))
