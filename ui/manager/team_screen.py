"""The "Tổ công nghệ số" tab: the team report's figures for the current month, on screen.

The tables are the printed report's own (``printing.team_report_sections``), so the screen,
the PDF and the DOCX say the same; the chart shows the people helped at each village point.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.team_report import TeamReport
from printing.team_report_sections import main_table, paragraph, places_table
from ui.i18n import translate
from ui.manager.place_chart import PlaceChart
from ui.manager.summary_tables import table_panel
from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
from ui.widgets.layout_items import empty_layout
from ui.widgets.packed_grid import retire
from ui.widgets.screen import Screen, text_label


class ManagerTeamScreen(Screen):
    """The month's key figures against the previous month, per place, and the village chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: TeamReport | None = None
        self.title = text_label("title")
        self.status = text_label("body")
        self.summary = text_label("body")
        self.chart = PlaceChart()
        self.chart_title = text_label("info")
        self.chart_note = text_label("small")
        self.chart_panel = QFrame()
        self.chart_panel.setProperty("panel", "surface")
        chart_layout = QVBoxLayout(self.chart_panel)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart)
        chart_layout.addWidget(self.chart_note)
        self.panels: list[QFrame] = []
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._kinetic = False
        self._content = QWidget()
        self._sections = QVBoxLayout(self._content)
        self.area.setWidget(self._content)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.area, 1)
        self.retranslate()

    def report(self) -> TeamReport | None:
        """The report shown."""
        return self._report

    def show_loading(self) -> None:
        """While the figures are read."""
        self.status.setText(translate("ManagerTeamScreen", "Đang tính…"))

    def show_status(self, text: str) -> None:
        """Why the figures could not be read."""
        self.status.setText(text)

    def show_report(self, report: TeamReport) -> None:
        """The month's figures, the chart per village point and the table per place."""
        self._report = report
        self.title.setText(f"{report.team_name} {report.period.label_vi()}")  # as the report
        self.status.setText(
            translate("ManagerTeamScreen", "So với {period}.").format(
                period=report.previous.label_vi()
            )
        )
        for panel in self.panels:
            self._sections.removeWidget(panel)
            if panel is not self.chart_panel:
                retire(panel)
        empty_layout(self._sections)
        self.summary.setText(paragraph(report))
        now, before = report.current.village_helped, report.before.village_helped
        self.chart.set_rows([(p, now.get(p, 0), before.get(p, 0)) for p in report.places])
        self.chart_panel.setVisible(bool(report.places))
        self.panels = [table_panel(main_table(report)), self.chart_panel]
        self.panels.append(table_panel(places_table(report)))
        self._sections.addWidget(self.summary)
        for panel in self.panels:
            self._sections.addWidget(panel)
        self._sections.addStretch(1)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        self._sections.setSpacing(spacing)
        bar, page = theme.colors.text_pairs()["primary"][1], theme.colors.white
        ink = theme.colors.text_pairs()["surface"][0]
        text_px = theme.font_px(theme.sizes.text_body)  # as the tables' words
        self.chart.set_colours(bar=bar, ink=ink, page=page, text_px=text_px)

    def retranslate(self) -> None:
        self.chart_title.setText(
            translate("ManagerTeamScreen", "Người dân được hỗ trợ tại mỗi điểm thôn")
        )
        self.chart_note.setText(translate("ManagerTeamScreen", "Vạch đen: tháng trước."))

    def showEvent(self, event: QShowEvent) -> None:
        if not self._kinetic:
            self._kinetic = True
            make_kinetic(self.area)
        super().showEvent(event)
