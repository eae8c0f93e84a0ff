"""A strip with one sentence and an "understood" button that hides it (the demo's exit hint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.screen import text_label


class HintBanner(QFrame):
    """A soft-coloured strip: the sentence ``text()`` gives, and a button that dismisses it.

    ``text`` is called again on ``retranslate`` (a language change).

    Signals:
        dismissed: the button was tapped; the banner is hidden.
    """

    dismissed = Signal()

    def __init__(self, text: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HintBanner")
        self.setProperty("panel", "priority_soft")
        self._text = text
        self.was_dismissed = False
        self.text = text_label("body")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.close_button = action_button("neutral")
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self._layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        """The sentence and the button in the current language."""
        self.text.setText(self._text())
        self.close_button.setText(translate("HintBanner", "Đã hiểu"))

    def apply_theme(self, theme: Theme) -> None:
        """Padding and a button no smaller than a finger."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._layout.setSpacing(pad)
        self.close_button.setMinimumSize(theme.min_target_px * 2, theme.min_target_px)

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.was_dismissed = True
        self.hide()
        self.dismissed.emit()
