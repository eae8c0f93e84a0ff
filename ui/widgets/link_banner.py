"""Banners of the database's state: unreachable (staff banner, TV mark) and busy (staff strip)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.error_texts import busy_retrying_text, link_down_text
from ui.theme import Theme
from ui.widgets.screen import plain_label


class _StateStrip(QFrame):
    """A full-width strip of one sentence, shown only while its state holds."""

    def __init__(
        self, *, name: str, panel: str, words: Callable[[], str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("panel", panel)
        self._words = words
        self.text = plain_label()
        self.text.setProperty("textStyle", "body")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self.hide()

    def _show_while(self, state: bool) -> None:
        self.retranslate()
        self.setVisible(state)

    def retranslate(self) -> None:
        """The words in the current language."""
        self.text.setText(self._words())

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 3, pad, pad // 3)


class LinkBanner(_StateStrip):
    """A red strip, "Mất kết nối máy chủ, đang thử lại…", shown only while the link is down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(name="LinkBanner", panel="danger", words=link_down_text, parent=parent)

    def set_link_up(self, up: bool) -> None:
        """Hide the banner when the database answers, show it when it does not."""
        self._show_while(not up)


class BusyBanner(_StateStrip):
    """A soft strip, "Đang bận, đang thử lại…", while an action waits for the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            name="BusyBanner", panel="priority_soft", words=busy_retrying_text, parent=parent
        )

    def set_busy(self, busy: bool) -> None:
        """Show the strip while busy."""
        self._show_while(busy)


class LinkMark(QLabel):
    """A small mark in a corner of a screen nobody operates (the TV, the rating tablet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LinkMark")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._up = True

    def set_link_up(self, up: bool) -> None:
        """Empty while the database answers; a short warning when it does not."""
        self._up = up
        self.retranslate()

    def is_link_up(self) -> bool:
        """What the mark says (tests, probes)."""
        return self._up

    def retranslate(self) -> None:
        """The words in the current language."""
        # No warning sign: the shipped font has none, and the colour says it already.
        self.setText("" if self._up else link_down_text())
