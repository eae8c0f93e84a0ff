"""Big toggle buttons in a grid: pick one (a procedure, a role) or several (outcomes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.theme import Theme
from ui.widgets.packed_grid import retire
from ui.widgets.picture_button import PictureButton
from ui.widgets.style import set_style


class ChoiceButton(PictureButton):
    """A checkable picture button that mirrors its state in the ``on`` style property.

    WORKAROUND: Qt style sheets ignore pseudo-states such as ``:checked`` on the ancestor part
    of a selector, so the words inside could not change colour with ``:checked`` alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(kind="choice", tone="neutral", parent=parent)
        self.setCheckable(True)
        self.setProperty("on", False)
        self.toggled.connect(self._on_self_toggled)

    @Slot(bool)
    def _on_self_toggled(self, checked: bool) -> None:
        set_style(self, on=checked)


class ChoiceGrid(QWidget):
    """Checkable buttons whose words wrap; single choice may be tapped off again if allowed.

    Signals:
        selection_changed(list): a tap changed the selection (the selected keys, in order).
    """

    selection_changed = Signal(list)

    def __init__(
        self,
        *,
        multiple: bool,
        allow_none: bool = True,
        columns: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._multiple = multiple
        self._allow_none = allow_none
        self._columns = max(1, columns)
        self._buttons: dict[str, ChoiceButton] = {}
        self._theme: Theme | None = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """The keys and their words; keys still offered stay selected, others are dropped."""
        keys = [key for key, _text in choices]
        if keys != list(self._buttons):
            self._rebuild(keys)
        for key, text in choices:
            self._buttons[key].set_label(text)

    def _rebuild(self, keys: list[str]) -> None:
        selected = set(self.selected())
        for button in self._buttons.values():
            self._grid.removeWidget(button)
            retire(button)
        self._buttons = {}
        for index, key in enumerate(keys):
            button = ChoiceButton()
            button.setChecked(key in selected)
            button.setProperty("choice", key)
            button.clicked.connect(self._on_button_clicked)
            if self._theme is not None:
                button.apply_theme(self._theme)
            self._buttons[key] = button
            self._grid.addWidget(button, index // self._columns, index % self._columns)
        for column in range(self._columns):
            self._grid.setColumnStretch(column, 1)

    def set_selected(self, keys: Iterable[str]) -> None:
        """Select these keys (unknown ones are ignored); no signal."""
        wanted = set(keys)
        for key, button in self._buttons.items():
            button.setChecked(key in wanted)

    def selected(self) -> list[str]:
        """The selected keys in the order they are shown."""
        return [key for key, button in self._buttons.items() if button.isChecked()]

    def button(self, key: str) -> ChoiceButton:
        """The button of a key (tests tap it)."""
        return self._buttons[key]

    def keys(self) -> list[str]:
        """Every key offered, in order."""
        return list(self._buttons)

    def apply_theme(self, theme: Theme) -> None:
        """Spacing and button sizes for the theme."""
        self._theme = theme
        spacing = theme.px(theme.sizes.spacing) // 2
        self._grid.setSpacing(spacing)
        for button in self._buttons.values():
            button.apply_theme(theme)

    @Slot()
    def _on_button_clicked(self) -> None:
        sender = self.sender()
        assert isinstance(sender, ChoiceButton)
        key = str(sender.property("choice"))
        if not self._multiple:
            if sender.isChecked():
                for other_key, other in self._buttons.items():
                    if other_key != key:
                        other.setChecked(False)
            elif not self._allow_none:
                sender.setChecked(True)
                return
        self.selection_changed.emit(self.selected())
