"""The helper roster for managers: everyone who helps, with a form to add, edit, deactivate."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.views import HelperView
from ui.desk.helper_form import HelperForm
from ui.i18n import I18n, translate
from ui.staff.texts import SEPARATOR, role_text
from ui.theme import Theme
from ui.widgets.buttons import back_button
from ui.widgets.keypad import PinKeypad
from ui.widgets.message_bar import MessageBar
from ui.widgets.overlay import Overlay
from ui.widgets.packed_grid import PackedGrid, scroll_column
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label


class PinOverlay(Overlay):
    """A keypad to give a staff member a new PIN.

    Signals:
        pin_submitted(str): OK on a PIN of 4 to 8 digits.
    """

    pin_submitted = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = text_label("title")
        self.keypad = PinKeypad()
        self.keypad.submitted.connect(self.pin_submitted)
        self.cancel: QPushButton = back_button()
        self.cancel.clicked.connect(self.close_overlay)
        self.panel_layout.addWidget(self.title)
        self.panel_layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.panel_layout.addWidget(self.cancel)

    def ask(self, name: str) -> None:
        """Open for a staff member."""
        self.title.setText(translate("PinOverlay", "Mã PIN mới cho {name}").format(name=name))
        self.cancel.setText(translate("PinOverlay", "Huỷ"))
        self.keypad.set_key_texts(
            delete=translate("PinOverlay", "Xoá"), ok=translate("PinOverlay", "OK")
        )
        self.keypad.clear()
        self.open()

    def apply_theme(self, theme: Theme) -> None:
        """Keys and panel for the theme."""
        spacing = theme.px(theme.sizes.spacing)
        self.set_margins(theme.px(theme.sizes.margin), spacing)
        self.keypad.set_key_size(max(theme.px(theme.sizes.key), theme.min_target_px), spacing // 2)
        self.set_panel_width(
            max(self.keypad.width() + 2 * theme.px(theme.sizes.margin), theme.px(760))
        )


class RosterScreen(Screen):
    """Search and list on the left, the form on the right, messages underneath.

    Signals:
        helper_chosen(int): a helper in the list was tapped (its id).
        new_clicked: start an empty form.
        search_changed(str): the search words changed.
        back_clicked: back to the queue.
    """

    helper_chosen = Signal(int)
    new_clicked = Signal()
    search_changed = Signal(str)
    back_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._helpers: list[HelperView] = []
        self.title = text_label("title", wrap=False)
        self.search = QLineEdit()
        self.search.textChanged.connect(self.search_changed)
        self.new, self.back = back_button(), back_button()
        self.new.clicked.connect(self.new_clicked)
        self.back.clicked.connect(self.back_clicked)
        self.list = PackedGrid()
        self.buttons: dict[int, PictureButton] = {}
        self.form = HelperForm(i18n=i18n)
        self.message = MessageBar()
        self.pin_overlay = PinOverlay(self)
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(self.title, 1)
        for widget in (self.search, self.new, self.back):
            top.addWidget(widget)
        form = QVBoxLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.form)
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.list, 1)
        body.addWidget(scroll_column(form), 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(body, 1)
        self._layout.addWidget(self.message)
        self._rows = (top, body)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_helpers(self, helpers: Sequence[HelperView]) -> None:
        """Everyone matching the search, active or not."""
        self._helpers = list(helpers)
        self.buttons = {}
        for helper in self._helpers:
            button = PictureButton(kind="picture", tone="neutral")
            button.setProperty("helper_id", helper.id)
            button.clicked.connect(self._on_button_clicked)
            if self.theme is not None:
                button.apply_theme(self.theme)
            self.buttons[helper.id] = button
        self.list.set_buttons(list(self.buttons.values()), columns=1)
        self._label_buttons()

    def _label_buttons(self) -> None:
        for helper in self._helpers:
            caption = role_text(helper, self._i18n)
            if not helper.active:
                caption += SEPARATOR + translate("RosterScreen", "đã ngừng")
            self.buttons[helper.id].set_label(helper.name)
            self.buttons[helper.id].set_caption(caption)

    def show_error(self, text: str) -> None:
        """A refusal from the core, in red."""
        self.message.show_message(text, tone="danger")

    def show_info(self, text: str) -> None:
        """What was saved."""
        self.message.show_message(text, tone="success")

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin, spacing = theme.px(theme.sizes.margin), theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(spacing // 2)
        for row in self._rows:
            row.setSpacing(spacing)
            # A portrait screen has no room for the list beside the form: one above the other.
            row.setDirection(
                QBoxLayout.Direction.TopToBottom
                if theme.portrait
                else QBoxLayout.Direction.LeftToRight
            )
        self.search.setFixedWidth(theme.px(420))
        self.list.set_spacing(spacing // 2)
        for button in self.buttons.values():
            button.apply_theme(theme)
        self.form.apply_theme(theme)
        self.message.apply_theme(theme)
        self.pin_overlay.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("RosterScreen", "Danh sách người hỗ trợ"))
        self.search.setPlaceholderText(translate("RosterScreen", "Tìm theo tên"))
        self.new.setText(translate("RosterScreen", "Thêm người mới"))
        self.back.setText(translate("RosterScreen", "Quay lại quầy"))
        self.form.retranslate()
        self._label_buttons()

    @Slot()
    def _on_button_clicked(self) -> None:
        self.helper_chosen.emit(int(self.sender().property("helper_id")))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
