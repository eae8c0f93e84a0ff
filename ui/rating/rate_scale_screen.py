"""Rate: how satisfied were you? Big coloured buttons with faces, best first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.ratings import RatingLevel
from ui.i18n import I18n, translate
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid
from ui.widgets.buttons import back_button
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, set_page_margins, text_label

# Face and tone by position on the scale, best first (3 or 5 levels).
_LOOKS: dict[int, tuple[tuple[str, str], ...]] = {
    3: (("face_very_happy", "help"), ("face_happy", "primary"), ("face_sad", "danger")),
    5: (
        ("face_very_happy", "help"),
        ("face_happy", "primary"),
        ("face_neutral", "neutral"),
        ("face_sad", "danger"),
        ("face_very_sad", "danger"),
    ),
}


class RateScaleScreen(Screen):
    """One decision: how satisfied. The levels come from the configured scale.

    Signals:
        level_chosen(int): a level was tapped (its value, higher is better).
        back_clicked: the visitor wants to go back (or home, on a counter's screen).
    """

    level_chosen = Signal(int)
    back_clicked = Signal()

    def __init__(
        self, *, i18n: I18n, levels: Sequence[RatingLevel], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._levels = list(levels)
        self._subject = ""
        self.title = text_label("title")
        self.subject = text_label("info")
        self.level_buttons: dict[int, PictureButton] = {}
        looks = _LOOKS.get(len(self._levels), _LOOKS[5])
        for level, (face, tone) in zip(self._levels, looks, strict=False):
            button = PictureButton(kind="tile", tone=tone, vertical=True)
            button.set_icon_name(face, size_token="tile_icon")
            button.setProperty("level", level.value)
            button.clicked.connect(self._on_level_clicked)
            self.level_buttons[level.value] = button
        self.grid = ButtonGrid(scrolls=False)
        self.grid.set_buttons(list(self.level_buttons.values()), columns=len(self._levels))
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back, 1)
        bottom.addStretch(2)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.subject)
        self._layout.addWidget(self.grid, 1)
        self._layout.addLayout(bottom)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_subject(self, text: str) -> None:
        """What is rated, e.g. "Vé A012" or the helpers' names; hidden when empty."""
        self._subject = text
        self.subject.setText(text)
        self.subject.setVisible(bool(text))

    def set_back_text(self, text: str) -> None:
        """The words on the back button (a counter's screen says "skip")."""
        self.back.setText(text)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self.grid.set_spacing(spacing)
        count = len(self._levels)
        columns = (1 if count <= 3 else 2) if theme.portrait else count
        two_rows = not theme.portrait and theme.large_text and count > 3
        if two_rows:
            # Five large-text faces in a row leave "dissatisfied" wider than its tile: 3 + 2,
            # with smaller faces so both rows fit the screen.
            columns = 3
        self.grid.set_columns(columns)
        for button in self.level_buttons.values():
            button.set_vertical(columns > 1)
            button.set_compact(picture_px=theme.px(theme.sizes.small_icon) if two_rows else None)
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("RateScaleScreen", "Bạn có hài lòng với dịch vụ không?"))
        self.back.setText(translate("RateScaleScreen", "‹ Quay lại"))
        for level in self._levels:
            self.level_buttons[level.value].set_label(self._i18n.text(level.label))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_level_clicked(self) -> None:
        self.level_chosen.emit(int(self.sender().property("level")))
