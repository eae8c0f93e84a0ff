"""The manager's summary of a day or a month, every figure beside the previous period's.

A dumb screen: previous/next day and "this month" choose a period (``period_chosen``), export
asks for the files (``export_clicked``); ``ManagerController`` reads and writes, then calls
``show_summary`` or ``show_status``. The tables are the report's own (``summary_tables``).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.summary import Period, busiest_hours, hour_span
from kiosk.domain.summary_views import Summary
from ui.i18n import translate
from ui.manager.hour_chart import HourChart
from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
from ui.widgets.buttons import action_button
from ui.widgets.layout_items import empty_layout
from ui.widgets.screen import Screen, text_label


def month_of(day: date) -> Period:
    """The calendar month a day is in."""
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last))


class ManagerSummaryScreen(Screen):
    """Previous/next day, "this month", the figures, the busy-hours chart, and export.

    Signals:
        period_chosen(object): show this ``Period``.
        export_clicked(object): write the PDF and CSV of this ``Period``.
        sign_out_clicked: the manager is done.
    """

    period_chosen = Signal(object)
    export_clicked = Signal(object)
    sign_out_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = date.min  # set by show_day, from the commune's clock
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
        self.setup_note = QFrame()
        self.setup_note.setProperty("panel", "priority_soft")
        self.setup_text = text_label("body", parent=self.setup_note)
        QVBoxLayout(self.setup_note).addWidget(self.setup_text)
        self.setup_note.hide()
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        self.month.toggled.connect(self._on_month_toggled)
        self.export.clicked.connect(self._on_export_clicked)
        self.sign_out.clicked.connect(self.sign_out_clicked)
        self.chart = HourChart()
        self.hours = self._hours_panel()
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._kinetic = False
        self.sections: dict[str, QFrame] = {}
        self._content = QWidget()
        self._sections = QVBoxLayout(self._content)
        self.area.setWidget(self._content)
        periods = QHBoxLayout()
        for button in (self.previous, self.next, self.month):
            periods.addWidget(button)
        periods.addStretch(1)
        files = QHBoxLayout()
        files.addStretch(1)
        files.addWidget(self.export)
        files.addWidget(self.sign_out)
        self._top_rows = (periods, files)
        # One row on a landscape screen; a portrait one is too narrow for five buttons (their
        # words were cut): the period's buttons on one row, export and sign-out under them.
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addLayout(periods, 1)
        top.addLayout(files, 0)
        self._top = top
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.period)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.setup_note)
        self._layout.addWidget(self.area, 1)
        self.retranslate()

    def _hours_panel(self) -> QFrame:
        frame = QFrame()
        frame.setProperty("panel", "surface")
        layout = QVBoxLayout(frame)
        self.hours_title = text_label("info")
        self.hours_note = text_label("small")
        layout.addWidget(self.hours_title)
        layout.addWidget(self.chart)
        layout.addWidget(self.hours_note)
        return frame

    def show_day(self, day: date, *, today: date) -> None:
        """Choose a day (today on sign-in); ``today`` bounds "next"."""
        self._today = today
        self._day = day
        self._month = False
        self.month.setChecked(False)
        self._choose()

    def summary(self) -> Summary | None:
        """The summary shown."""
        return self._summary

    def current_period(self) -> Period:
        """The day or the month on screen."""
        day = self._day or self._today
        return month_of(day) if self._month else Period.day(day)

    def show_loading(self) -> None:
        """While the summary is computed."""
        self.status.setText(translate("ManagerSummaryScreen", "Đang tính…"))

    def show_status(self, text: str) -> None:
        """A line under the title: an export's files, or why something failed."""
        self.status.setText(text)

    def set_setup_note(self, text: str) -> None:
        """A setting the report still lacks (the commune's name); empty hides it."""
        self.setup_text.setText(text)
        self.setup_note.setVisible(bool(text))

    def set_exporting(self, busy: bool) -> None:
        """The export button waits while the files are written."""
        self.export.setEnabled(not busy)

    def show_summary(self, summary: Summary) -> None:
        """The figures of the period chosen."""
        from ui.manager.summary_tables import summary_panels

        self._summary = summary
        self.status.setText(
            translate("ManagerSummaryScreen", "So với {period}.").format(
                period=summary.previous_period.label_vi()
            )
        )
        for frame in self.sections.values():
            self._sections.removeWidget(frame)
            if frame is not self.hours:
                frame.deleteLater()
        empty_layout(self._sections)  # the stretch of the previous summary
        tickets = summary.tickets
        span = hour_span(tickets.hourly, tickets.hourly_previous)
        self.chart.set_counts(list(span), tickets.hourly, tickets.hourly_previous)
        busiest = ", ".join(f"{h}h" for h in busiest_hours(tickets.hourly))
        self.hours_note.setText(
            translate("ManagerSummaryScreen", "Vạch đen: kỳ trước. Đông nhất: {hours}").format(
                hours=busiest or "–"
            )
        )
        self.sections = summary_panels(summary, hours=self.hours)
        for frame in self.sections.values():
            self._sections.addWidget(frame)
        self._sections.addStretch(1)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._top.setSpacing(spacing // 2)
        for row in self._top_rows:
            row.setSpacing(spacing // 2)
        self._top.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._sections.setSpacing(spacing)
        bar, page = theme.colors.text_pairs()["primary"][1], theme.colors.white
        ink = theme.colors.text_pairs()["surface"][0]
        self.chart.set_colours(bar=bar, ink=ink, page=page, text_px=theme.font_px(20))

    def retranslate(self) -> None:
        self.previous.setText(translate("ManagerSummaryScreen", "‹ Trước"))
        self.next.setText(translate("ManagerSummaryScreen", "Sau ›"))
        self.month.setText(translate("ManagerSummaryScreen", "Cả tháng"))
        self.export.setText(translate("ManagerSummaryScreen", "Xuất PDF và CSV"))
        self.sign_out.setText(translate("ManagerSummaryScreen", "Đăng xuất"))
        self.hours_title.setText(
            translate("ManagerSummaryScreen", "Giờ cao điểm (số vé lấy mỗi giờ)")
        )

    def _choose(self) -> None:
        period = self.current_period()
        self.period.setText(
            translate("ManagerSummaryScreen", "Tổng hợp {period}").format(period=period.label_vi())
        )
        self.next.setEnabled(period.last < self._today)
        self.period_chosen.emit(period)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._kinetic:
            self._kinetic = True
            make_kinetic(self.area)
        super().showEvent(event)

    @Slot()
    def _on_previous_clicked(self) -> None:
        self._day = self.current_period().first - timedelta(days=1)
        self._choose()

    @Slot()
    def _on_next_clicked(self) -> None:
        self._day = min(self.current_period().last + timedelta(days=1), self._today)
        self._choose()

    @Slot(bool)
    def _on_month_toggled(self, on: bool) -> None:
        if on != self._month:
            self._month = on
            self._choose()

    @Slot()
    def _on_export_clicked(self) -> None:
        self.export_clicked.emit(self.current_period())
