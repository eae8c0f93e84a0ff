"""What to bring: a guide's papers, fee and time, its official links as QR codes, and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import I18n, translate
from ui.kiosk.guide_step_screen import stack_if_cut
from ui.kiosk.guide_widgets import qr_pixmap
from ui.kiosk.print_state import FAILED, PRINTED, PRINTING
from ui.theme import Theme
from ui.widgets.button_grid import fit_content_when_shown, make_kinetic
from ui.widgets.buttons import action_button
from ui.widgets.screen import Screen, set_page_margins, text_label

if TYPE_CHECKING:  # loaded after the first frame, with the guides
    from kiosk.content import Guide

QR_DESIGN_PX = 260
MAX_LINKS = 2


class GuideInfoScreen(Screen):
    """The compact "what to bring / fee / time" page, reachable from every step.

    Signals:
        back_clicked: back to the step the visitor came from.
        home_clicked: straight back to the home screen (one tap, not three).
        print_clicked: "print the checklist" was tapped.
        take_number_clicked: "take a number for this procedure" was tapped.
    """

    back_clicked = Signal()
    home_clicked = Signal()
    print_clicked = Signal()
    take_number_clicked = Signal()

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._guide: Guide | None = None
        self._print_state = ""
        self.title = text_label("title")
        self.papers_heading = text_label("accent")
        self.papers = text_label("body")
        self.fee_heading = text_label("accent")
        self.fee = text_label("body")
        self.time_heading = text_label("accent")
        self.time = text_label("body")
        self.explained = text_label("body")  # hard words first met on this page
        self.explained.hide()
        self.print_state = text_label("info")
        facts = QFrame()
        facts.setProperty("panel", "surface")
        self._facts = QVBoxLayout(facts)
        for label in (
            self.papers_heading,
            self.papers,
            self.fee_heading,
            self.fee,
            self.time_heading,
            self.time,
            self.explained,
        ):
            self._facts.addWidget(label)
        self._facts.addStretch(1)
        self.links: list[tuple[QLabel, QLabel]] = []
        self._links_box = QWidget()
        self._links = QGridLayout(self._links_box)
        self._links.setContentsMargins(0, 0, 0, 0)
        self.links_heading = text_label("body")
        content = QWidget()
        self._content = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self._content.setContentsMargins(0, 0, 0, 0)
        self._content.addWidget(facts, 3)
        side = QVBoxLayout()
        side.addWidget(self.links_heading)
        side.addWidget(self._links_box)
        side.addStretch(1)
        self._content.addLayout(side, 2)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(content)
        self._kinetic = False
        self.back = action_button("neutral")
        self.home = action_button("neutral")
        self.print = action_button("neutral")
        self.take_number = action_button("primary")
        self.back.clicked.connect(self.back_clicked)
        self.home.clicked.connect(self.home_clicked)
        self.print.clicked.connect(self.print_clicked)
        self.take_number.clicked.connect(self.take_number_clicked)
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.addWidget(self.back, 2)
        self._buttons.addWidget(self.print, 3)
        self._buttons.addWidget(self.take_number, 3)
        # Home sits beside the title, not in the row below: four buttons there stack on a
        # small screen with large text and push the page off it.
        self.home.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addWidget(self.title, 1)
        self._top.addWidget(self.home, 0, Qt.AlignmentFlag.AlignTop)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._top)
        self._layout.addWidget(self.area, 1)
        self._layout.addWidget(self.print_state)
        self._layout.addLayout(self._buttons)
        self.print_state.hide()
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def show_guide(self, guide: Guide) -> None:
        """The guide whose papers to show; a print state from another guide is forgotten."""
        self._guide = guide
        self._print_state = ""
        self._make_links()
        self.retranslate()
        self.area.verticalScrollBar().setValue(0)

    def set_print_state(self, state: str) -> None:
        """``printing``, ``printed``, ``failed``, or empty for nothing to say."""
        self._print_state = state
        self.print.setEnabled(state != PRINTING)
        self._show_print_state()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self._facts.setContentsMargins(spacing, spacing, spacing, spacing)
        self._facts.setSpacing(spacing // 3)
        self._buttons.setSpacing(spacing)
        self._content.setSpacing(spacing)
        self._content.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._links.setSpacing(spacing // 2)
        # Portrait: too narrow for a long title beside the button; the button goes under it.
        self._top.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._top.setAlignment(
            self.home,
            Qt.AlignmentFlag.AlignLeft if theme.portrait else Qt.AlignmentFlag.AlignTop,
        )
        self._top.setSpacing(spacing)
        self._paint_links()

    def retranslate(self) -> None:
        self.papers_heading.setText(translate("GuideInfoScreen", "Giấy tờ cần mang"))
        self.fee_heading.setText(translate("GuideInfoScreen", "Lệ phí"))
        self.time_heading.setText(translate("GuideInfoScreen", "Thời gian giải quyết"))
        self.links_heading.setText(
            translate("GuideInfoScreen", "Xem thêm trên điện thoại: quét mã QR")
        )
        self.back.setText(translate("GuideInfoScreen", "‹ Các bước"))
        self.home.setText(translate("GuideInfoScreen", "Về màn hình chính"))
        self.print.setText(translate("GuideInfoScreen", "In danh sách giấy tờ"))
        self.take_number.setText(translate("GuideInfoScreen", "Lấy số cho thủ tục này"))
        guide = self._guide
        if guide is not None:
            text = self._i18n.text
            self.title.setText(text(guide.title))
            lines = []
            for paper in guide.papers:
                details = text(paper.details())
                lines.append(f"• {text(paper.name)}" + (f" ({details})" if details else ""))
            self.papers.setText("\n".join(lines))
            self.fee.setText(text(guide.fee.text))
            self.time.setText(text(guide.time.text))
            self.explained.setText(text(guide.info_explained))
            self.explained.setVisible(bool(text(guide.info_explained)))
            for (_picture, label), link in zip(self.links, guide.links, strict=False):
                label.setText(text(link.label))
        self._show_print_state()

    def _make_links(self) -> None:
        for picture, label in self.links:
            for widget in (picture, label):
                self._links.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.links = []
        links = self._guide.links[:MAX_LINKS] if self._guide is not None else ()
        for row, _link in enumerate(links):
            picture, label = QLabel(), text_label("small")
            self._links.addWidget(picture, row, 0, Qt.AlignmentFlag.AlignTop)
            self._links.addWidget(label, row, 1)
            self.links.append((picture, label))
        self._links.setColumnStretch(1, 1)
        self.links_heading.setVisible(bool(links))
        self._paint_links()

    def _paint_links(self) -> None:
        theme = self.theme
        if theme is None or self._guide is None:
            return
        ink, paper = theme.colors.text_pairs()["surface"]
        side = theme.px(QR_DESIGN_PX)
        for (picture, _label), link in zip(self.links, self._guide.links, strict=False):
            picture.setPixmap(qr_pixmap(link.url, side, ink, paper, self.devicePixelRatioF()))

    def _show_print_state(self) -> None:
        texts = {
            PRINTING: translate("GuideInfoScreen", "Đang in danh sách giấy tờ…"),
            PRINTED: translate("GuideInfoScreen", "Mời bạn lấy phiếu ở khe máy in."),
            FAILED: translate("GuideInfoScreen", "Máy in đang gặp sự cố. Xin hỏi cán bộ."),
        }
        self.print_state.setText(texts.get(self._print_state, ""))
        self.print_state.setVisible(self._print_state in texts)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        if not self.isVisible():  # a hidden page's width is stale: showEvent fits the buttons
            return
        margins = self._layout.contentsMargins()
        stack_if_cut(self._buttons, self.width() - margins.left() - margins.right())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_buttons()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._kinetic:
            self._kinetic = True
            make_kinetic(self.area)
        fit_content_when_shown(self.area)
        super().showEvent(event)
        self._fit_buttons()

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()
