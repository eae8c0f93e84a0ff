"""The big confirmation after a save; it goes back to the start by itself after a few seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.packed_grid import scroll_column
from ui.widgets.screen import Screen, set_page_margins, text_label

# Long enough to read "Đã lưu" and the summary; short enough for the next visitor in line.
BACK_TO_START_MS = 4000


class DoneScreen(Screen):
    """The words "Đã lưu" in large type, what was saved, and "record the next visitor".

    Signals:
        next_clicked: the volunteer taps the button, or the screen times out.
    """

    next_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("done", True)
        self.title = text_label("title")
        self.title.setObjectName("VillageDone")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = text_label("body")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next: QPushButton = action_button("primary")
        self.next.clicked.connect(self._on_next)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BACK_TO_START_MS)
        self._timer.timeout.connect(self._on_next)
        # Centred when it fits; scrolls rather than cuts when many outcomes meet large text.
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.title)
        words.addWidget(self.summary)
        words.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(scroll_column(words), 1)
        self._layout.addWidget(self.next)

    def show_saved(self, *, title: str, summary: str, next_text: str) -> None:
        """Show what was saved and start the timer back to the start."""
        self.title.setText(title)
        self.summary.setText(summary)
        self.next.setText(next_text)
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer (the program closes)."""
        self._timer.stop()

    @Slot()
    def _on_next(self) -> None:
        self._timer.stop()
        if self.isVisible():  # a timer left over from a screen already gone does nothing
            self.next_clicked.emit()

    def apply_theme(self, theme: Theme) -> None:
        """Margins and button size for the theme."""
        super().apply_theme(theme)
        set_page_margins(self._layout, theme)
        self.next.setMinimumHeight(theme.min_target_px + theme.px(theme.sizes.spacing))
