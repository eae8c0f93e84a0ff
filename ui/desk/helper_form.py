"""The roster's form: a helper's name, kind, role and affiliation, with save, deactivate, PIN."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.enums import HELPER_ROLE_LABELS, HelperKind, HelperRole
from kiosk.domain.views import HelperView
from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.screen import text_label


@dataclass(frozen=True, slots=True)
class HelperFields:
    """What the form edits."""

    name: str
    kind: HelperKind
    role: HelperRole
    affiliation: str


class HelperForm(QWidget):
    """Edits one helper (or a new one); the owner saves what ``fields`` returns.

    Signals:
        save_clicked: save the form.
        active_clicked: deactivate (or reactivate) the helper shown.
        pin_clicked: set or reset the PIN of the staff member shown.
    """

    save_clicked = Signal()
    active_clicked = Signal()
    pin_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._helper: HelperView | None = None
        self.title = text_label("heading")
        self.status = text_label("muted")
        self.name_title, self.kind_title, self.role_title, self.affiliation_title = (
            text_label("body") for _ in range(4)
        )
        self.name = QLineEdit()
        self.kind = ChoiceGrid(multiple=False, allow_none=False, columns=2)
        self.role = ChoiceGrid(multiple=False, allow_none=False, columns=3)
        self.affiliation = QLineEdit()
        self.save, self.active, self.pin = (
            action_button("help"),
            action_button("neutral"),
            action_button("neutral"),
        )
        self.save.clicked.connect(self.save_clicked)
        self.active.clicked.connect(self.active_clicked)
        self.pin.clicked.connect(self.pin_clicked)
        self.kind.selection_changed.connect(self._on_kind_selection_changed)
        self.name.textChanged.connect(self._on_name_text_changed)
        buttons = QHBoxLayout()
        for button in (self.save, self.pin, self.active):
            buttons.addWidget(button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.title,
            self.status,
            self.name_title,
            self.name,
            self.kind_title,
            self.kind,
            self.role_title,
            self.role,
            self.affiliation_title,
            self.affiliation,
        ):
            self._layout.addWidget(widget)
        self._layout.addStretch(1)
        self._layout.addLayout(buttons)
        self._buttons = buttons
        self.retranslate()
        self.edit(None)

    def edit(self, helper: HelperView | None) -> None:
        """Show a helper to change, or an empty form for a new one."""
        self._helper = helper
        self.name.setText(helper.name if helper else "")
        self.affiliation.setText(helper.affiliation if helper else "")
        self.kind.set_selected([(helper.kind if helper else HelperKind.VOLUNTEER).value])
        self.role.set_selected([(helper.role if helper else HelperRole.DIGITAL_TEAM).value])
        self.retranslate()

    def helper(self) -> HelperView | None:
        """The helper being changed (None for a new one)."""
        return self._helper

    def fields(self) -> HelperFields:
        """The form's values."""
        kind = self.kind.selected() or [HelperKind.VOLUNTEER.value]
        role = self.role.selected() or [HelperRole.OTHER_VOLUNTEER.value]
        return HelperFields(
            name=self.name.text().strip(),
            kind=HelperKind(kind[0]),
            role=HelperRole(role[0]),
            affiliation=self.affiliation.text().strip(),
        )

    def _update_buttons(self) -> None:
        helper = self._helper
        staff = self.kind.selected() == [HelperKind.STAFF.value]
        self.save.setEnabled(bool(self.name.text().strip()))
        self.active.setVisible(helper is not None)
        self.pin.setVisible(helper is not None and helper.kind is HelperKind.STAFF and staff)

    def apply_theme(self, theme: Theme) -> None:
        """Spacing for the theme."""
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setSpacing(spacing // 2)
        self._buttons.setSpacing(spacing // 2)
        self.kind.apply_theme(theme)
        self.role.apply_theme(theme)

    def retranslate(self) -> None:
        """Texts in the current language."""
        helper = self._helper
        if helper is None:
            self.title.setText(translate("HelperForm", "Thêm người hỗ trợ mới"))
            self.status.setText("")
        else:
            self.title.setText(
                translate("HelperForm", "Sửa thông tin: {name}").format(name=helper.name)
            )
            state = (
                translate("HelperForm", "Đang hoạt động")
                if helper.active
                else translate("HelperForm", "Đã ngừng hoạt động")
            )
            if helper.kind is HelperKind.STAFF:
                pin = (
                    translate("HelperForm", "có mã PIN")
                    if helper.has_pin
                    else translate("HelperForm", "chưa có mã PIN")
                )
                state = f"{state} · {pin}"
            self.status.setText(state)
        self.name_title.setText(translate("HelperForm", "Họ và tên"))
        self.kind_title.setText(translate("HelperForm", "Loại"))
        self.role_title.setText(translate("HelperForm", "Vai trò"))
        self.affiliation_title.setText(translate("HelperForm", "Đơn vị, thôn hoặc trường"))
        self.kind.set_choices(
            [
                (HelperKind.STAFF.value, translate("HelperForm", "Cán bộ (đăng nhập bằng PIN)")),
                (HelperKind.VOLUNTEER.value, translate("HelperForm", "Tình nguyện viên")),
            ]
        )
        self.role.set_choices(
            [(r.value, self._i18n.pick(HELPER_ROLE_LABELS[r])) for r in HelperRole]
        )
        self.save.setText(translate("HelperForm", "Lưu"))
        self.pin.setText(translate("HelperForm", "Đặt mã PIN…"))
        self.active.setText(
            translate("HelperForm", "Kích hoạt lại")
            if helper is not None and not helper.active
            else translate("HelperForm", "Ngừng hoạt động")
        )
        self._update_buttons()

    @Slot(list)
    def _on_kind_selection_changed(self, _selected: list[str]) -> None:
        self._update_buttons()

    @Slot(str)
    def _on_name_text_changed(self, _text: str) -> None:
        self._update_buttons()
