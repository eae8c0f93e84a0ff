"""The manager's gate and summary fit every screen size, measured on the real widgets."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FixedClock
from kiosk.services.context import AppContext
from tests.manager.test_manager_screen import MANAGER_PIN, managers, small_day
from ui.geometry_check import geometry_problems
from ui.manager.program import build
from ui.shell import Env, Runtime

SIZES = [(1920, 1080), (1366, 768), (1280, 1024), (1080, 1920)]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_gate_and_the_summary_fit_in_both_languages(
    qtbot: QtBot,
    qapp: QApplication,
    loop: asyncio.AbstractEventLoop,
    sqlite_ctx: AppContext,
    clock: FixedClock,
    width: int,
    height: int,
) -> None:
    small_day(sqlite_ctx, clock)
    boss, _clerk = managers(sqlite_ctx)
    env = Env(app=qapp, config=sqlite_ctx.config, clock=clock, size=QSize(width, height))
    program = build(env)
    runtime = Runtime.over_context(sqlite_ctx, loop=loop)
    window = program.window
    found: list[str] = []
    try:
        window.show()
        program.start(runtime)
        qtbot.wait_until(runtime.runner.is_idle, timeout=10_000)
        for language in ("vi", "en"):
            program.i18n.set_language(language)
            QApplication.processEvents()
            problems = geometry_problems(window, width=width, height=height)
            found += [f"{language} gate: {p}" for p in problems]
        # A portrait screen stacks the keypad under the names; a landscape one sets it beside.
        keypad, names = window.gate.keypad.geometry(), window.gate.grid.geometry()
        if height > width:
            assert keypad.top() > names.bottom(), (keypad, names)
        else:
            assert keypad.left() > names.right(), (keypad, names)
        program.i18n.set_language("vi")
        window.gate.choose(boss)
        window.gate.pin_submitted.emit(boss, MANAGER_PIN)
        qtbot.wait_until(lambda: window.stack.currentWidget() is window.summary, timeout=10_000)
        for language in ("vi", "en"):
            program.i18n.set_language(language)
            qtbot.wait_until(runtime.runner.is_idle, timeout=10_000)
            QApplication.processEvents()
            problems = geometry_problems(window, width=width, height=height)
            found += [f"{language} summary: {p}" for p in problems]
    finally:
        program.close()
        runtime.close()
        qtbot.wait_until(runtime.runner.is_idle, timeout=5000)
    assert not found, "\n".join(found)
