"""The village program on a real database, driven as a volunteer taps it (pytest-qt)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.services.context import AppContext
from ui.shell import Runtime
from ui.village.program import VillageProgram
from ui.village.step_screen import StepScreen


@dataclass
class VillageApp:
    """A running village program over ``ctx``."""

    program: VillageProgram
    runtime: Runtime
    ctx: AppContext
    qtbot: QtBot

    @property
    def window(self) -> object:
        return self.program.window

    def wait_idle(self) -> None:
        """Wait until every started coroutine (a save, a sync) finished."""
        self.qtbot.wait_until(self.runtime.runner.is_idle, timeout=20_000)
        QApplication.processEvents()

    def tap(self, button: QPushButton) -> None:
        """Tap a visible, enabled button and let its work finish."""
        assert button.isVisible(), "a volunteer cannot tap what is not shown"
        assert button.isEnabled(), "a volunteer cannot tap a greyed-out button"
        button.click()
        self.wait_idle()

    def choose(self, screen: StepScreen, key: str) -> None:
        """Tap one choice of a step."""
        assert self.program.window.current_screen() is screen
        self.tap(screen.grid.button(key))

    def choose_helper(self, helper_id: int) -> None:
        """Tap a name on the start screen."""
        self.choose(self.program.window.start, str(helper_id))
