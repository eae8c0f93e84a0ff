"""The manager's door: pick your name, type your PIN; only managers pass."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QFrame, QVBoxLayout, QWidget

from kiosk.domain.views import HelperView
from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.keypad import PinKeypad
from ui.widgets.packed_grid import PackedGrid
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label


class ManagerGateScreen(Screen):
    """Names (packed at the top, as on the desk) with the PIN keypad beside them, or under them.

    A portrait screen has the keypad under the names, where the name fits one line.

    A refusal shows here, not in a dialog.

    Signals:
        pin_submitted(int, str): a helper id and the PIN typed for them.
    """

    pin_submitted = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: int | None = None
        self._managers: list[HelperView] = []
        self.title = text_label("title")
        self.hint = text_label("body")
        self.grid = PackedGrid()
        self.name_buttons: dict[int, PictureButton] = {}
        self.keypad = PinKeypad()
        self.keypad.submitted.connect(self._on_keypad_submitted)
        self.message_panel = QFrame()
        self.message_panel.setProperty("panel", "danger_soft")
        self.message = text_label("body", parent=self.message_panel)
        QVBoxLayout(self.message_panel).addWidget(self.message)
        self.message_panel.hide()
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.hint)
        left.addWidget(self.grid, 1)
        left.addWidget(self.message_panel)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.addLayout(left, 1)
        self._layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignCenter)
        self.keypad.set_locked(True)
        self.retranslate()

    def set_managers(self, managers: Sequence[HelperView]) -> None:
        """The managers who may sign in."""
        self._managers = list(managers)
        buttons = []
        for helper in self._managers:
            button = PictureButton(kind="picture", tone="neutral")
            button.set_label(helper.name)
            button.set_icon_name("person", size_token="small_icon")
            button.setProperty("helper", helper.id)
            button.setCheckable(True)
            button.clicked.connect(self._on_name_clicked)
            buttons.append(button)
        self.name_buttons = {h.id: b for h, b in zip(self._managers, buttons, strict=True)}
        self.grid.set_buttons(buttons, columns=1)
        if self.theme is not None:
            for button in buttons:
                button.apply_theme(self.theme)
        if self._chosen in self.name_buttons:  # a roster change while a PIN is being typed
            self.name_buttons[self._chosen].setChecked(True)
            self.name_buttons[self._chosen].set_tone("primary")
        else:
            self._chosen = None
            self.keypad.clear()
            self.keypad.set_locked(True)
        self.retranslate()

    def choose(self, helper_id: int) -> None:
        """Pick a name (as a tap would); the keypad opens for their PIN."""
        self._chosen = helper_id
        for key, button in self.name_buttons.items():
            button.setChecked(key == helper_id)
            button.set_tone("primary" if key == helper_id else "neutral")
        self.keypad.clear()
        self.keypad.set_locked(False)
        self.show_refusal("")

    def show_refusal(self, text: str) -> None:
        """Why the PIN did not open the summary; empty hides it. The keypad is cleared."""
        self.message.setText(text)
        self.message_panel.setVisible(bool(text))
        self.keypad.clear()
        self.keypad.set_locked(self._chosen is None)

    def set_checking(self) -> None:
        """While the PIN is checked."""
        self.keypad.set_locked(True)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(margin)
        down, across = QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight
        self._layout.setDirection(down if theme.portrait else across)
        self.grid.set_spacing(spacing // 2)
        self.keypad.set_key_size(max(theme.min_target_px, theme.px(theme.sizes.key)), spacing // 2)
        for button in self.name_buttons.values():
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("ManagerGateScreen", "Báo cáo tổng hợp"))
        if not self._managers:
            hint = translate(
                "ManagerGateScreen", "Chưa có lãnh đạo nào có mã PIN. Xin nhờ quản trị thêm."
            )
        else:
            hint = translate("ManagerGateScreen", "Chọn tên của bạn, rồi nhập mã PIN.")
        self.hint.setText(hint)
        self.keypad.set_key_texts(
            delete=translate("ManagerGateScreen", "Xóa"), ok=translate("ManagerGateScreen", "OK")
        )

    @Slot()
    def _on_name_clicked(self) -> None:
        self.choose(int(self.sender().property("helper")))

    @Slot(str)
    def _on_keypad_submitted(self, pin: str) -> None:
        if self._chosen is not None:
            self.pin_submitted.emit(self._chosen, pin)
