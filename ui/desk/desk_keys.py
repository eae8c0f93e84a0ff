"""The desk's keyboard: F-keys for the frequent actions, so typing into a field never fires one.

Desk PCs have keyboards and clerks type faster than they tap. Each key is shown on its button
(``KeyCaption``); a key does what a tap on that button would, and nothing while it is off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

# Current-ticket action -> its key (``current_panel.ACTIONS`` names the actions).
ACTION_KEYS: dict[str, Qt.Key] = {
    "call_next": Qt.Key.Key_F2,
    "recall": Qt.Key.Key_F3,
    "no_show": Qt.Key.Key_F4,
    "finish": Qt.Key.Key_F5,
}
UNDO_KEY = Qt.Key.Key_F6
ENTER_KEYS = (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter))


def key_name(key: Qt.Key) -> str:
    """The key as printed on the keyboard ("F2")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
