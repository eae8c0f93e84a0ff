"""Who helped: the chosen helpers with their part, a name search and a one-tap roster."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.theme import Theme
from ui.widgets.button_grid import make_kinetic
from ui.widgets.choice_grid import ChoiceButton
from ui.widgets.packed_grid import PackedGrid, retire
from ui.widgets.screen import text_label

SEARCH_DELAY_MS = 250
# Rows the chosen helpers' area keeps room for, so the search and the names under it never
# move when a helper is added; more than this scroll inside the area (a rare visit).
CHOSEN_ROWS = 3


@dataclass(frozen=True, slots=True)
class PickerEntry:
    """A helper as the picker shows one: name, role caption, chosen or not, lead or not."""

    helper_id: int
    name: str
    caption: str
    chosen: bool = False
    lead: bool = False


class HelperPicker(QWidget):
    """Chosen helpers on top (tap the part to switch lead/support), then search and roster.

    Signals:
        roster_tapped(int): a roster name was tapped (add it, or drop it if chosen).
        part_tapped(int): a chosen helper's part button was tapped.
        remove_tapped(int): a chosen helper's remove button was tapped.
        search_changed(str): the search words settled (a short pause after typing).
    """

    roster_tapped = Signal(int)
    part_tapped = Signal(int)
    remove_tapped = Signal(int)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme: Theme | None = None
        self.chosen_title = text_label("heading")
        self.empty = text_label("muted")
        chosen = QWidget()
        self.chosen_box = QVBoxLayout(chosen)
        self.chosen_box.setContentsMargins(0, 0, 0, 0)
        self.chosen_box.addWidget(self.empty)
        self.chosen_box.addStretch(1)
        self.chosen_area = QScrollArea()
        self.chosen_area.setWidgetResizable(True)
        self.chosen_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chosen_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chosen_area.setWidget(chosen)
        make_kinetic(self.chosen_area)
        self._row_px = 0  # the tallest chosen row seen with this theme
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.roster = PackedGrid()
        self.roster_title = text_label("muted")
        self.part_buttons: dict[int, ChoiceButton] = {}
        self.remove_buttons: dict[int, QPushButton] = {}
        self.roster_buttons: dict[int, ChoiceButton] = {}
        self._chosen_rows: list[QWidget] = []
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.chosen_title)
        self._layout.addWidget(self.chosen_area)
        self._layout.addWidget(self.roster_title)
        self._layout.addWidget(self.search)
        self._layout.addWidget(self.roster, 1)
        self.retranslate()

    def set_chosen(self, entries: Sequence[PickerEntry]) -> None:
        """The helpers chosen so far, in order, each with its part."""
        for row in self._chosen_rows:
            self.chosen_box.removeWidget(row)
            retire(row)
        self._chosen_rows, self.part_buttons, self.remove_buttons = [], {}, {}
        for entry in entries:
            row = QFrame()
            row.setProperty("panel", "surface")
            line = QHBoxLayout(row)
            words = QVBoxLayout()
            name = text_label("info")
            name.setText(entry.name)
            caption = text_label("muted")
            caption.ensurePolished()
            # Two lines kept for every role caption, wrapped or not: all rows are as tall.
            caption.setText("Ấ\nỵ")
            caption.setMinimumHeight(caption.sizeHint().height())
            caption.setText(entry.caption)
            words.addWidget(name)
            words.addWidget(caption)
            part = ChoiceButton()
            part.setChecked(entry.lead)
            part.set_label(
                translate("HelperPicker", "Người chính")
                if entry.lead
                else translate("HelperPicker", "Hỗ trợ thêm")
            )
            part.setProperty("helper_id", entry.helper_id)
            part.clicked.connect(self._on_part_clicked)
            remove = QPushButton(translate("HelperPicker", "Bỏ"))
            remove.setProperty("kind", "back")
            remove.setProperty("helper_id", entry.helper_id)
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Never narrower than its word ("Remove" was cut to "emov" beside a long name).
            remove.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            remove.clicked.connect(self._on_remove_clicked)
            line.addLayout(words, 1)
            line.addWidget(part, 0)
            line.addWidget(remove, 0)
            if self._theme is not None:
                self._style_row(line, part)
            self.chosen_box.insertWidget(self.chosen_box.count() - 1, row)
            self._chosen_rows.append(row)
            row.ensurePolished()
            self._row_px = max(self._row_px, row.sizeHint().height())
            self.part_buttons[entry.helper_id] = part
            self.remove_buttons[entry.helper_id] = remove
        self.empty.setVisible(not entries)
        self._reserve_rows()
        if self._chosen_rows:
            self.chosen_area.ensureWidgetVisible(self._chosen_rows[-1], 0, 0)

    def _reserve_rows(self) -> None:
        """Room for ``CHOSEN_ROWS`` rows; with one theme it only grows (a taller row)."""
        if self._theme is None or not self._row_px:
            return
        height = CHOSEN_ROWS * self._row_px + (CHOSEN_ROWS - 1) * self.chosen_box.spacing()
        if height != self.chosen_area.maximumHeight():
            self.chosen_area.setFixedHeight(height)

    def set_roster(self, entries: Sequence[PickerEntry]) -> None:
        """The names to tap: recent helpers first, or the search results."""
        if [e.helper_id for e in entries] == list(self.roster_buttons):
            for entry in entries:  # the same people: keep the buttons, update what they show
                button = self.roster_buttons[entry.helper_id]
                button.setChecked(entry.chosen)
                button.set_label(entry.name)
                button.set_caption(entry.caption)
            return
        self.roster_buttons = {}
        for entry in entries:
            button = ChoiceButton()
            button.setChecked(entry.chosen)
            button.set_label(entry.name)
            button.set_caption(entry.caption)
            button.setProperty("helper_id", entry.helper_id)
            button.clicked.connect(self._on_roster_clicked)
            if self._theme is not None:
                button.apply_theme(self._theme)
            self.roster_buttons[entry.helper_id] = button
        self.roster.set_buttons(list(self.roster_buttons.values()), columns=2)

    def set_search_text(self, text: str) -> None:
        """Put words in the search field without waiting (a fresh form clears it)."""
        blocked = self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(blocked)
        self._search_timer.stop()

    def set_roster_title(self, text: str) -> None:
        """Words over the roster (recent helpers, or search results)."""
        self.roster_title.setText(text)

    def _style_row(self, line: QHBoxLayout, part: ChoiceButton) -> None:
        assert self._theme is not None
        pad = self._theme.px(self._theme.sizes.spacing)
        line.setContentsMargins(pad, pad // 3, pad // 3, pad // 3)
        line.setSpacing(pad // 2)
        part.apply_theme(self._theme)
        part.setMinimumWidth(self._theme.px(260))

    def apply_theme(self, theme: Theme) -> None:
        """Spacing and sizes for the theme."""
        self._theme = theme
        self._row_px = 0  # measured again for the new sizes at the next rows
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setSpacing(spacing // 2)
        self.chosen_box.setSpacing(spacing // 2)
        self.roster.set_spacing(spacing // 2)
        for button in self.roster_buttons.values():
            button.apply_theme(theme)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.chosen_title.setText(translate("HelperPicker", "Ai đã hỗ trợ khách?"))
        self.empty.setText(translate("HelperPicker", "Chưa chọn người hỗ trợ nào."))
        self.search.setPlaceholderText(
            translate("HelperPicker", "Tìm theo tên (gõ không dấu cũng được)")
        )

    @Slot()
    def _on_part_clicked(self) -> None:
        self.part_tapped.emit(int(self.sender().property("helper_id")))

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_tapped.emit(int(self.sender().property("helper_id")))

    @Slot()
    def _on_roster_clicked(self) -> None:
        self.roster_tapped.emit(int(self.sender().property("helper_id")))

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self.search_changed.emit(self.search.text().strip())
