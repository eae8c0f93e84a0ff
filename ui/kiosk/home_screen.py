"""Home: a greeting, how many people wait, huge tiles, and a short tip that changes by itself."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.numbers import format_number
from kiosk.domain.views import LocalText
from ui.i18n import I18n, translate
from ui.kiosk.tiles import HomeTile
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid, fit_content_when_shown
from ui.widgets.icons import icon_pixmap
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label

TIP_INTERVAL_MS = 10_000


def tile_columns(count: int, *, portrait: bool) -> int:
    """Tiles per row: one column of up to three when portrait, else rows of three (2x2 for 4)."""
    if portrait:
        return 1 if count <= 3 else 2
    return 2 if count == 4 else min(count, 3)


class HomeScreen(Screen):
    """The first screen every visitor sees; one tap on a tile starts what they came for.

    Signals:
        tile_chosen(str): the key of the tile tapped.
    """

    tile_chosen = Signal(str)

    def __init__(
        self, *, i18n: I18n, tiles: Sequence[HomeTile], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._tiles = list(tiles)
        self._waiting: int | None = None
        self._paused = False
        self.greeting = text_label("title")
        self.waiting_icon = QLabel()
        self.waiting = text_label("info")
        self.buttons: dict[str, PictureButton] = {}
        for tile in self._tiles:
            button = PictureButton(kind="tile", tone=tile.tone, vertical=True)
            button.setProperty("tile", tile.key)
            button.set_icon_name(tile.icon, size_token="tile_icon")
            button.clicked.connect(self._on_tile_clicked)
            self.buttons[tile.key] = button
        self.grid = ButtonGrid(scrolls=False)
        waiting_row = QHBoxLayout()
        waiting_row.addWidget(self.waiting_icon)
        waiting_row.addWidget(self.waiting, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.greeting)
        self._layout.addLayout(waiting_row)
        self._layout.addWidget(self.grid, 1)
        self.grid.set_buttons(list(self.buttons.values()), columns=len(self.buttons))
        self.waiting_icon.hide()
        self._tips: list[LocalText] = []
        self._tip_index = 0
        self.tip_panel = QFrame()
        self.tip_panel.setProperty("panel", "priority_soft")
        self.tip = text_label("body", parent=self.tip_panel)
        self._tip_layout = QHBoxLayout(self.tip_panel)
        self._tip_layout.addWidget(self.tip, 1)
        self.tip_panel.hide()
        self._layout.insertWidget(2, self.tip_panel)
        # Only while home is on screen: a hidden label repainting every 10 s costs nothing,
        # but a timer that never stops keeps waking the UI thread for nothing.
        self._tip_timer = QTimer(self)
        self._tip_timer.setInterval(TIP_INTERVAL_MS)
        self._tip_timer.timeout.connect(self._on_tip_timer_timeout)
        # The tiles are fitted once the layout has settled after a change (see _fit_tiles).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_tiles)
        self.grid.installEventFilter(self)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def tile_keys(self) -> list[str]:
        """The tiles shown, in order."""
        return [tile.key for tile in self._tiles]

    def set_waiting(self, count: int | None) -> None:
        """How many people wait today; None hides the line (database not read yet)."""
        self._waiting = count
        self._show_waiting()

    def set_paused(self, paused: bool) -> None:
        """The queue cannot be reached: say where to go instead of how many wait."""
        self._paused = paused
        self._show_waiting()

    def set_tips(self, tips: Sequence[LocalText]) -> None:
        """Short tips (from the guides) to show one at a time, every ``TIP_INTERVAL_MS``."""
        self._tips = list(tips)
        self._tip_index = 0
        self.tip_panel.setVisible(bool(self._tips))
        self._show_tip()
        if self._tips and self.isVisible():
            self._tip_timer.start()

    def show_next_tip(self) -> None:
        """The next tip (what the timer does)."""
        if self._tips:
            self._tip_index = (self._tip_index + 1) % len(self._tips)
            self._show_tip()

    def tip_index(self) -> int:
        """Which tip is shown, from 0."""
        return self._tip_index

    def tip_timer_active(self) -> bool:
        """True while tips rotate (home is on screen and there are tips)."""
        return self._tip_timer.isActive()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        pad = theme.px(theme.sizes.spacing)
        self._tip_layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self.grid.set_spacing(spacing)
        columns = tile_columns(len(self._tiles), portrait=theme.portrait)
        self.grid.set_columns(columns)
        for button in self.buttons.values():
            button.set_vertical(columns > 1)
            button.apply_theme(theme)
        side = theme.px(theme.sizes.small_icon)
        ink = theme.colors.text_pairs()["page_accent"][0]
        self.waiting_icon.setPixmap(icon_pixmap("people", side, ink, self.devicePixelRatioF()))
        self._fit_timer.start()

    def retranslate(self) -> None:
        self.greeting.setText(translate("HomeScreen", "Xin chào! Bạn cần làm gì?"))
        for tile in self._tiles:
            button = self.buttons[tile.key]
            button.set_label(tile.label())
            button.set_caption(tile.caption())
        self._show_waiting()
        self._show_tip()
        self._fit_timer.start()

    def _fit_tiles(self) -> None:
        """Make every row of tiles fit the grid: smaller pictures, then no captions if need be.

        The grid never scrolls, and its height changes with the tips, the waiting line, the
        language and large text: rows that did not fit were cut off at the bottom of the
        screen. The words keep their wrapped height; the picture gets what is left of a row,
        down to a small icon; when even that does not fit, the captions go, then the pictures.
        """
        theme, buttons = self.theme, list(self.buttons.values())
        if theme is None or not buttons or not self.grid.isVisible():
            return
        columns = tile_columns(len(buttons), portrait=theme.portrait)
        rows = -(-len(buttons) // columns)
        spacing, viewport = self.grid.spacing(), self.grid.viewport().size()
        row_px = (viewport.height() - spacing * (rows - 1)) // rows
        width_px = (viewport.width() - spacing * (columns - 1)) // columns
        least = theme.px(theme.sizes.small_icon)

        def room(caption: bool) -> int:
            if columns == 1:  # the picture beside the words, within the row's margins
                return row_px - 2 * theme.px(theme.sizes.spacing)
            return row_px - max(
                b.height_without_picture(width_px, caption=caption) for b in buttons
            )

        captions = room(caption=True) >= least
        space = room(caption=captions)
        picture = min(theme.px(theme.sizes.tile_icon), space) if space >= least else 0
        if [b.set_compact(picture_px=picture, caption=captions) for b in buttons].count(True):
            # The tiles take their new size now, so the screen never shows a half-fitted grid.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # WORKAROUND: the grid's items keep their old heights for width (Qt does not drop the
        # cache on a tile's change here): laying the buttons out again makes fresh items.
        self.grid.set_columns(columns)
        fit_content_when_shown(self.grid)
        QCoreApplication.sendPostedEvents(self.grid, QEvent.Type.LayoutRequest)

    def _show_tip(self) -> None:
        if self._tips:
            text = self._i18n.text(self._tips[self._tip_index])
            self.tip.setText(translate("HomeScreen", "Bạn có biết? {tip}").format(tip=text))

    def _show_waiting(self) -> None:
        count = self._waiting
        self.waiting_icon.setVisible(count is not None and not self._paused)
        if self._paused:
            self.waiting.setText(
                translate("HomeScreen", "Máy lấy số tạm dừng. Mời ông/bà đến thẳng quầy.")
            )
        elif count is None:
            self.waiting.setText("")
        elif count == 0:
            self.waiting.setText(translate("HomeScreen", "Hiện không có ai đang chờ."))
        else:
            text = translate("HomeScreen", "Hiện có {count} người đang chờ.", None, count)
            self.waiting.setText(
                text.format(count=format_number(count, language=self._i18n.language))
            )

    def showEvent(self, event: QShowEvent) -> None:
        if self._tips:
            self._tip_timer.start()
        self._fit_timer.start()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()  # the tips or the waiting line took or gave back room
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        self._tip_timer.stop()
        super().hideEvent(event)

    @Slot()
    def _on_tip_timer_timeout(self) -> None:
        self.show_next_tip()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_tile_clicked(self) -> None:
        self.tile_chosen.emit(str(self.sender().property("tile")))
