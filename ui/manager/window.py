"""The manager's window: the PIN gate, then the summary; a banner while the link is down."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.manager.export_screen import ManagerExportScreen
from ui.manager.gate_screen import ManagerGateScreen
from ui.manager.summary_screen import ManagerSummaryScreen
from ui.manager.team_screen import ManagerTeamScreen
from ui.stylesheet import build_stylesheet
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.link_banner import LinkBanner
from ui.widgets.page_stack import PageStack
from ui.widgets.style import set_style


class ManagerWindow(QWidget):
    """Gate, summary and team tab in a stack; ``ManagerController`` decides which one shows.

    Signals:
        team_tab_clicked: the manager opened the "Tổ công nghệ số" tab (its figures are read).
    """

    team_tab_clicked = Signal()

    def __init__(self, *, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")
        self.setWindowTitle(translate("ManagerWindow", "Báo cáo tổng hợp"))
        self._theme = theme
        self.link = LinkBanner()
        self.gate = ManagerGateScreen()
        self.summary = ManagerSummaryScreen()
        self.team = ManagerTeamScreen()
        self.export = ManagerExportScreen()
        self.stack = PageStack()
        self.stack.addWidget(self.gate)
        self.stack.addWidget(self.summary)
        self.stack.addWidget(self.team)
        self.stack.addWidget(self.export)
        self.summary_tab = action_button("primary")
        self.team_tab = action_button("neutral")
        self.summary_tab.clicked.connect(self.show_summary)
        self.team_tab.clicked.connect(self.team_tab_clicked)
        self.tabs = QWidget()
        self._tabs = QHBoxLayout(self.tabs)
        self._tabs.addWidget(self.summary_tab)
        self._tabs.addWidget(self.team_tab)
        self._tabs.addStretch(1)
        self.tabs.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.link)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack)
        self.apply_theme(theme)
        self.summary_tab.setText(translate("ManagerWindow", "Tổng hợp"))
        self.team_tab.setText(translate("ManagerWindow", "Tổ công nghệ số"))

    def show_gate(self) -> None:
        """Back to the names and the keypad."""
        self.tabs.hide()
        self.stack.setCurrentWidget(self.gate)

    def show_summary(self) -> None:
        """The figures (after a manager's PIN)."""
        self._show_tab(self.summary)

    def show_team(self) -> None:
        """The team's figures of the current month."""
        self._show_tab(self.team)

    def _show_tab(self, screen: QWidget) -> None:
        self.tabs.show()
        set_style(self.summary_tab, tone="primary" if screen is self.summary else "neutral")
        set_style(self.team_tab, tone="primary" if screen is self.team else "neutral")
        self.stack.setCurrentWidget(screen)

    def show_export(self) -> None:
        """The paragraph, number and signer before the files are written (no tabs: one task)."""
        self.tabs.hide()
        self.stack.setCurrentWidget(self.export)

    def set_link_up(self, up: bool) -> None:
        """Show the banner while the database cannot be reached."""
        self.link.set_link_up(up)

    def apply_theme(self, theme: Theme) -> None:
        """The app stylesheet and every screen's sizes."""
        self._theme = theme
        app = QApplication.instance()
        sheet = build_stylesheet(theme) + _editor_rules(theme)
        if isinstance(app, QApplication) and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        self.link.apply_theme(theme)
        self.gate.apply_theme(theme)
        self.summary.apply_theme(theme)
        self.export.apply_theme(theme)
        self.team.apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        self._tabs.setContentsMargins(margin, margin // 2, margin, 0)
        self._tabs.setSpacing(theme.px(theme.sizes.spacing) // 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The manager's PC has a keyboard: on the gate, digits, Backspace and Enter work the
        # keypad (no field has focus there; the export form's fields take their own keys).
        if self.stack.currentWidget() is self.gate and self.gate.keypad.type_key(event.key()):
            event.accept()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if QSize(self._theme.width_px, self._theme.height_px) != size and not size.isEmpty():
            self.apply_theme(self._theme.with_size(size.width(), size.height()))


def _editor_rules(theme: Theme) -> str:
    """Text boxes of the export form: the body's size, dark on white, a visible border."""
    sizes, colors = theme.sizes, theme.colors
    ink = colors.text_pairs()["surface"][0]
    return (
        f"QLineEdit, QPlainTextEdit {{ background: {colors.white}; color: {ink};"
        f" border: {theme.px(sizes.border)}px solid {colors.border};"
        f" border-radius: {theme.px(sizes.radius) // 2}px;"
        f" padding: {theme.px(sizes.spacing) // 3}px;"
        f" font-size: {theme.font_px(sizes.text_body)}px; }}"
        f" QLineEdit {{ min-height: {theme.min_target_px}px; }}"
    )
