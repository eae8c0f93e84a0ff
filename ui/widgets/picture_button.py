"""A big touch button with a picture, a label and an optional caption or letter badge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.theme import Theme
from ui.widgets.icons import icon_pixmap
from ui.widgets.screen import plain_label
from ui.widgets.style import set_style

WORDS_SPACING_PX = 4
# The pair in Colors.text_pairs whose ink the picture takes, per tone.
_TONE_ROLE = {
    "primary": "primary",
    "priority": "priority",
    "help": "help",
    "neutral": "surface_accent",
    "danger": "danger",
}


class PictureButton(QPushButton):
    """A tile or a choice: picture beside (or above) words that wrap, never clip.

    QPushButton sizes itself from its own text; the words here are labels in a layout, so the
    size hints come from that layout instead.

    Signals:
        clicked: inherited from QPushButton; one tap, no double tap, no long press.
    """

    def __init__(
        self,
        *,
        kind: str = "picture",
        tone: str = "neutral",
        vertical: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icon_name = ""
        self._theme: Theme | None = None
        self._icon_token = "button_icon"
        self._icon_limit_px: int | None = None
        self._caption_allowed = True
        self.setProperty("kind", kind)
        self.setProperty("tone", tone)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._picture = QLabel()
        self._badge = plain_label()
        self._label = plain_label()
        self._caption = plain_label()
        self._picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._badge.setProperty("textStyle", "badge")
        self._label.setProperty("textStyle", "label")
        self._caption.setProperty("textStyle", "caption")
        for label in (self._label, self._caption):
            label.setWordWrap(True)
        for label in (self._picture, self._badge, self._label, self._caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._badge.hide()
        self._caption.hide()
        words = QVBoxLayout()
        words.setSpacing(WORDS_SPACING_PX)
        words.addStretch(1)
        words.addWidget(self._label)
        words.addWidget(self._caption)
        words.addStretch(1)
        picture = QVBoxLayout()
        picture.setSpacing(0)
        picture.addStretch(1)
        picture.addWidget(self._picture, 0, Qt.AlignmentFlag.AlignCenter)
        picture.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignCenter)
        picture.addStretch(1)
        self._outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._outer.addStretch(0)
        self._outer.addLayout(picture, 0)
        self._outer.addLayout(words, 1)
        self._outer.addStretch(0)
        self.set_vertical(vertical)

    def set_vertical(self, vertical: bool) -> None:
        """Picture above the words (tiles in a row) or beside them (a list)."""
        direction = (
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        self._outer.setDirection(direction)
        # Above: the picture and words sit together in the middle. Beside: words take the width.
        self._outer.setStretch(0, 1 if vertical else 0)
        self._outer.setStretch(2, 0 if vertical else 1)
        self._outer.setStretch(3, 1 if vertical else 0)
        align = Qt.AlignmentFlag.AlignHCenter if vertical else Qt.AlignmentFlag.AlignLeft
        self._label.setAlignment(align)
        self._caption.setAlignment(align)

    def set_label(self, text: str) -> None:
        """The main words."""
        self._label.setText(text)

    def label(self) -> str:
        """The main words as shown."""
        return self._label.text()

    def set_caption(self, text: str) -> None:
        """Smaller words under the label; hidden when empty."""
        self._caption.setText(text)
        self._caption.setVisible(bool(text) and self._caption_allowed)

    def caption(self) -> str:
        """The caption as shown."""
        return self._caption.text()

    def set_badge(self, text: str) -> None:
        """A short text (a line letter) beside the picture; hidden when empty."""
        self._badge.setText(text)
        self._badge.setVisible(bool(text))

    def set_icon_name(self, name: str, *, size_token: str = "button_icon") -> None:
        """The picture, by icon name, and the theme size token that sets its size."""
        self._icon_name = name
        self._icon_token = size_token
        self._paint_icon()

    def set_compact(self, *, picture_px: int | None, caption: bool = True) -> bool:
        """Fit a smaller space: a smaller picture (or none), the caption shown or left out.

        ``picture_px`` caps the picture's side (0: no picture; None: the theme's size).

        Returns:
            True when this changed anything (the layout takes it with the next events).
        """
        if (picture_px, caption) == (self._icon_limit_px, self._caption_allowed):
            return False
        self._icon_limit_px, self._caption_allowed = picture_px, caption
        self._caption.setVisible(bool(self._caption.text()) and caption)
        self._paint_icon()
        return True

    def height_without_picture(self, width_px: int, *, caption: bool = True) -> int:
        """The height the words need at ``width_px`` with the picture above them, picture aside.

        Read from the labels, whose wrapped height is always current (a layout's cached height
        for width lags a change of picture until the next events).
        """
        margins = self._outer.contentsMargins()
        words_width = width_px - margins.left() - margins.right()
        words = self._label.heightForWidth(words_width)
        if caption and self._caption.text():
            words += WORDS_SPACING_PX + self._caption.heightForWidth(words_width)
        return margins.top() + margins.bottom() + self._outer.spacing() + words

    def set_tone(self, tone: str) -> None:
        """The colour scheme: primary, priority, help, neutral or danger."""
        set_style(self, tone=tone)
        self._paint_icon()

    def apply_theme(self, theme: Theme) -> None:
        """Sizes and the picture's colour for the current theme."""
        self._theme = theme
        pad = theme.px(theme.sizes.spacing)
        self._outer.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._outer.setSpacing(pad)
        self._paint_icon()

    def _paint_icon(self) -> None:
        if self._theme is None or not self._icon_name:
            self._picture.hide()
            return
        role = _TONE_ROLE.get(str(self.property("tone")), "surface")
        colour = self._theme.colors.text_pairs()[role][0]
        side = self._theme.px(getattr(self._theme.sizes, self._icon_token))
        if self._icon_limit_px is not None:
            side = min(side, self._icon_limit_px)
        if side <= 0:
            self._picture.hide()
            return
        self._picture.setPixmap(
            icon_pixmap(self._icon_name, side, colour, self.devicePixelRatioF())
        )
        self._picture.setFixedSize(side, side)
        self._picture.show()

    # Qt overrides: size from the layout of labels, not from QPushButton's (empty) text.
    # (Height for width needs no override: QWidget's own asks the layout.)
    def sizeHint(self) -> QSize:
        return self._outer.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._outer.minimumSize()
