"""The last step: what was chosen, an optional note, and the big "save" button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.village import MAX_NOTE_CHARS
from ui.theme import Theme
from ui.widgets.buttons import action_button, back_button
from ui.widgets.message_bar import MessageBar
from ui.widgets.screen import Screen, set_page_margins, text_label


class NoteScreen(Screen):
    """A summary of the visit, a note field (typing is optional) and "save".

    Signals:
        save_clicked: the volunteer saves the visit.
        back_clicked: back to the previous step.
    """

    save_clicked = Signal()
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = text_label("title")
        self.summary = text_label("body")
        self.note_title = text_label("muted")
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.message = MessageBar()
        self.back: QPushButton = back_button()
        self.save: QPushButton = action_button("help")
        self.back.clicked.connect(self.back_clicked)
        self.save.clicked.connect(self.save_clicked)
        self._bottom = QHBoxLayout()
        self._bottom.addWidget(self.back, 1)
        self._bottom.addWidget(self.save, 2)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.note_title)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)
        self._layout.addWidget(self.message)
        self._layout.addLayout(self._bottom)

    def start(self, *, summary: str) -> None:
        """A fresh note under the summary of what was chosen."""
        self.summary.setText(summary)
        self.note.clear()
        self.message.clear()
        self.set_busy(False)

    def set_texts(
        self, *, title: str, note_title: str, placeholder: str, back: str, save: str
    ) -> None:
        """Words in the current language."""
        self.title.setText(title)
        self.note_title.setText(note_title)
        self.note.setPlaceholderText(placeholder)
        self.back.setText(back)
        self.save.setText(save)

    def set_busy(self, busy: bool) -> None:
        """While saving, neither button can be tapped twice."""
        self.save.setEnabled(not busy)
        self.back.setEnabled(not busy)

    def apply_theme(self, theme: Theme) -> None:
        """Margins and button sizes for the theme."""
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self._bottom.setSpacing(spacing)
        self.message.apply_theme(theme)
        height = theme.min_target_px + theme.px(theme.sizes.spacing)
        for button in (self.back, self.save):
            button.setMinimumHeight(height)
