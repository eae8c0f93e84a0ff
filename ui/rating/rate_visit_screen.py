"""Rate, first screen when visits just ended: "Quầy 1 — số A012 vừa xong", one tap, no typing.

For the visitor who walked from the counter to the kiosk, with or without the ticket. Each
tile is a counter's latest visit (``kiosk.domain.recent_visits``); the last tile opens the
keypad for anyone else. A scanner's hint shows when the kiosk has one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.recent_visits import RecentVisit
from ui.formatting import format_time
from ui.i18n import I18n, translate
from ui.rating.rate_number_screen import ALREADY_RATED, FAILED
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid
from ui.widgets.buttons import back_button
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, set_page_margins, text_label
from ui.widgets.style import set_style

KEYPAD = 0  # the keypad tile's key in ``tiles``; visit ids start at 1


class RateVisitScreen(Screen):
    """One decision: which of the visits that just ended was yours (or type the number).

    Signals:
        visit_chosen(int): a visit's tile was tapped (its id).
        keypad_clicked: the visitor will type the ticket's number.
        back_clicked: the visitor wants the home screen.
    """

    visit_chosen = Signal(int)
    keypad_clicked = Signal()
    back_clicked = Signal()

    def __init__(
        self,
        *,
        i18n: I18n,
        counter_names: Mapping[int, str],
        tz: ZoneInfo,
        scanner: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._counter_names = dict(counter_names)
        self._tz = tz
        self._scanner = scanner
        self._visits: tuple[RecentVisit, ...] = ()
        self._problem = ""
        self.title = text_label("title")
        self.hint = text_label("body")
        self.scan_hint = text_label("body")
        if not scanner:  # hidden before any show: never a top-level window
            self.scan_hint.hide()
        self.message_panel = QFrame()
        self.message = text_label("info", parent=self.message_panel)
        QVBoxLayout(self.message_panel).addWidget(self.message)
        self.message_panel.hide()
        self.tiles: dict[int, PictureButton] = {}
        self.keypad = PictureButton(kind="picture", tone="neutral")
        self.keypad.set_icon_name("ticket")
        self.keypad.clicked.connect(self.keypad_clicked)
        self.grid = ButtonGrid()
        self.back = back_button()
        self.back.clicked.connect(self.back_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back, 1)
        bottom.addStretch(2)
        self._layout = QVBoxLayout(self)
        for widget in (self.title, self.hint, self.scan_hint, self.message_panel):
            self._layout.addWidget(widget)
        self._layout.addWidget(self.grid, 1)
        self._layout.addLayout(bottom)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.set_visits(())

    def set_visits(self, visits: Sequence[RecentVisit]) -> None:
        """The visits to offer, one tile each, then the keypad's tile; no message."""
        self._visits = tuple(visits)
        tiles: dict[int, PictureButton] = {}
        for visit in self._visits:
            tile = PictureButton(kind="picture", tone="primary")
            tile.set_icon_name("counter")
            tile.setProperty("visit", visit.visit_id)
            tile.clicked.connect(self._on_tile_clicked)
            tiles[visit.visit_id] = tile
        self.tiles = tiles
        self.grid.set_buttons([*tiles.values(), self.keypad], columns=self._columns())
        self.show_problem("")
        theme = self.theme
        if theme is not None:
            self.apply_theme(theme)
        self.retranslate()

    def visits(self) -> tuple[RecentVisit, ...]:
        """The visits offered."""
        return self._visits

    def show_problem(self, kind: str) -> None:
        """Why the chosen visit cannot be rated (rated meanwhile, or a failure); "" for none."""
        self._problem = kind
        self._show_problem()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self.grid.set_spacing(spacing)
        self.grid.set_columns(self._columns())
        for tile in [*self.tiles.values(), self.keypad]:
            tile.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("RateVisitScreen", "Đánh giá dịch vụ"))
        self.hint.setText(
            translate("RateVisitScreen", "Bạn vừa làm xong ở quầy nào? Chạm vào lượt của bạn.")
        )
        self.scan_hint.setText(
            translate("RateVisitScreen", "Có vé? Đưa mã QR trên vé vào máy quét.")
        )
        self.keypad.set_label(translate("RateVisitScreen", "Lượt khác: nhập số trên vé"))
        self.back.setText(translate("RateVisitScreen", "‹ Quay lại"))
        for visit in self._visits:
            self._word_tile(visit)
        self._show_problem()

    def _word_tile(self, visit: RecentVisit) -> None:
        counter = self._counter_names.get(visit.counter_number) or translate(
            "RateVisitScreen", "Quầy {number}"
        ).format(number=visit.counter_number)
        label = translate("RateVisitScreen", "{counter} — số {number} vừa xong")
        tile = self.tiles[visit.visit_id]
        tile.set_label(label.format(counter=counter, number=visit.ticket_number))
        ended = format_time(visit.ended_at, self._tz)
        tile.set_caption(translate("RateVisitScreen", "Xong lúc {time}").format(time=ended))

    def _columns(self) -> int:
        theme = self.theme
        return 1 if theme is None or theme.portrait else 2

    def _show_problem(self) -> None:
        texts = {
            ALREADY_RATED: translate(
                "RateVisitScreen", "Lượt này đã được đánh giá rồi. Cảm ơn bạn!"
            ),
            FAILED: translate("RateVisitScreen", "Xin lỗi, chưa ghi được. Xin thử lại."),
        }
        text = texts.get(self._problem, "")
        self.message.setText(text)
        panel = "success_soft" if self._problem == ALREADY_RATED else "danger_soft"
        set_style(self.message_panel, panel=panel)
        self.message_panel.setVisible(bool(text))

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_tile_clicked(self) -> None:
        self.visit_chosen.emit(int(self.sender().property("visit")))
