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
from kiosk.services.reports import ReportWords, export_to_reports, manager_sign_in
from kiosk.services.roster import who_can_sign_in
from kiosk.services.summary import build_summary
from kiosk.services.team_report import build_team_report
from printing.summary_narrative import summary_narrative
from ui.error_texts import error_text
from ui.i18n import translate
from ui.live import LiveRead, follow_link
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
        window.export.export_confirmed.connect(self._on_export_export_confirmed)
        window.export.back_clicked.connect(self._on_export_back_clicked)
        window.team_tab_clicked.connect(self._on_window_team_tab_clicked)
        follow_link(runtime.live, window.set_link_up)
        if not runtime.config.site.commune:  # a first day: the report's header lacks the name
            window.summary.set_setup_note(
                translate(
                    "ManagerSummaryScreen",
                    "Chưa đặt tên xã: báo cáo sẽ thiếu tên xã và địa danh. Nhờ quản trị ghi"
                    " tên xã ([site] commune) vào tệp cấu hình.",
                )
            )
        # Live: a manager added or given a PIN elsewhere (`kiosk helpers add --with-pin`, the
        # desk's roster) shows at the gate without a restart.
        self.roster: LiveRead[list[HelperView]] = LiveRead(
            runtime,
            lambda ctx: who_can_sign_in(ctx, role=HelperRole.MANAGER),
            window.gate.set_managers,
            parent=self,
        )

    def start(self) -> None:
        """Show the managers' names, and keep them current while the gate shows."""
        self.roster.start()

    def stop(self) -> None:
        """Cancel every task."""
        self.roster.stop()
        self._runtime.runner.cancel(self)

    def signed_in(self) -> HelperView | None:
        """The manager reading, if any."""
        return self._helper

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
        self.roster.stop()  # no names to keep current behind the summary
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

    async def _export(self, period: Period, helper: HelperView, words: ReportWords) -> None:
        form = self._window.export
        form.set_exporting(True)
        actor = Actor(helper.name, helper.id)
        try:
            result = await self._ops.run(
                lambda ctx: export_to_reports(ctx, period=period, actor=actor, words=words)
            )
        except Exception as exc:
            logger.warning("export %s failed: %s", period.slug(), exc)
            text = translate("ManagerSummaryScreen", "Chưa xuất được: {error}")
            form.show_status(text.format(error=error_text(exc, self._tz)))
            return
        finally:
            form.set_exporting(False)
        text = translate("ManagerSummaryScreen", "Đã lưu: {pdf} và {csv}")
        self._window.summary.show_status(text.format(pdf=result.pdf, csv=result.csv))
        self._window.show_summary()

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
        summary = self._window.summary.summary()
        shown = summary is not None and summary.period == period
        self._window.export.prepare(
            period,
            narrative=summary_narrative(summary) if summary is not None and shown else "",
            signer_name=self._runtime.config.team_report.signer_name,
        )
        self._window.show_export()

    @Slot(object, object)
    def _on_export_export_confirmed(self, period: Period, words: ReportWords) -> None:
        if self._helper is not None:
            self._runtime.runner.start(self._export(period, self._helper, words), owner=self)

    @Slot()
    def _on_export_back_clicked(self) -> None:
        self._window.show_summary()

    @Slot()
    def _on_window_team_tab_clicked(self) -> None:
        if self._helper is not None:
            self._window.show_team()
            self._runtime.runner.start(self._read_team(), owner=self)

    @Slot()
    def _on_summary_sign_out_clicked(self) -> None:
        self._helper = None
        self._window.show_gate()
        self.roster.start()
