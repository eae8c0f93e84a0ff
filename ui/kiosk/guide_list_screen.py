"""Guides: every procedure guide as a big picture button, grouped by line, commonest first.

The second tap from home (a guide) opens its first step: no category screen in between.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.views import LocalText
from ui.i18n import I18n, translate
from ui.kiosk.pictures import line_picture
from ui.theme import Theme
from ui.widgets.button_grid import fit_content_when_shown, make_kinetic
from ui.widgets.buttons import back_button
from ui.widgets.layout_items import empty_layout
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label

if TYPE_CHECKING:  # loaded after the first frame, with the guides
    from kiosk.content import Guide


class GuideListScreen(Screen):
    """One decision: which procedure to read about.

    Signals:
        guide_chosen(str): a guide was tapped (its id).
        back_clicked: the visitor wants the home screen.
    """

    guide_chosen = Signal(str)
    back_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._guides: list[Guide] = []
        self._line_names: dict[str, LocalText] = {}
        self._loaded = False
        self.title = text_label("title")
        self.hint = text_label("muted")
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._kinetic = False
        self._content = QWidget()
        self._grid = QGridLayout(self._content)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.area.setWidget(self._content)
        self.guide_buttons: dict[str, PictureButton] = {}
        self.headers: dict[str, QLabel] = {}
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        # WORKAROUND: after the stylesheet changes the buttons' fonts (large text), the grid
        # keeps rows at heights cached for the old fonts, clipping long names; laying the
        # buttons out again once the fonts have settled (and on show) gives each its height.
        self._rearrange = QTimer(self)
        self._rearrange.setSingleShot(True)
        self._rearrange.setInterval(0)
        self._rearrange.timeout.connect(self._on_rearrange_timeout)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.hint)
        self._layout.addWidget(self.area, 1)
        self._layout.addWidget(self.back)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_guides(self, guides: Sequence[Guide], line_names: Mapping[str, LocalText]) -> None:
        """The guides to offer (commonest first) and the names of their lines."""
        self._loaded = True
        # Grouped by line; lines in the order of their commonest guide, guides as given.
        first: dict[str, int] = {}
        for index, guide in enumerate(guides):
            first.setdefault(guide.line, index)
        self._guides = sorted(guides, key=lambda guide: first[guide.line])
        self._line_names = dict(line_names)
        for widget in [*self.guide_buttons.values(), *self.headers.values()]:
            widget.hide()
            widget.deleteLater()
        self.guide_buttons, self.headers = {}, {}
        for guide in self._guides:
            if guide.line not in self.headers:
                self.headers[guide.line] = text_label("accent")
            button = PictureButton(kind="picture", tone="neutral")
            button.setProperty("guide", guide.id)
            name = self._line_names.get(guide.line, LocalText(guide.line)).vi
            button.set_icon_name(line_picture(name), size_token="list_icon")
            button.clicked.connect(self._on_guide_clicked)
            if self.theme is not None:  # the guides load after the theme: no bare buttons
                button.apply_theme(self.theme)
            self.guide_buttons[guide.id] = button
        self._arrange()
        self.retranslate()

    def guide_ids(self) -> list[str]:
        """The guides shown, in order."""
        return list(self.guide_buttons)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin)
        self._layout.setSpacing(spacing // 2)
        self._grid.setSpacing(spacing)
        self._arrange()
        self._rearrange.start()
        for button in self.guide_buttons.values():
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("GuideListScreen", "Hướng dẫn thủ tục"))
        self.back.setText(translate("GuideListScreen", "‹ Về màn hình chính"))
        if not self._loaded:
            hint = translate("GuideListScreen", "Đang chuẩn bị, xin chờ một chút…")
        elif not self._guides:
            hint = translate("GuideListScreen", "Chưa có hướng dẫn. Xin hỏi cán bộ ở quầy.")
        else:
            hint = translate("GuideListScreen", "Chạm vào thủ tục bạn muốn xem.")
        self.hint.setText(hint)
        for code, header in self.headers.items():
            name = self._i18n.text(self._line_names.get(code, LocalText(code)))
            header.setText(f"{code} · {name}")
        for guide in self._guides:
            button = self.guide_buttons[guide.id]
            button.set_label(self._i18n.text(guide.title))
            button.set_caption(self._i18n.text(guide.summary))

    def _columns(self) -> int:
        return 1 if self.theme is None or self.theme.portrait else 2

    def _arrange(self) -> None:
        empty_layout(self._grid)
        columns = self._columns()
        row, col, line = 0, 0, None
        for guide in self._guides:
            if guide.line != line:
                line = guide.line
                row += 1 if col else 0
                self._grid.addWidget(self.headers[line], row, 0, 1, columns)
                row, col = row + 1, 0
            self._grid.addWidget(self.guide_buttons[guide.id], row, col)
            col = (col + 1) % columns
            row += 1 if col == 0 else 0
        for index in range(self._grid.columnCount()):
            self._grid.setColumnStretch(index, 1 if index < columns else 0)
        for index in range(self._grid.rowCount()):
            self._grid.setRowStretch(index, 0)
        self._grid.setRowStretch(row + 1, 1)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)

    def showEvent(self, event: QShowEvent) -> None:
        # QScroller costs ~20 ms to set up: paid when first shown, not at start-up.
        if not self._kinetic:
            self._kinetic = True
            make_kinetic(self.area)
        self._arrange()
        fit_content_when_shown(self.area)
        super().showEvent(event)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_rearrange_timeout(self) -> None:
        self._arrange()
        fit_content_when_shown(self.area)

    @Slot()
    def _on_guide_clicked(self) -> None:
        self.guide_chosen.emit(str(self.sender().property("guide")))
