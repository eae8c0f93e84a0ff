"""A guide's step: the picture large, the words large, "Bước n / m", back and forth or swipe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import I18n, translate
from ui.kiosk.guide_widgets import SvgPicture, SwipeWatcher
from ui.theme import Theme
from ui.widgets.buttons import action_button
from ui.widgets.screen import Screen, set_page_margins, text_label

if TYPE_CHECKING:  # loaded after the first frame, with the guides
    from kiosk.content import Guide, Step


def stack_if_cut(row: QBoxLayout, width_px: int) -> None:
    """Buttons side by side when their words fit in ``width_px``, else one above the other.

    A button's stylesheet ``min-width`` lets a row squeeze it below its words (long English,
    large text, portrait); a button's words are never cut.
    """
    items = [row.itemAt(i) for i in range(row.count())]
    buttons = [item.widget() if item is not None else None for item in items]
    shown = [b for b in buttons if b is not None and not b.isHidden()]
    need = sum(b.sizeHint().width() for b in shown) + row.spacing() * max(0, len(shown) - 1)
    fits = need <= width_px
    for index, widget in enumerate(buttons):  # shares of the width in proportion to the words
        row.setStretch(index, widget.sizeHint().width() if widget is not None else 0)
    row.setDirection(QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom)


class GuideStepScreen(Screen):
    """One step of one guide; the last "next" leads to what to bring (``finished``).

    Signals:
        step_shown(int): a step is on screen (its index from 0); any reading aloud stops.
        finished: "next" on the last step.
        info_clicked: "what to bring?" was tapped.
        list_clicked: the visitor wants the list of guides.
        read_aloud_clicked(str): "read aloud" was tapped; the text to read.
    """

    step_shown = Signal(int)
    finished = Signal()
    info_clicked = Signal()
    list_clicked = Signal()
    read_aloud_clicked = Signal(str)

    def __init__(self, *, i18n: I18n, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._guide: Guide | None = None
        self._index = 0
        self._voice_languages: frozenset[str] = frozenset()
        self.title = text_label("info")
        self.counter = text_label("accent", wrap=False)
        self.picture = SvgPicture()
        self.text = text_label("info")
        self.text.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        # The meaning of a hard word ("Liên thông: ...") where the guide first uses it, across
        # the whole panel under the picture and the words, so the step's words keep their room.
        self.explained = text_label("body")
        self.explained.hide()
        # It asks for the lines it needs at its width (sizeHint), but its height must not feed
        # the screen's minimum: wrapped at the narrowest width it would push the screen past a
        # 1080-pixel display, although at the real width it takes one or two lines.
        policy = self.explained.sizePolicy()
        policy.setHeightForWidth(False)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.explained.setSizePolicy(policy)
        self.body = QFrame()
        self.body.setProperty("panel", "surface")
        self._panel = QVBoxLayout(self.body)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addWidget(self.picture, 3)
        self._body.addWidget(self.text, 2)
        self._panel.addLayout(self._body, 1)
        self._panel.addWidget(self.explained)
        self.swipe = SwipeWatcher(self.body)
        self.swipe.swiped.connect(self._on_swipe_swiped)
        self.back = action_button("neutral")
        self.read_aloud = action_button("neutral")
        self.info = action_button("priority")
        self.previous = action_button("neutral")
        self.next = action_button("primary")
        self.back.clicked.connect(self.list_clicked)
        self.info.clicked.connect(self.info_clicked)
        self.read_aloud.clicked.connect(self._on_read_aloud_clicked)
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        self.read_aloud.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        self._tools = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for button in (self.back, self.read_aloud, self.info):
            self._tools.addWidget(button, 1)
        self._moves = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._moves.addWidget(self.previous, 2)
        self._moves.addWidget(self.next, 3)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(heading)
        self._layout.addWidget(self.body, 1)
        self._layout.addLayout(self._tools)
        self._layout.addLayout(self._moves)
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def show_guide(self, guide: Guide, index: int = 0) -> None:
        """Open a guide at a step (the first by default)."""
        self._guide = guide
        self.show_step(index)

    def guide(self) -> Guide | None:
        """The guide shown."""
        return self._guide

    def index(self) -> int:
        """The step shown, from 0."""
        return self._index

    def show_step(self, index: int) -> None:
        """Show a step by index (clamped to the guide's steps)."""
        if self._guide is None or not self._guide.steps:
            return
        self._index = max(0, min(index, len(self._guide.steps) - 1))
        self.picture.set_path(self._step().image)
        self.retranslate()
        self.step_shown.emit(self._index)

    def set_voice_languages(self, languages: frozenset[str]) -> None:
        """The languages the system has a voice for: "read aloud" shows only in those."""
        self._voice_languages = languages
        self.read_aloud.setVisible(self._i18n.language in languages)
        self._fit_rows()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        spacing = set_page_margins(self._layout, theme)
        self._panel.setContentsMargins(spacing, spacing, spacing, spacing)
        self._panel.setSpacing(spacing // 2)
        self._body.setSpacing(spacing)
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        # Side by side, large words need half the width or a long step's last line is cut.
        wide_text = theme.large_text and not theme.portrait
        self._body.setStretch(0, 1 if wide_text else 3)
        self._body.setStretch(1, 1 if wide_text else 2)
        for row in (self._tools, self._moves):
            row.setSpacing(spacing)

    def retranslate(self) -> None:
        self.back.setText(translate("GuideStepScreen", "‹ Danh sách"))
        self.read_aloud.setText(translate("GuideStepScreen", "Đọc to"))
        self.read_aloud.setVisible(self._i18n.language in self._voice_languages)
        self.info.setText(translate("GuideStepScreen", "Cần mang gì?"))
        self.previous.setText(translate("GuideStepScreen", "‹ Bước trước"))
        guide = self._guide
        if guide is None or not guide.steps:
            return
        count = len(guide.steps)
        self.title.setText(self._i18n.text(guide.title))
        counter = translate("GuideStepScreen", "Bước {number} / {count}")
        self.counter.setText(counter.format(number=self._step().number, count=count))
        self.text.setText(self._i18n.text(self._step().text))
        explained = self._i18n.text(self._step().explained)
        self.explained.setText(explained)
        self.explained.setVisible(bool(explained))
        self.previous.setEnabled(self._index > 0)
        last = self._index == count - 1
        self.next.setText(
            translate("GuideStepScreen", "Xong: cần mang gì? ›")
            if last
            else translate("GuideStepScreen", "Bước tiếp ›")
        )
        self._fit_rows()

    def _fit_rows(self) -> None:
        if not self.isVisible():
            # A hidden page keeps the width it had when last shown (or none yet); fitting the
            # rows to it stacked them and grew the window past the screen. showEvent fits them.
            return
        margins = self._layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        for row in (self._tools, self._moves):
            stack_if_cut(row, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_rows()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _step(self) -> Step:
        assert self._guide is not None
        return self._guide.steps[self._index]

    def _move(self, delta: int) -> None:
        if self._guide is None:
            return
        target = self._index + delta
        if target >= len(self._guide.steps):
            self.finished.emit()
        elif target >= 0:
            self.show_step(target)

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_previous_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def _on_next_clicked(self) -> None:
        self._move(1)

    @Slot(int)
    def _on_swipe_swiped(self, direction: int) -> None:
        self._move(direction)

    @Slot()
    def _on_read_aloud_clicked(self) -> None:
        if self._guide is not None:
            step = self._step()
            counter = translate("GuideStepScreen", "Bước {number}.").format(number=step.number)
            words = " ".join((counter, self._i18n.text(step.text), self._i18n.text(step.explained)))
            self.read_aloud_clicked.emit(words.strip())
