"""The manager's window: the PIN gate, then the summary; sign-out returns to the gate."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.errors import AuthError
from kiosk.domain.views import HelperView
from ui.error_texts import error_text
from ui.i18n import translate
from ui.manager.backend import ManagerBackend
from ui.manager.gate_screen import ManagerGateScreen
from ui.manager.summary_screen import ManagerSummaryScreen
from ui.stylesheet import build_stylesheet
from ui.tasks import TaskRunner
from ui.theme import Theme

logger = logging.getLogger(__name__)


class ManagerWindow(QWidget):
    """Gate and summary in a stack; only a manager's PIN opens the summary."""

    def __init__(self, *, runner: TaskRunner, backend: ManagerBackend, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")
        self.setWindowTitle(translate("ManagerWindow", "Báo cáo tổng hợp"))
        self._runner = runner
        self._backend = backend
        self._theme = theme
        self._helper: HelperView | None = None
        self.gate = ManagerGateScreen()
        self.summary = ManagerSummaryScreen(runner=runner, source=backend)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.gate)
        self.stack.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.gate.pin_submitted.connect(self._on_gate_pin_submitted)
        self.summary.sign_out_clicked.connect(self._on_summary_sign_out_clicked)
        self.apply_theme(theme)

    def start(self) -> None:
        """Read the managers' names in the background."""
        self._runner.start(self._load_managers(), owner=self)

    def signed_in(self) -> HelperView | None:
        """The manager reading, if any."""
        return self._helper

    def apply_theme(self, theme: Theme) -> None:
        """The app stylesheet and every screen's sizes."""
        self._theme = theme
        app = QApplication.instance()
        sheet = build_stylesheet(theme)
        if isinstance(app, QApplication) and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        self.gate.apply_theme(theme)
        self.summary.apply_theme(theme)

    async def _load_managers(self) -> None:
        self.gate.set_managers(await self._runner.run_db(self._backend.managers))

    async def _check(self, helper_id: int, pin: str) -> None:
        self.gate.set_checking()
        try:
            helper = await self._runner.run_db(self._backend.sign_in, helper_id, pin)
        except AuthError as exc:
            logger.info("manager sign-in refused: %s", exc)
            self.gate.show_refusal(error_text(exc, self._backend.config.site.tz))
            return
        except Exception as exc:
            self.gate.show_refusal(error_text(exc, self._backend.config.site.tz))
            return
        self._helper = helper
        self.gate.show_refusal("")
        self.summary.set_manager(helper)
        self.stack.setCurrentWidget(self.summary)
        self.summary.show_day()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if QSize(self._theme.width_px, self._theme.height_px) != size and not size.isEmpty():
            self.apply_theme(self._theme.with_size(size.width(), size.height()))

    @Slot(int, str)
    def _on_gate_pin_submitted(self, helper_id: int, pin: str) -> None:
        self._runner.start(self._check(helper_id, pin), owner=self)

    @Slot()
    def _on_summary_sign_out_clicked(self) -> None:
        self._helper = None
        self.stack.setCurrentWidget(self.gate)
