"""One step of the village form: a question, big choices, and at most two buttons at the bottom.

Every step of the village program is this screen (who helped, what was needed, what came of
it, age band, sex, the members of a session, ending a session): one decision per screen, the
same place for "back" and "next" on each.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.buttons import action_button, back_button
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.message_bar import MessageBar
from ui.widgets.packed_grid import scroll_column
from ui.widgets.screen import Screen, set_page_margins, text_label
from ui.widgets.style import set_style


class StepScreen(Screen):
    """A title, a hint, a grid of choices, a message bar, "back" and an optional "next".

    With ``advance_on_tap`` (single choice) a tap on a choice is the decision: ``picked`` fires
    and the flow moves on; otherwise the choices toggle and "next" confirms them.

    Signals:
        picked(list): the selection changed (the selected keys, in order shown).
        next_clicked: the "next" button was tapped.
        back_clicked: the "back" button was tapped.
    """

    picked = Signal(list)
    next_clicked = Signal()
    back_clicked = Signal()

    def __init__(
        self,
        *,
        multiple: bool,
        columns: int = 2,
        advance_on_tap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.advance_on_tap = advance_on_tap
        self.title = text_label("title")
        self.hint = text_label("muted")
        self.grid = ChoiceGrid(multiple=multiple, allow_none=True, columns=columns)
        self.message = MessageBar()
        self.back: QPushButton = back_button()
        self.next: QPushButton = action_button("help")
        # "Back" keeps its third of the row on steps without "next": a full-width "back" right
        # under the choices would be tapped by mistake.
        policy = self.next.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.next.setSizePolicy(policy)
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back, 1)
        bottom.addWidget(self.next, 2)
        self._bottom = bottom
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.hint)
        self.scroll_area = scroll_column(self._column)
        self._layout.addWidget(self.scroll_area, 1)
        self._layout.addWidget(self.message)
        self._layout.addLayout(bottom)
        self.grid.selection_changed.connect(self._on_grid_selection_changed)
        self.back.clicked.connect(self.back_clicked)
        self.next.clicked.connect(self.next_clicked)

    def set_texts(self, *, title: str, hint: str, back: str, next_text: str = "") -> None:
        """The question, a line under it, and the buttons' words (no "next" when empty)."""
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.back.setText(back)
        self.next.setText(next_text)
        self.next.setVisible(bool(next_text))

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """The keys and their words."""
        self.grid.set_choices(choices)
        if self._theme is not None:
            self.grid.apply_theme(self._theme)

    def set_selected(self, keys: Sequence[str]) -> None:
        """Select these keys (no signal)."""
        self.grid.set_selected(keys)

    def selected(self) -> list[str]:
        """The selected keys, in the order shown."""
        return self.grid.selected()

    def set_captions(self, captions: dict[str, str]) -> None:
        """Small words under some choices (a helper's role, "lead")."""
        offered = set(self.grid.keys())
        for key, text in captions.items():
            if key in offered:
                self.grid.button(key).set_caption(text)

    def set_next_tone(self, tone: str) -> None:
        """The colour of "next": green to go on, neutral for "skip"."""
        set_style(self.next, tone=tone)

    def set_next_enabled(self, enabled: bool) -> None:
        """Grey "next" out until the step has what it needs."""
        self.next.setEnabled(enabled)

    def apply_theme(self, theme: Theme) -> None:
        """Margins, spacing and button sizes for the theme."""
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self._bottom.setSpacing(spacing)
        self.grid.apply_theme(theme)
        self.message.apply_theme(theme)
        height = theme.min_target_px + theme.px(theme.sizes.spacing)
        for button in (self.back, self.next):
            button.setMinimumHeight(height)

    @Slot(list)
    def _on_grid_selection_changed(self, keys: list[str]) -> None:
        self.message.clear()
        self.picked.emit(keys)
