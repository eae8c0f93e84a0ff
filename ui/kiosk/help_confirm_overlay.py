"""Calling a helper asks once more: a tap that only brushed the tile calls nobody."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.icons import icon_pixmap
from ui.widgets.overlay import Overlay
from ui.widgets.screen import text_label


class HelpConfirmOverlay(Overlay):
    """Asks "call a helper to come to you?": yes calls, no goes back.

    Signals:
        confirmed: the visitor wants a helper.
    """

    confirmed = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget) -> None:
        super().__init__(parent)
        self._theme: Theme | None = None
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = text_label("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.yes = action_button("help")
        self.no = action_button("neutral")
        self.yes.clicked.connect(self._on_yes_clicked)
        self.no.clicked.connect(self.close_overlay)
        # One above the other, "yes" first: each as wide as the panel, so no language cuts it.
        self._row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._row.addWidget(self.yes)
        self._row.addWidget(self.no)
        self.panel_layout.addWidget(self.picture)
        self.panel_layout.addWidget(self.title)
        self.panel_layout.addLayout(self._row)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Panel size and picture for the theme."""
        self._theme = theme
        self.set_margins(theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing))
        self.set_panel_width(round(min(theme.width_px, theme.height_px) * 0.85))
        self._row.setSpacing(theme.px(theme.sizes.spacing))
        ink = theme.colors.text_pairs()["surface_accent"][0]
        side = theme.px(theme.sizes.tile_icon)
        self.picture.setPixmap(icon_pixmap("help", side, ink, self.devicePixelRatioF()))
        if self.is_open():
            self.fit_panel()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(translate("HelpConfirmOverlay", "Gọi cán bộ đến giúp bạn?"))
        self.yes.setText(translate("HelpConfirmOverlay", "Có, gọi cán bộ"))
        self.no.setText(translate("HelpConfirmOverlay", "Không, quay lại"))
        if self.is_open():
            self.fit_panel()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_yes_clicked(self) -> None:
        self.close_overlay()
        self.confirmed.emit()
