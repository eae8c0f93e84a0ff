"""The big word buttons every program uses: "back" at the bottom of a screen, and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


def back_button(parent: QWidget | None = None) -> QPushButton:
    """The big "back" button at the bottom of a screen."""
    button = QPushButton(parent)
    button.setProperty("kind", "back")
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    return button


def action_button(tone: str, parent: QWidget | None = None) -> QPushButton:
    """A big word button (``kind=action``) in a tone."""
    button = QPushButton(parent)
    button.setProperty("kind", "action")
    button.setProperty("tone", tone)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button
