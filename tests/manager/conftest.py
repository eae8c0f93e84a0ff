"""The manager screens run on the same qasync loop as the kiosk tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qt_support import ignore_offscreen_noise


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ignore_offscreen_noise(items, Path(__file__).parent)
