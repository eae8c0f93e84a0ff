"""Laying widgets out again frees the old layout items (PySide6 leaked each taken item)."""

import shiboken6
from PySide6.QtWidgets import QGridLayout, QSpacerItem, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.layout_items import empty_layout
from ui.widgets.packed_grid import PackedGrid


def test_emptying_a_layout_frees_its_items_and_keeps_its_widgets(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    grid = QGridLayout(window)
    buttons = [QWidget(window) for _ in range(4)]
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // 2, index % 2)
    grid.addItem(QSpacerItem(1, 1), 2, 0)
    items = [grid.itemAt(i) for i in range(grid.count())]
    empty_layout(grid)
    assert grid.count() == 0
    assert not any(shiboken6.isValid(item) for item in items), "every item freed"
    assert all(shiboken6.isValid(button) for button in buttons), "the widgets stay"


def test_a_grid_laid_out_again_leaves_no_item_behind(qtbot: QtBot) -> None:
    grid = PackedGrid()
    qtbot.addWidget(grid)
    buttons = [QWidget() for _ in range(6)]
    grid.set_buttons(buttons, columns=3)
    layout = grid.findChild(QGridLayout)
    assert layout is not None
    before = [layout.itemAt(i) for i in range(layout.count())]
    grid.set_columns(2)
    assert not any(shiboken6.isValid(item) for item in before)
