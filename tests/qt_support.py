"""What every Qt test folder shares: the qasync loop fixtures and the offscreen-noise filter."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

# WORKAROUND: Qt's offscreen platform warns "This plugin does not support
# propagateSizeHints()" whenever a top-level widget's size constraints change; harmless.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def ignore_offscreen_noise(items: list[pytest.Item], folder: Path) -> None:
    """Let the tests under ``folder`` pass despite the offscreen platform's warning."""
    for item in items:
        if folder in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def qt_loop(qapp: QApplication) -> asyncio.AbstractEventLoop:
    """The qasync loop, as the app uses it; pytest-qt's waits run its callbacks."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    return loop


@pytest.fixture
def loop(qt_loop: asyncio.AbstractEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """The loop marked running for one test only (other tests may use asyncio.run)."""
    asyncio.events._set_running_loop(qt_loop)
    try:
        yield qt_loop
    finally:
        asyncio.events._set_running_loop(None)
