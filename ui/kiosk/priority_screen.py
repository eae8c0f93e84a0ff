"""Priority: the commune's priority groups with pictures, and the rule that is applied."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.config import PriorityGroupConfig
from ui.i18n import I18n, translate
from ui.kiosk.pictures import group_picture
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid
from ui.widgets.buttons import back_button
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label


class PriorityScreen(Screen):
    """One decision: which group, if any. The rule is shown so nobody feels cheated.

    Signals:
        group_chosen(str): the code of the group tapped.
        back_clicked: the visitor is not in a group (or changed their mind).
    """

    group_chosen = Signal(str)
    back_clicked = Signal()

    def __init__(
        self,
        *,
        i18n: I18n,
        groups: Sequence[PriorityGroupConfig],
        rule: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._groups = list(groups)
        self._rule = rule
        self.title = text_label("title")
        self.rule_panel = QFrame()
        self.rule_panel.setProperty("panel", "priority_soft")
        self.rule_heading = text_label("info")
        self.rule_text = text_label("body")
        panel_layout = QVBoxLayout(self.rule_panel)
        panel_layout.addWidget(self.rule_heading)
        panel_layout.addWidget(self.rule_text)
        self._panel_layout = panel_layout
        self.group_buttons: dict[str, PictureButton] = {}
        for group in self._groups:
            button = PictureButton(kind="picture", tone="neutral")
            button.set_icon_name(group_picture(group.code), size_token="list_icon")
            button.setProperty("group", group.code)
            button.clicked.connect(self._on_group_clicked)
            self.group_buttons[group.code] = button
        self.grid = ButtonGrid()
        self.grid.set_buttons(list(self.group_buttons.values()), columns=2)
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.rule_panel)
        self._layout.addWidget(self.grid, 1)
        self._layout.addWidget(self.back)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self._panel_layout.setContentsMargins(spacing, spacing, spacing, spacing)
        self.grid.set_spacing(spacing)
        count = len(self.group_buttons)
        self.grid.set_columns(1 if theme.portrait else 3 if count > 4 else 2)
        for button in self.group_buttons.values():
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("PriorityScreen", "Bạn thuộc nhóm ưu tiên nào?"))
        self.rule_heading.setText(translate("PriorityScreen", "Cách gọi số ưu tiên"))
        self.rule_text.setText(self._i18n.pick(self._rule))
        self.back.setText(translate("PriorityScreen", "‹ Không thuộc nhóm nào, quay lại"))
        for group in self._groups:
            self.group_buttons[group.code].set_label(self._i18n.text(group.name))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_group_clicked(self) -> None:
        self.group_chosen.emit(str(self.sender().property("group")))
