"""The band across the top of every visitor screen: where you are, the time, and two toggles."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
from ui.widgets.screen import plain_label


class _Clock(QLabel):
    """The time and the date, on as few lines as the row has room for.

    "Wednesday 25/11/2026" beside two toggles is wider than a portrait screen: the date breaks
    after the weekday rather than widening the window past the screen. A word-wrapped QLabel
    asks for a quarter of 80 characters when its text is short (Qt's heuristic), which would
    break the date on a landscape screen with room to spare: this one asks for its lines whole.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)  # as plain_label: never HTML
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        hint = super().sizeHint()
        whole = self.fontMetrics().size(0, self.text())  # only its own line breaks
        margins = self.contentsMargins()
        width = whole.width() + margins.left() + margins.right() + 2 * self.margin()
        return QSize(max(hint.width(), width), hint.height())


class HeaderBar(QWidget):
    """Desk and commune name, date and time, the language toggle and the large-text toggle.

    Signals:
        language_clicked: the language toggle was tapped.
        large_text_toggled(bool): the large-text toggle was tapped (its new state).
        resized: the band's size changed (a date wrapping to a third line makes it taller).
    """

    language_clicked = Signal()
    large_text_toggled = Signal(bool)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HeaderBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.place = plain_label()  # the commune's name, from its config
        self.place.setProperty("textStyle", "title")
        self.sub_place = plain_label()
        self.sub_place.setProperty("textStyle", "small")
        self.clock = _Clock()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.large_text_button = QPushButton()
        self.large_text_button.setCheckable(True)
        self.language_button = QPushButton()
        for button in (self.large_text_button, self.language_button):
            button.setProperty("kind", "toggle")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.large_text_button.toggled.connect(self.large_text_toggled)
        self.language_button.clicked.connect(self.language_clicked)
        self.place.setWordWrap(True)
        self._names = QWidget()
        names = QVBoxLayout(self._names)
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(0)
        names.addStretch(1)
        names.addWidget(self.place)
        names.addWidget(self.sub_place)
        names.addStretch(1)
        self._grid = QGridLayout(self)
        self._portrait: bool | None = None
        self._clock_parts = ("", "")
        self._arrange(portrait=False)

    def _arrange(self, *, portrait: bool) -> None:
        # Landscape: one row. Portrait: names on top, clock and toggles under them.
        if portrait == self._portrait:
            return
        self._portrait = portrait
        self.set_clock(*self._clock_parts)
        for widget in (self._names, self.clock, self.large_text_button, self.language_button):
            self._grid.removeWidget(widget)
        if portrait:
            self._grid.addWidget(self._names, 0, 0, 1, 3)
            self._grid.addWidget(self.clock, 1, 0)
            self._grid.addWidget(self.large_text_button, 1, 1)
            self._grid.addWidget(self.language_button, 1, 2)
            self._grid.setColumnStretch(0, 1)
            self.clock.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self._grid.addWidget(self._names, 0, 0)
            self._grid.addWidget(self.clock, 0, 1)
            self._grid.addWidget(self.large_text_button, 0, 2)
            self._grid.addWidget(self.language_button, 0, 3)
            self._grid.setColumnStretch(0, 1)
            self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def set_place(self, name: str, detail: str) -> None:
        """The desk's name and the commune line under it (hidden when empty)."""
        self.place.setText(name)
        self.sub_place.setText(detail)
        self.sub_place.setVisible(bool(detail))

    def set_clock(self, time_text: str, date_text: str) -> None:
        """The time and the date (on one line, or two when the screen is portrait)."""
        self._clock_parts = (time_text, date_text)
        separator = "\n" if self._portrait else "   "
        text = separator.join(self._clock_parts)
        if self.clock.text() != text:
            self.clock.setText(text)

    def set_toggle_texts(self, *, language: str, large_text: str) -> None:
        """Words on the toggles (the language toggle names the other language)."""
        # A space between picture and words: QPushButton has no stylable icon spacing.
        self.language_button.setText(f" {language}")
        self.large_text_button.setText(f" {large_text}")
        self._keep_toggles_whole()

    def _keep_toggles_whole(self) -> None:
        # A layout short of room squeezes buttons below their size hint, cutting their words;
        # the place name, which wraps, gives way instead.
        for button in (self.language_button, self.large_text_button):
            button.ensurePolished()
            button.setMinimumWidth(button.sizeHint().width())

    def set_large_text(self, on: bool) -> None:
        """Show the large-text state without emitting ``large_text_toggled``."""
        blocked = self.large_text_button.blockSignals(True)
        self.large_text_button.setChecked(on)
        self.large_text_button.blockSignals(blocked)

    def apply_theme(
        self, theme: Theme, *, corner_reserve_left: int, corner_reserve_right: int
    ) -> None:
        """Sizes for the theme; the reserves keep toggles out of the hidden exit corner."""
        pad = theme.px(theme.sizes.spacing)
        self._arrange(portrait=theme.portrait)
        self._grid.setContentsMargins(
            max(pad, corner_reserve_left), pad // 2, max(pad, corner_reserve_right), pad // 2
        )
        self._grid.setHorizontalSpacing(pad)
        self._grid.setVerticalSpacing(pad // 2)
        self.setMinimumHeight(theme.px(theme.sizes.header_height))
        side = theme.px(theme.sizes.small_icon)
        off_ink = theme.colors.text_pairs()["header"][0]
        on_ink = theme.colors.text_pairs()["header_checked"][0]
        dpr = self.devicePixelRatioF()
        for button, name in (
            (self.language_button, "globe"),
            (self.large_text_button, "text_size"),
        ):
            icon = QIcon()
            icon.addPixmap(
                icon_pixmap(name, side, off_ink, dpr), QIcon.Mode.Normal, QIcon.State.Off
            )
            icon.addPixmap(icon_pixmap(name, side, on_ink, dpr), QIcon.Mode.Normal, QIcon.State.On)
            button.setIcon(icon)
            button.setIconSize(QSize(side, side))
        self._keep_toggles_whole()
