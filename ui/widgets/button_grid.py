"""A grid of big buttons that may scroll (kinetically, by dragging) when they do not fit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from ui.widgets.layout_items import empty_layout


def make_kinetic(area: QScrollArea) -> None:
    """Drag (touch or mouse) to scroll, with inertia; no overshoot bounce that looks broken."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    policy = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, policy)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, policy)
    scroller.setScrollerProperties(props)


def fit_content_when_shown(area: QScrollArea) -> None:
    """Size a resizable scroll area's content to its words again; call from ``showEvent``.

    WORKAROUND: QWidget::updateGeometry() posts no LayoutRequest while a widget is hidden, so
    text changed on a hidden page (another guide, the other language, large text) leaves the
    content at its old height and wrapped labels are clipped. The scroll area recomputes the
    content's height for its width when it gets a LayoutRequest.
    """
    QCoreApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))


class ButtonGrid(QScrollArea):
    """Buttons in rows of ``columns``; scrolls vertically only if the screen is too small.

    With ``scrolls=False`` (home tiles, which always fit) there is no scrolling at all.
    """

    def __init__(self, *, scrolls: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinetic_pending = scrolls
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self._inner)
        self._buttons: list[QWidget] = []

    def set_buttons(self, buttons: Sequence[QWidget], *, columns: int) -> None:
        """Replace the buttons (the old ones are deleted) and lay them out."""
        for old in self._buttons:
            if old not in buttons:
                old.deleteLater()
        self._buttons = list(buttons)
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        """Lay the buttons out again in ``columns`` equal columns."""
        empty_layout(self._grid)
        columns = max(1, columns)
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 0)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        for col in range(columns):
            self._grid.setColumnStretch(col, 1)

    def set_spacing(self, spacing_px: int) -> None:
        """Space between buttons."""
        self._grid.setSpacing(spacing_px)

    def spacing(self) -> int:
        """Space between buttons, in pixels."""
        return self._grid.spacing()

    def buttons(self) -> list[QWidget]:
        """The buttons in order."""
        return list(self._buttons)

    def showEvent(self, event: QShowEvent) -> None:
        # QScroller costs ~20 ms to set up: paid when the grid is first shown, not at start-up.
        if self._kinetic_pending:
            self._kinetic_pending = False
            make_kinetic(self)
        fit_content_when_shown(self)
        super().showEvent(event)
