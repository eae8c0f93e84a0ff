"""Sign-in, step one: staff pick their own name from big buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.views import HelperView
from ui.i18n import I18n, translate
from ui.staff.texts import role_text
from ui.theme import Theme
from ui.widgets.packed_grid import PackedGrid
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label


class StaffScreen(Screen):
    """The staff who can sign in, by name; a tap leads to the PIN keypad.

    Signals:
        staff_chosen(int): a name was tapped (the helper's id).
    """

    staff_chosen = Signal(int)

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._staff: list[HelperView] = []
        self.title = text_label("title")
        self.hint = text_label("muted")
        self.grid = PackedGrid()
        self.buttons: dict[int, PictureButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(self.grid, 1)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_staff(self, staff: Sequence[HelperView]) -> None:
        """The names to offer (active staff with a PIN)."""
        self._staff = list(staff)
        self.buttons = {}
        for helper in self._staff:
            button = PictureButton(kind="picture", tone="neutral")
            button.setProperty("helper_id", helper.id)
            button.clicked.connect(self._on_button_clicked)
            if self.theme is not None:
                button.apply_theme(self.theme)
            self.buttons[helper.id] = button
        self.grid.set_buttons(list(self.buttons.values()), columns=self._columns())
        self.retranslate()

    def _columns(self) -> int:
        return 2 if self.theme is None or self.theme.width_px < 1600 else 3

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self.grid.set_spacing(spacing)
        for button in self.buttons.values():
            button.apply_theme(theme)
        self.grid.set_columns(self._columns())

    def retranslate(self) -> None:
        self.title.setText(translate("StaffScreen", "Đăng nhập quầy: chọn tên của bạn"))
        if self._staff:
            hint = translate("StaffScreen", "Sau đó nhập mã PIN của bạn.")
        else:
            hint = translate(
                "StaffScreen",
                "Chưa có cán bộ nào có mã PIN. Lãnh đạo thêm cán bộ bằng lệnh "
                "`kiosk helpers add` hoặc trong Danh sách người hỗ trợ.",
            )
        self.hint.setText(hint)
        for helper in self._staff:
            button = self.buttons[helper.id]
            button.set_label(helper.name)
            button.set_caption(role_text(helper, self._i18n))

    @Slot()
    def _on_button_clicked(self) -> None:
        self.staff_chosen.emit(int(self.sender().property("helper_id")))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
