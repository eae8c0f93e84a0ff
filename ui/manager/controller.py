"""The manager's work with the core: names at the gate, the PIN, the summary, the export."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject, Slot

from kiosk.domain.clock import service_day
from kiosk.domain.enums import HelperRole
from kiosk.domain.summary import Period
from kiosk.domain.team_report import PeriodKind, ReportPeriod
from kiosk.domain.views import HelperView
from kiosk.services.context import Actor
from kiosk.services.reports import export_to_reports, manager_sign_in
from kiosk.services.roster import who_can_sign_in
from kiosk.services.summary import build_summary
from kiosk.services.team_report import build_team_report
from ui.error_texts import error_text
from ui.i18n import translate
from ui.live import follow_link
from ui.manager.window import ManagerWindow
from ui.shell import Runtime

logger = logging.getLogger(__name__)


class ManagerController(QObject):
    """Signs a manager in, reads the period chosen, writes the export audited in their name."""

    def __init__(self, *, window: ManagerWindow, runtime: Runtime) -> None:
        super().__init__(window)
        self._window, self._runtime, self._ops = window, runtime, runtime.ops
        self._tz = runtime.config.site.tz
        self._helper: HelperView | None = None
        self._reading: asyncio.Task[Any] | None = None
        window.gate.pin_submitted.connect(self._on_gate_pin_submitted)
        window.summary.period_chosen.connect(self._on_summary_period_chosen)
        window.summary.export_clicked.connect(self._on_summary_export_clicked)
        window.summary.sign_out_clicked.connect(self._on_summary_sign_out_clicked)
        window.team_tab_clicked.connect(self._on_window_team_tab_clicked)
        runtime.live.link_changed.connect(self._on_live_link_changed)
        follow_link(runtime.live, window.set_link_up)

    def start(self) -> None:
        """Read the managers' names in the background."""
        self._runtime.runner.start(self._load_managers(), owner=self)

    def stop(self) -> None:
        """Cancel every task."""
        self._runtime.runner.cancel(self)

    def signed_in(self) -> HelperView | None:
        """The manager reading, if any."""
        return self._helper

    async def _load_managers(self) -> None:
        try:
            managers = await self._ops.run(
                lambda ctx: who_can_sign_in(ctx, role=HelperRole.MANAGER)
            )
        except Exception as exc:
            self._window.gate.show_refusal(error_text(exc, self._tz))
            return
        self._window.gate.set_managers(managers)

    async def _sign_in(self, helper_id: int, pin: str) -> None:
        gate = self._window.gate
        gate.set_checking()
        try:
            helper = await self._ops.run(
                lambda ctx: manager_sign_in(ctx, helper_id=helper_id, pin=pin)
            )
        except Exception as exc:
            logger.info("manager sign-in refused: %s", exc)
            gate.show_refusal(error_text(exc, self._tz))
            return
        self._helper = helper
        gate.show_refusal("")
        self._window.show_summary()
        today = service_day(self._runtime.clock(), self._tz)
        self._window.summary.show_day(today, today=today)

    async def _read(self, period: Period) -> None:
        summary_screen = self._window.summary
        summary_screen.show_loading()
        try:
            summary = await self._ops.run(lambda ctx: build_summary(ctx, period))
        except Exception as exc:
            logger.warning("summary %s not read: %s", period.slug(), exc)
            text = translate("ManagerSummaryScreen", "Không đọc được số liệu: {error}")
            summary_screen.show_status(text.format(error=error_text(exc, self._tz)))
            return
        summary_screen.show_summary(summary)

    async def _read_team(self) -> None:
        """The team report of the commune's current month (the same figures as its PDF)."""
        team = self._window.team
        team.show_loading()
        today = service_day(self._runtime.clock(), self._tz)
        period = ReportPeriod(PeriodKind.MONTH, today.year, today.month)
        try:
            report = await self._ops.run(lambda ctx: build_team_report(ctx, period=period))
        except Exception as exc:
            logger.warning("team report %s not read: %s", period.code, exc)
            text = translate("ManagerTeamScreen", "Không đọc được số liệu: {error}")
            team.show_status(text.format(error=error_text(exc, self._tz)))
            return
        team.show_report(report)

    async def _export(self, period: Period, helper: HelperView) -> None:
        summary_screen = self._window.summary
        summary_screen.set_exporting(True)
        actor = Actor(helper.name, helper.id)
        try:
            result = await self._ops.run(
                lambda ctx: export_to_reports(ctx, period=period, actor=actor)
            )
        except Exception as exc:
            logger.warning("export %s failed: %s", period.slug(), exc)
            text = translate("ManagerSummaryScreen", "Chưa xuất được: {error}")
            summary_screen.show_status(text.format(error=error_text(exc, self._tz)))
            return
        finally:
            summary_screen.set_exporting(False)
        text = translate("ManagerSummaryScreen", "Đã lưu: {pdf} và {csv}")
        summary_screen.show_status(text.format(pdf=result.pdf, csv=result.csv))

    @Slot(bool)
    def _on_live_link_changed(self, up: bool) -> None:
        if up and not self._window.gate.name_buttons:
            self._runtime.runner.start(self._load_managers(), owner=self)

    @Slot(int, str)
    def _on_gate_pin_submitted(self, helper_id: int, pin: str) -> None:
        self._runtime.runner.start(self._sign_in(helper_id, pin), owner=self)

    @Slot(object)
    def _on_summary_period_chosen(self, period: Period) -> None:
        if self._reading is not None:
            self._reading.cancel()  # only the last period chosen is worth reading
        self._reading = self._runtime.runner.start(self._read(period), owner=self)

    @Slot(object)
    def _on_summary_export_clicked(self, period: Period) -> None:
        if self._helper is not None:
            self._runtime.runner.start(self._export(period, self._helper), owner=self)

    @Slot()
    def _on_window_team_tab_clicked(self) -> None:
        if self._helper is not None:
            self._window.show_team()
            self._runtime.runner.start(self._read_team(), owner=self)

    @Slot()
    def _on_summary_sign_out_clicked(self) -> None:
        self._helper = None
        self._window.show_gate()
