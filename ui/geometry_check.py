"""What is cut, clipped or overlapping in a window now, read from the real widget geometry.

Size hints say what a layout would like; this reads where the widgets are: every visible
widget inside its parent (or in a scroll area that can scroll that way), every label's words
inside its box (measured with the label's own font, wrapped at its width), every button's
words inside its padding, no two widgets of one layout over each other. Used by the layout
tests on every screen, and by ``KIOSK_GEOMETRY_DUMP`` in a real X11 window (see
``ui.geometry_dump``), so both judge the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from ui.widgets.elided_label import ElidedLabel
from ui.widgets.fit_label import FitLabel
from ui.widgets.ticker import SCROLLS_SIDEWAYS

# Rounding of fractional font metrics: a pixel either way is not a cut letter.
SLACK_PX = 1
TEXT_LIMIT = 40


def describe(widget: QWidget) -> str:
    """``QLabel('Lấy số thứ tự')`` or ``PictureButton[tile=help]``: enough to find it."""
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    if not text and isinstance(widget, QAbstractButton):  # a picture button: its first label
        inner = widget.findChildren(QLabel)
        text = next((label.text() for label in inner if label.text()), "")
    name = widget.objectName() or ""
    tile = widget.property("tile")
    tag = f"[{name}]" if name else f"[tile={tile}]" if tile else ""
    words = f"({text[:TEXT_LIMIT]!r})" if text else ""
    where = ""
    if not (tag or words):  # a plain container: say whose (a grid's content, a panel)
        owner = widget.parentWidget()
        while owner is not None and type(owner) is QWidget:
            owner = owner.parentWidget()
        where = f" in {describe(owner)}" if owner is not None else ""
    return f"{type(widget).__name__}{tag}{words}{where}"


def shown_widgets(window: QWidget) -> list[QWidget]:
    """The widgets of ``window`` a visitor can see now (not those of other top-level windows)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisibleTo(window) and widget.window() is window
    ]


def _scroll_area_of(viewport: QWidget) -> QAbstractScrollArea | None:
    area = viewport.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
        return area
    return None


def _clipped(widget: QWidget) -> str | None:
    """How the widget sticks out of its parent, unless its parent scrolls that way."""
    parent = widget.parentWidget()
    if parent is None:
        return None
    box, room = widget.geometry(), parent.rect()
    if parent.property(SCROLLS_SIDEWAYS):  # a marquee's band runs past both ends by design
        room.setLeft(min(room.left(), box.left()))
        room.setRight(max(room.right(), box.right()))
    area = _scroll_area_of(parent)
    if area is not None:  # content may run past a scroll area that scrolls that way
        off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if area.verticalScrollBarPolicy() != off:
            room.setTop(min(room.top(), box.top()))
            room.setBottom(max(room.bottom(), box.bottom()))
        if area.horizontalScrollBarPolicy() != off:
            room.setLeft(min(room.left(), box.left()))
            room.setRight(max(room.right(), box.right()))
    if room.contains(box):
        return None
    return (
        f"{box.width()}x{box.height()}+{box.x()}+{box.y()} outside {room.width()}x{room.height()}"
    )


def _text_box(label: QLabel) -> QRect:
    box = label.contentsRect()
    margin = label.margin()
    return box.adjusted(margin, margin, -margin, -margin)


def _label_cut(label: QLabel) -> str | None:
    """The words of a label that do not fit its box at its font and width."""
    if isinstance(label, FitLabel):
        return None  # draws its text as large as the box allows, by design
    if isinstance(label, ElidedLabel):
        shown = label.shown_text()
        return None if shown == label.text() else f"elided to {shown[:TEXT_LIMIT]!r}"
    box = _text_box(label)
    metrics = QFontMetrics(label.font())
    flags = int(label.alignment())
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, max(1, box.width()), 100_000), flags, label.text())
    if not label.wordWrap() and "\n" not in label.text():
        # One line: what matters is the ink. A huge ticket number may lose the empty leading
        # above its capitals to a tight box; a cut accent or descender is a cut letter.
        needed = _line_ink(label, box, metrics)
        if box.contains(needed):
            return None
        return f"ink {needed.height()}px high at {needed.y()}, box {box.height()}px at {box.y()}"
    if needed.width() > box.width() + SLACK_PX or needed.height() > box.height() + SLACK_PX:
        return f"needs {needed.width()}x{needed.height()}px, has {box.width()}x{box.height()}px"
    return None


def _line_ink(label: QLabel, box: QRect, metrics: QFontMetrics) -> QRect:
    """Where a one-line label's glyphs are drawn (QLabel centres the line box as aligned)."""
    align = label.alignment()
    line = metrics.height()
    if align & Qt.AlignmentFlag.AlignTop:
        top = box.top()
    elif align & Qt.AlignmentFlag.AlignBottom:
        top = box.bottom() + 1 - line
    else:
        top = box.top() + (box.height() - line) // 2
    ink = metrics.tightBoundingRect(label.text())
    width = metrics.horizontalAdvance(label.text())
    if width > box.width() + SLACK_PX:
        return QRect(box.left(), top, width, line)  # too wide: as cut as can be
    return QRect(
        box.left(), top + metrics.ascent() + ink.top(), min(width, box.width()), ink.height()
    ).adjusted(0, SLACK_PX, 0, -SLACK_PX)


def _button_cut(button: QPushButton) -> str | None:
    """The words of a word button that do not fit inside its padding."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    box = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    metrics = QFontMetrics(button.font())
    needed = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), 0, button.text())
    width = needed.width()
    if not button.icon().isNull():
        width += button.iconSize().width() + 4  # Qt's gap between icon and words
    if width > box.width() + SLACK_PX or needed.height() > box.height() + SLACK_PX:
        return f"needs {width}x{needed.height()}px, has {box.width()}x{box.height()}px"
    return None


def _words_cut(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
        return _label_cut(widget)
    if isinstance(widget, QPushButton) and widget.text():
        return _button_cut(widget)
    return None


def _in_layout(layout: QLayout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _in_layout(inner, widget):
            return True
    return False


def _laid_out(widget: QWidget) -> bool:
    """Placed by its parent's layout (overlays and floating marks are not, and may cover)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    return layout is not None and _in_layout(layout, widget)


def _overlaps(widgets: list[QWidget]) -> Iterator[str]:
    by_parent: dict[int, list[QWidget]] = {}
    for widget in widgets:
        parent = widget.parentWidget()
        if parent is not None and _laid_out(widget):
            by_parent.setdefault(id(parent), []).append(widget)
    for siblings in by_parent.values():
        for one, other in itertools.combinations(siblings, 2):
            shared = one.geometry() & other.geometry()
            if shared.width() > SLACK_PX and shared.height() > SLACK_PX:
                area = f"{shared.width()}x{shared.height()}px"
                yield f"{describe(one)} overlaps {describe(other)} by {area}"


def _least_size(widget: QWidget) -> tuple[int, int]:
    """The size a layout will not shrink ``widget`` below (its minimum, else its hint's)."""
    hint, least = widget.minimumSizeHint(), widget.minimumSize()
    return (least.width() or hint.width(), least.height() or hint.height())


def _scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` is inside a scroll area's viewport (it may be larger than the area)."""
    parent = widget.parentWidget()
    while parent is not None:
        if _scroll_area_of(parent) is not None:
            return True
        parent = parent.parentWidget()
    return False


def _too_big(window: QWidget, *, width: int, height: int) -> Iterator[str]:
    """The innermost widgets, shown or on a stack's other page, that need more than the screen.

    A stack is as large as its largest page, so a page never shown can still widen the window.
    """
    big = {
        widget: need
        for widget in window.findChildren(QWidget)
        if widget.window() is window
        and not _scrolls(widget)
        and ((need := _least_size(widget))[0] > width or need[1] > height)
    }
    for widget, (need_w, need_h) in big.items():
        inner = widget.findChildren(QWidget)
        if not any(child in big for child in inner):
            yield f"{describe(widget)} needs at least {need_w}x{need_h}"


def geometry_problems(window: QWidget, *, width: int, height: int) -> list[str]:
    """Everything cut, clipped or overlapping in ``window`` as shown now; empty when all fits.

    ``width`` x ``height`` is the screen the window must fill without growing past it.
    """
    found = []
    if (window.width(), window.height()) != (width, height):
        found.append(f"window is {window.width()}x{window.height()}, screen {width}x{height}")
    found += _too_big(window, width=width, height=height)
    widgets = shown_widgets(window)
    for widget in widgets:
        if (where := _clipped(widget)) is not None:
            found.append(f"{describe(widget)} clipped: {where}")
        if (cut := _words_cut(widget)) is not None:
            found.append(f"{describe(widget)} cut: {cut}")
    found += _overlaps(widgets)
    return found
