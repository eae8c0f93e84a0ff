"""kiosk doctor names modules that every start compiles again because their bytecode is stale."""

from __future__ import annotations

import compileall
import os
import sys
from pathlib import Path

import pytest

from kiosk import bytecode, cli


@pytest.fixture
def package(tmp_path: Path) -> Path:
    folder = tmp_path / "checkout" / "kiosk"
    (folder / "services").mkdir(parents=True)
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "services" / "queue.py").write_text("NEXT = 1\n", encoding="utf-8")
    return folder


@pytest.fixture
def read_only_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the kiosk user in a checkout root owns: Python cannot write bytecode."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


@pytest.mark.usefixtures("read_only_user")
def test_bytecode_missing_then_compiled_then_stale_after_an_edit(package: Path) -> None:
    module = package / "services" / "queue.py"
    assert bytecode.compiled_at_every_start([package]) == [package / "__init__.py", module]

    assert compileall.compile_dir(package, quiet=1)
    assert bytecode.compiled_at_every_start([package]) == []

    module.write_text("NEXT = 2\n", encoding="utf-8")  # what a git pull does
    later = module.stat().st_mtime + 60
    os.utime(module, (later, later))
    assert bytecode.compiled_at_every_start([package]) == [module]


def test_stale_bytecode_the_user_can_write_is_left_to_python(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # root may write in tmp_path
    assert bytecode.compiled_at_every_start([package]) == []


@pytest.mark.usefixtures("read_only_user")
def test_doctor_quiet_prints_the_fix_only_when_needed(
    package: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bytecode, "package_folders", lambda: [package])

    assert cli.main(["doctor", "--quiet"]) == 0  # slower, not broken
    out = capsys.readouterr().out
    assert "2 of the kiosk's modules are compiled again at every start" in out
    assert f"run `sudo make install` in {package.parent}" in out

    compileall.compile_dir(package, quiet=1)
    assert cli.main(["doctor", "--quiet"]) == 0
    assert "Compiled code" not in capsys.readouterr().out
