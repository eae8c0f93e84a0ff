"""Rate, when not satisfied: why? A short list, one tap (the province's forms ask for it)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.ratings import REASON_LABELS, RatingReason
from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid
from ui.widgets.buttons import back_button
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, set_page_margins, text_label


class RateReasonScreen(Screen):
    """One decision: the main reason for a dissatisfied rating.

    Signals:
        reason_chosen(str): a reason was tapped (its ``RatingReason`` value).
        back_clicked: back to the faces.
    """

    reason_chosen = Signal(str)
    back_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self.title = text_label("title")
        self.reason_buttons: dict[str, PictureButton] = {}
        for reason in RatingReason:
            button = PictureButton(kind="picture", tone="neutral")
            button.setProperty("reason", reason.value)
            button.clicked.connect(self._on_reason_clicked)
            self.reason_buttons[reason.value] = button
        self.grid = ButtonGrid()
        self.grid.set_buttons(list(self.reason_buttons.values()), columns=2)
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back, 1)
        bottom.addStretch(2)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.grid, 1)
        self._layout.addLayout(bottom)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self.grid.set_spacing(spacing)
        self.grid.set_columns(1 if theme.portrait else 2)
        for button in self.reason_buttons.values():
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("RateReasonScreen", "Điều gì làm bạn chưa hài lòng?"))
        self.back.setText(translate("RateReasonScreen", "‹ Quay lại"))
        for reason, label in REASON_LABELS.items():
            self.reason_buttons[reason.value].set_label(self._i18n.text(label))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_reason_clicked(self) -> None:
        self.reason_chosen.emit(str(self.sender().property("reason")))
