"""Banners of the database's state: unreachable (staff banner, TV mark) and busy (staff strip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.error_texts import busy_retrying_text, link_down_text
from ui.theme import Theme
from ui.widgets.screen import plain_label


class LinkBanner(QFrame):
    """A red strip, "Mất kết nối máy chủ, đang thử lại…", shown only while the link is down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LinkBanner")
        self.setProperty("panel", "danger")
        self.text = plain_label()
        self.text.setProperty("textStyle", "body")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self.hide()

    def set_link_up(self, up: bool) -> None:
        """Hide the banner when the database answers, show it when it does not."""
        self.retranslate()
        self.setVisible(not up)

    def retranslate(self) -> None:
        """The words in the current language."""
        self.text.setText(link_down_text())

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 3, pad, pad // 3)


class BusyBanner(QFrame):
    """A soft strip, "Đang bận, đang thử lại…", while an action waits for the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BusyBanner")
        self.setProperty("panel", "priority_soft")
        self.text = plain_label()
        self.text.setProperty("textStyle", "body")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self.text, 1)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        """Show the strip while busy."""
        self.retranslate()
        self.setVisible(busy)

    def retranslate(self) -> None:
        """The words in the current language."""
        self.text.setText(busy_retrying_text())

    def apply_theme(self, theme: Theme) -> None:
        """Padding for the theme."""
        pad = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(pad, pad // 3, pad, pad // 3)


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
