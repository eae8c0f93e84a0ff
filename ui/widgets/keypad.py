"""A big numeric keypad for staff PINs: digits shown as dots, a delete key and an OK key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets.screen import plain_label

DOT = "•"  # in the shipped font (U+25CF BLACK CIRCLE is not)
# Keyboard keys -> the on-screen key they press (desk PCs have keyboards).
TYPED_KEYS: dict[int, str] = {
    **{int(Qt.Key.Key_0) + digit: str(digit) for digit in range(10)},
    int(Qt.Key.Key_Backspace): "delete",
    int(Qt.Key.Key_Return): "ok",
    int(Qt.Key.Key_Enter): "ok",
}


class PinKeypad(QWidget):
    """Digits 0-9 in the phone layout, delete and OK; the typed PIN never appears on screen.

    Signals:
        submitted(str): OK was pressed with at least ``min_digits`` digits.
    """

    submitted = Signal(str)

    def __init__(
        self, *, min_digits: int = 4, max_digits: int = 8, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._min = min_digits
        self._max = max_digits
        self._digits = ""
        self.display = plain_label()
        self.display.setObjectName("PinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        layout = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]
        for index, name in enumerate(layout):
            key = QPushButton(name if name.isdigit() else "")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setProperty("kind", "key")
            key.setProperty("tone", {"ok": "help", "delete": "neutral"}.get(name, "neutral"))
            key.clicked.connect(self._on_key_clicked)
            key.setProperty("key", name)
            key.setProperty("word", name == "delete")
            self.keys[name] = key
            grid.addWidget(key, index // 3, index % 3)
        self._grid = grid
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.addWidget(self.display)
        self._outer.addLayout(grid)
        self._refresh()

    def set_key_texts(self, *, delete: str, ok: str) -> None:
        """The words on the delete and OK keys (translated by the owner)."""
        self.keys["delete"].setText(delete)
        self.keys["ok"].setText(ok)

    def set_key_size(self, key_px: int, spacing_px: int) -> None:
        """Square keys of ``key_px`` with ``spacing_px`` between; the keypad sizes itself."""
        self._grid.setSpacing(spacing_px)
        self._outer.setSpacing(spacing_px)
        for key in self.keys.values():
            key.setFixedSize(key_px, key_px)
        display_px = round(key_px * 0.75)
        self.display.setFixedHeight(display_px)
        self.setFixedSize(3 * key_px + 2 * spacing_px, display_px + 4 * key_px + 4 * spacing_px)

    def digits(self) -> str:
        """The digits typed so far."""
        return self._digits

    def clear(self) -> None:
        """Forget the typed digits."""
        self._digits = ""
        self._refresh()

    def set_locked(self, locked: bool) -> None:
        """Disable every key (while a PIN is checked, or after too many wrong ones)."""
        for key in self.keys.values():
            key.setEnabled(not locked)
        if not locked:
            self._refresh()

    def type_key(self, key: int) -> bool:
        """A key typed on a keyboard: digits, Backspace, Enter; True when it was used.

        It goes through the on-screen key, so a locked keypad ignores typing too.
        """
        name = TYPED_KEYS.get(key)
        if name is None:
            return False
        if self.keys[name].isEnabled():
            self.press(name)
        return True

    def press(self, name: str) -> None:
        """Press a key by name (``0``-``9``, ``delete``, ``ok``), as a tap would."""
        self.keys[name].click()

    @Slot()
    def _on_key_clicked(self) -> None:
        name = str(self.sender().property("key"))
        if name == "delete":
            self._digits = self._digits[:-1]
        elif name == "ok":
            if len(self._digits) >= self._min:
                self.submitted.emit(self._digits)
            return
        elif len(self._digits) < self._max:
            self._digits += name
        self._refresh()

    def _refresh(self) -> None:
        shown = " ".join(DOT for _ in self._digits)
        self.display.setText(shown or " ")
        self.keys["ok"].setEnabled(len(self._digits) >= self._min)
        self.keys["delete"].setEnabled(bool(self._digits))
