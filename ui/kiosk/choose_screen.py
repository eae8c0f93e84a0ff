"""Choose: the lines as big picture buttons, commonest first; one tap issues the ticket."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.numbers import format_number
from kiosk.domain.views import LineView
from ui.i18n import I18n, translate
from ui.kiosk.pictures import line_picture
from ui.theme import Theme
from ui.widgets.button_grid import ButtonGrid
from ui.widgets.buttons import back_button
from ui.widgets.picture_button import PictureButton
from ui.widgets.screen import Screen, text_label

# Procedure names shown under a line's name before "…".
CAPTION_PROCEDURES = 2
# A ticket that takes longer than this says "please wait"; a usual one (a few ms) is on screen
# before the words could be read, and changing them would lay out and repaint the screen
# inside the tap (issue 13, P2).
BUSY_HINT_AFTER_MS = 400


class ChooseScreen(Screen):
    """One decision: which line. Priority is an optional step reached from the yellow bar.

    Signals:
        line_chosen(str): a line was tapped (its code); the caller issues the ticket.
        priority_clicked: the priority bar was tapped with no group chosen.
        priority_cleared: the priority bar was tapped to drop the chosen group.
        back_clicked: the visitor wants the home screen.
    """

    line_chosen = Signal(str)
    priority_clicked = Signal()
    priority_cleared = Signal()
    back_clicked = Signal()

    def __init__(
        self, *, i18n: I18n, has_priority_groups: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._i18n = i18n
        self._lines: list[LineView] = []
        self._priority_name: str | None = None
        self._busy = False
        self._busy_hint = QTimer(self)
        self._busy_hint.setSingleShot(True)
        self._busy_hint.setInterval(BUSY_HINT_AFTER_MS)
        self._busy_hint.timeout.connect(self._show_hint)
        self._waiting_known = True
        self.title = text_label("title")
        self.hint = text_label("muted", wrap=False)
        self.priority_bar = PictureButton(kind="picture", tone="priority")
        self.priority_bar.set_icon_name("priority")
        self.priority_bar.setVisible(has_priority_groups)
        self.priority_bar.clicked.connect(self._on_priority_bar_clicked)
        self.grid = ButtonGrid()
        self.line_buttons: dict[str, PictureButton] = {}
        self.back = back_button()
        self.back.clicked.connect(self._on_back_clicked)
        self._bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bottom.addWidget(self.back, 1)
        self._bottom.addWidget(self.priority_bar, 3)
        self._heading = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._heading.addWidget(self.title, 1)
        self._heading.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignBottom)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._heading)
        self._layout.addWidget(self.grid, 1)
        self._layout.addLayout(self._bottom)
        self._priority_caption = ""
        i18n.language_changed.connect(self._on_i18n_language_changed)
        self.retranslate()

    def set_priority_caption(self, text: str) -> None:
        """The groups named on the priority bar (from the config, in the current language)."""
        self._priority_caption = text
        self._show_priority()

    def set_lines(self, lines: Sequence[LineView]) -> None:
        """The lines to offer, commonest first."""
        self._lines = list(lines)
        buttons = []
        for line in self._lines:
            button = self.line_buttons.get(line.code) or self._make_button(line.code)
            button.set_icon_name(line_picture(line.name.vi), size_token="list_icon")
            buttons.append(button)
        self.line_buttons = {line.code: b for line, b in zip(self._lines, buttons, strict=True)}
        self.grid.set_buttons(buttons, columns=self._columns())
        if self.theme is not None:
            for button in buttons:
                button.apply_theme(self.theme)
        self.retranslate()

    def set_waiting_known(self, known: bool) -> None:
        """Show how many wait per line, or nothing while the queue cannot be read."""
        if known != self._waiting_known:
            self._waiting_known = known
            self.retranslate()

    def set_priority(self, group_name: str | None) -> None:
        """The chosen priority group's name, or None for a regular ticket."""
        self._priority_name = group_name
        self._show_priority()

    def set_busy(self, busy: bool) -> None:
        """While a ticket is being issued: nothing can be tapped twice.

        The taps are ignored rather than the buttons disabled: greying 14 buttons and back
        again restyles and repaints the whole screen twice within a tap (issue 13, P2). The
        "please wait" words show only when the ticket takes longer than ``BUSY_HINT_AFTER_MS``.
        """
        self._busy = busy
        if busy:
            self._busy_hint.start()
            return
        self._busy_hint.stop()
        self._show_hint()  # QLabel ignores the same text again: no layout unless it changed

    def busy_hint_shown(self) -> bool:
        """True while the screen says a ticket is on its way."""
        return self._busy and not self._busy_hint.isActive()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.px(theme.sizes.margin)
        spacing = theme.px(theme.sizes.spacing)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self._bottom.setSpacing(spacing)
        # Portrait: title above the hint, and the priority bar above a full-width back button.
        self._heading.setDirection(
            QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._bottom.setDirection(
            QBoxLayout.Direction.BottomToTop if theme.portrait else QBoxLayout.Direction.LeftToRight
        )
        self.grid.set_spacing(spacing)
        self.grid.set_columns(self._columns())
        for button in [*self.line_buttons.values(), self.priority_bar]:
            button.apply_theme(theme)

    def retranslate(self) -> None:
        self.title.setText(translate("ChooseScreen", "Bạn cần làm thủ tục gì?"))
        self.back.setText(translate("ChooseScreen", "‹ Quay lại"))
        language = self._i18n.language
        for line in self._lines:
            button = self.line_buttons[line.code]
            button.set_badge(line.code)
            button.set_label(self._i18n.text(line.name))
            names = [self._i18n.text(p.name) for p in line.procedures[:CAPTION_PROCEDURES]]
            more = "…" if len(line.procedures) > CAPTION_PROCEDURES else ""
            waiting = translate("ChooseScreen", "Đang chờ: {count} người", None, line.waiting)
            parts = [", ".join(names) + more] if names else []
            if self._waiting_known:
                parts.append(waiting.format(count=format_number(line.waiting, language=language)))
            button.set_caption("\n".join(parts))
        self._show_priority()
        self._show_hint()

    def _columns(self) -> int:
        count = len(self._lines)
        if self.theme is not None and self.theme.portrait:
            return 1 if count <= 6 else 2
        return 3 if count > 4 else 2 if count > 1 else 1

    def _make_button(self, code: str) -> PictureButton:
        button = PictureButton(kind="picture", tone="neutral")
        button.setProperty("line", code)
        button.clicked.connect(self._on_line_clicked)
        return button

    @Slot()
    def _show_hint(self) -> None:
        if self.busy_hint_shown():
            self.hint.setText(translate("ChooseScreen", "Đang lấy số, xin chờ một chút…"))
        elif not self._lines:
            self.hint.setText(translate("ChooseScreen", "Đang chuẩn bị, xin chờ một chút…"))
        else:
            self.hint.setText(translate("ChooseScreen", "Chạm vào một ô để lấy số."))

    def _show_priority(self) -> None:
        if self._priority_name is None:
            self.priority_bar.set_icon_name("priority")
            self.priority_bar.set_label(translate("ChooseScreen", "Bạn thuộc nhóm ưu tiên?"))
            self.priority_bar.set_caption(self._priority_caption)
        else:
            self.priority_bar.set_icon_name("check")
            label = translate("ChooseScreen", "Số ưu tiên: {group}")
            self.priority_bar.set_label(label.format(group=self._priority_name))
            self.priority_bar.set_caption(
                translate("ChooseScreen", "Chạm vào đây nếu bạn không thuộc nhóm ưu tiên.")
            )

    @Slot(str)
    def _on_i18n_language_changed(self, _language: str) -> None:
        self.retranslate()

    @Slot()
    def _on_line_clicked(self) -> None:
        if not self._busy:
            self.line_chosen.emit(str(self.sender().property("line")))

    @Slot()
    def _on_back_clicked(self) -> None:
        if not self._busy:
            self.back_clicked.emit()

    @Slot()
    def _on_priority_bar_clicked(self) -> None:
        if self._busy:
            return
        if self._priority_name is None:
            self.priority_clicked.emit()
        else:
            self.priority_cleared.emit()
