"""The manager screens run on the same qasync loop as the kiosk tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import OFFSCREEN_NOISE, loop, qt_loop

__all__ = ["loop", "qt_loop"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
