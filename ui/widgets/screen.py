"""The base of every full screen: page background, sizes from the theme, texts per language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from ui.theme import Theme


class Screen(QWidget):
    """A full screen in a stack; subclasses fill ``apply_theme`` and ``retranslate``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._theme: Theme | None = None

    @property
    def theme(self) -> Theme | None:
        """The theme last applied."""
        return self._theme

    def apply_theme(self, theme: Theme) -> None:
        """Adopt a theme's sizes (the stylesheet does colours and text sizes)."""
        self._theme = theme

    def retranslate(self) -> None:
        """Read every visible text again in the current language."""


def plain_label(parent: QWidget | None = None) -> QLabel:
    """A label that shows its text exactly as written, never as HTML.

    Texts come from guide files and the commune's config: a ``<b>`` or ``<img src=...>`` typed
    there must appear as typed, not be interpreted (QLabel's default ``Qt.AutoText`` guesses).
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def text_label(style: str, *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A plain-text label with a stylesheet text style (title, info, body, muted, small, accent)."""
    label = plain_label(parent)
    label.setProperty("textStyle", style)
    label.setWordWrap(wrap)
    return label


def set_page_margins(layout: QLayout, theme: Theme) -> int:
    """A page's outer margins (half at the top, under the header bar) and its spacing.

    Returns:
        The spacing in pixels, for the page's inner layouts.
    """
    margin = theme.px(theme.sizes.margin)
    spacing = theme.px(theme.sizes.spacing)
    layout.setContentsMargins(margin, margin // 2, margin, margin)
    layout.setSpacing(spacing)
    return spacing
