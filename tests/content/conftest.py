"""Fixtures for the guide tests: a writable copy of the small sample guide."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SAMPLE = HERE / "good" / "mau"


@pytest.fixture
def guides_root(tmp_path: Path) -> Path:
    """A guides root holding one valid guide, ``mau``, that a test may edit."""
    root = tmp_path / "guides"
    root.mkdir()
    shutil.copytree(SAMPLE, root / "mau")
    return root


@pytest.fixture
def edit_sample(guides_root: Path) -> Callable[[str, str], None]:
    """Replace text in the sample's guide.toml; fails if ``old`` is not there."""

    def edit(old: str, new: str) -> None:
        path = guides_root / "mau" / "guide.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit
