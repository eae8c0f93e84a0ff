"""The manager's summary of a day or a month, every figure beside its change; export PDF + CSV.

The desk console can embed ``ManagerSummaryScreen`` too: it only needs a task runner, a
``SummarySource`` (``ManagerBackend`` is one) and the signed-in manager (``set_manager``).
"""

from __future__ import annotations

import calendar
import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.summary import Figure, Period, busiest_hours, hour_span
from kiosk.domain.summary_views import Summary
from ui.i18n import translate
from ui.manager.hour_chart import HourChart
from ui.tasks import TaskRunner
from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
from ui.widgets.buttons import action_button
from ui.widgets.screen import Screen, text_label

if TYPE_CHECKING:
    from kiosk.domain.views import HelperView
    from ui.manager.backend import ExportResult

logger = logging.getLogger(__name__)
NO_VALUE = "–"


class SummarySource(Protocol):
    """Where the summary comes from (blocking calls, run on the database thread)."""

    def today(self) -> date:
        """Today's service day."""

    def summary(self, period: Period) -> Summary:
        """The summary of ``period`` against the previous period."""

    def export(self, period: Period, helper: HelperView) -> ExportResult:
        """Write the PDF and CSV; audited as ``helper``."""


def figure_text(figure: Figure, *, unit: str = "", percent: bool = False) -> str:
    """``12 (+3)``; a share as ``85% (−5)``; ``–`` when there is no value."""

    def number(value: float) -> str:
        value = value * 100 if percent else value
        text = f"{value:.0f}" if float(value).is_integer() or percent else f"{value:.1f}"
        return text.replace("-", "−")

    if figure.current is None:
        return NO_VALUE
    text = number(figure.current) + ("%" if percent else unit)
    delta = figure.delta
    if delta is not None:
        sign = "+" if delta > 0 else "±" if delta == 0 else ""
        text += f" ({sign}{number(delta)})"
    return text


def month_of(day: date) -> Period:
    """The calendar month a day is in."""
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last))


class ManagerSummaryScreen(Screen):
    """Previous/next day, "this month", the figures, the busy-hours chart, and export.

    Signals:
        sign_out_clicked: the manager is done.
    """

    sign_out_clicked = Signal()

    def __init__(
        self, *, runner: TaskRunner, source: SummarySource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._source = source
        self._helper: HelperView | None = None
        self._day: date | None = None
        self._month = False
        self._summary: Summary | None = None
        self.period = text_label("title")
        self.previous = action_button("neutral")
        self.next = action_button("neutral")
        self.month = action_button("neutral")
        self.month.setCheckable(True)
        self.export = action_button("primary")
        self.sign_out = action_button("neutral")
        self.status = text_label("body")
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        self.month.toggled.connect(self._on_month_toggled)
        self.export.clicked.connect(self._on_export_clicked)
        self.sign_out.clicked.connect(self.sign_out_clicked)
        self.chart = HourChart()
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._kinetic = False
        self.sections: dict[str, QFrame] = {}
        self._content = QWidget()
        self._sections = QVBoxLayout(self._content)
        self.area.setWidget(self._content)
        top = QHBoxLayout()
        for button in (self.previous, self.next, self.month):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.export)
        top.addWidget(self.sign_out)
        self._top = top
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.period)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.area, 1)
        self.retranslate()

    def set_manager(self, helper: HelperView) -> None:
        """Who reads (and exports, audited in their name)."""
        self._helper = helper

    def show_day(self, day: date | None = None) -> None:
        """Load a day's summary (today by default) in the background."""
        self._day = day or self._source.today()
        self._month = False
        self.month.setChecked(False)
        self._load()

    def summary(self) -> Summary | None:
        """The summary shown."""
        return self._summary

    def current_period(self) -> Period:
        """The day or the month on screen."""
        day = self._day or self._source.today()
        return month_of(day) if self._month else Period.day(day)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._top.setSpacing(spacing // 2)
        self._sections.setSpacing(spacing)
        bar, page = theme.colors.text_pairs()["primary"][1], theme.colors.white
        ink = theme.colors.text_pairs()["surface"][0]
        self.chart.set_colours(bar=bar, ink=ink, page=page, text_px=theme.font_px(20))

    def retranslate(self) -> None:
        self.previous.setText(translate("ManagerSummaryScreen", "◀ Trước"))
        self.next.setText(translate("ManagerSummaryScreen", "Sau ▶"))
        self.month.setText(translate("ManagerSummaryScreen", "Cả tháng"))
        self.export.setText(translate("ManagerSummaryScreen", "Xuất PDF và CSV"))
        self.sign_out.setText(translate("ManagerSummaryScreen", "Đăng xuất"))

    def _load(self) -> None:
        self._runner.cancel(self)
        period = self.current_period()
        self.period.setText(
            translate("ManagerSummaryScreen", "Tổng hợp {period}").format(period=period.label_vi())
        )
        self.status.setText(translate("ManagerSummaryScreen", "Đang tính…"))
        self.next.setEnabled(period.last < self._source.today())
        self._runner.start(self._read(period), owner=self)

    async def _read(self, period: Period) -> None:
        try:
            summary = await self._runner.run_db(self._source.summary, period)
        except Exception:
            logger.exception("summary %s failed", period.slug())
            self.status.setText(translate("ManagerSummaryScreen", "Không đọc được số liệu."))
            return
        self._summary = summary
        self.status.setText(
            translate("ManagerSummaryScreen", "So với {period} (trong ngoặc: chênh lệch).").format(
                period=summary.previous_period.label_vi()
            )
        )
        self._fill(summary)

    async def _export(self, period: Period, helper: HelperView) -> None:
        self.export.setEnabled(False)
        try:
            result = await self._runner.run_db(self._source.export, period, helper)
        except Exception as exc:
            logger.exception("export %s failed", period.slug())
            text = translate("ManagerSummaryScreen", "Chưa xuất được: {error}")
            self.status.setText(text.format(error=exc))
            return
        finally:
            self.export.setEnabled(True)
        text = translate("ManagerSummaryScreen", "Đã lưu: {pdf} và {csv}")
        self.status.setText(text.format(pdf=result.pdf, csv=result.csv))

    def _fill(self, summary: Summary) -> None:
        from ui.manager.summary_tables import summary_sections

        for frame in self.sections.values():
            self._sections.removeWidget(frame)
            frame.deleteLater()
        self.chart.setParent(None)
        tickets = summary.tickets
        hours = hour_span(tickets.hourly, tickets.hourly_previous)
        self.chart.set_counts(list(hours), tickets.hourly, tickets.hourly_previous)
        busiest = ", ".join(f"{h}h" for h in busiest_hours(tickets.hourly))
        self.sections = summary_sections(summary, chart=self.chart, busiest=busiest)
        for frame in self.sections.values():
            self._sections.addWidget(frame)
        self._sections.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._kinetic:
            self._kinetic = True
            make_kinetic(self.area)
        super().showEvent(event)

    @Slot()
    def _on_previous_clicked(self) -> None:
        period = self.current_period()
        self._day = period.first - timedelta(days=1)
        self._load()

    @Slot()
    def _on_next_clicked(self) -> None:
        period = self.current_period()
        self._day = min(period.last + timedelta(days=1), self._source.today())
        self._load()

    @Slot(bool)
    def _on_month_toggled(self, on: bool) -> None:
        if on != self._month:
            self._month = on
            self._load()

    @Slot()
    def _on_export_clicked(self) -> None:
        if self._helper is not None:
            self._runner.start(self._export(self.current_period(), self._helper), owner=self)
