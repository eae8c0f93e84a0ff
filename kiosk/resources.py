"""Where shipped data lives, for an editable checkout and a normal install alike."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir() -> Path:
    """The folder holding guides, fonts, sounds, translations and the example config."""
    try:
        root = resources.files("kiosk_data")
    except ModuleNotFoundError:
        # Running from a checkout that was never installed: data/ sits beside kiosk/.
        return Path(__file__).resolve().parent.parent / "data"
    return Path(str(root))


def data_path(*parts: str) -> Path:
    """A path inside the data folder, e.g. ``data_path("fonts", "NotoSans-Regular.ttf")``."""
    return data_dir().joinpath(*parts)


def font_path(*, bold: bool = False) -> Path:
    """The shipped Vietnamese font used by the UI, the ticket and the PDF."""
    return data_path("fonts", "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")
