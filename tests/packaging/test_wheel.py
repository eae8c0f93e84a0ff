"""A non-editable install carries every module and data file and finds its data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.storage.migrate import head_revision

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def _source_files() -> set[str]:
    names = set()
    for package in ("kiosk", "ui", "printing"):
        names |= {p.relative_to(ROOT).as_posix() for p in (ROOT / package).rglob("*.py")}
    return {n for n in names if "__pycache__" not in n}


def _data_files() -> set[str]:
    data = ROOT / "data"
    return {
        "kiosk_data/" + p.relative_to(data).as_posix()
        for p in data.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_wheel_holds_every_module_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert _source_files() - names == set()
    assert _data_files() - names == set()
    assert "kiosk/storage/migrations/versions/0001_initial_schema.py" in names


def test_an_installed_copy_finds_its_font_migrations_and_example_config(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import kiosk, kiosk.resources as r, kiosk.storage.migrate as m;"
        "print(kiosk.__file__); print(r.font_path().is_file());"
        "print(r.data_path('config.example.toml').is_file()); print(m.head_revision())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, has_font, has_example, head = result.stdout.split()
    assert module_file.startswith(str(target))
    assert (has_font, has_example) == ("True", "True")
    assert head == head_revision()
