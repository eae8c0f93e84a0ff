"""The desk's waiting list changes only what changed.

A live desk gets every ticket issued anywhere. Re-parenting a row makes Qt style it again with
its subtree under the desk's stylesheet, and rebuilding every section on each read was most of
a desk's refresh (bench/live.py, PostgreSQL: p90 over the 100 ms goal). So a row of a ticket
that still waits keeps its parent, a section keeps its widgets, and the rows stay in order.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.desk.waiting_list import WaitingList, WaitingRow, WaitingSection


class _ParentChanges(QObject):
    """Counts the parent changes of the widgets it watches."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self.count += 1
        return False


def _row(ticket_id: int, number: str, *, priority: bool = False) -> WaitingRow:
    return WaitingRow(ticket_id=ticket_id, number=number, caption="chờ 0 phút", priority=priority)


def _section(code: str, *rows: WaitingRow) -> WaitingSection:
    return WaitingSection(f"{code}: {len(rows)} người chờ", tuple(rows), "Không có ai chờ.")


def _numbers_in_order(waiting: WaitingList, ticket_ids: list[int]) -> list[str]:
    """The numbers of the section holding these rows, read from its grid cell by cell."""
    block = waiting.rows[ticket_ids[0]].parentWidget()
    assert block is not None
    grid = block.layout()
    assert isinstance(grid, QGridLayout)
    numbers = []
    for index in range(len(ticket_ids)):
        cell = grid.itemAtPosition(index // 2, index % 2)
        widget = None if cell is None else cell.widget()
        assert widget is not None, index
        numbers.append(waiting.rows[int(widget.property("ticket_id"))].label())
    return numbers


def test_a_new_ticket_neither_rebuilds_nor_reparents_the_rows_shown(qtbot: QtBot) -> None:
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    a = [_row(1, "A001"), _row(2, "A002", priority=True), _row(3, "A003")]
    waiting.set_sections([_section("A", *a), _section("B", _row(4, "B001"))])
    waiting.show()
    shown = dict(waiting.rows)
    parent_changes = _ParentChanges(list(shown.values()))

    waiting.set_sections([_section("A", *a, _row(5, "A004")), _section("B", _row(4, "B001"))])

    assert parent_changes.count == 0
    assert all(waiting.rows[ticket_id] is button for ticket_id, button in shown.items())
    assert _numbers_in_order(waiting, [1, 2, 3, 5]) == ["A001", "A002", "A003", "A004"]


def test_rows_follow_their_tickets_out_of_the_middle_and_across_sections(qtbot: QtBot) -> None:
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    waiting.set_sections(
        [_section("A", _row(1, "A001"), _row(2, "A002"), _row(3, "A003")), _section("B")]
    )
    waiting.show()
    moved = waiting.rows[2]

    # A001 called, A002 transferred to line B.
    waiting.set_sections([_section("A", _row(3, "A003")), _section("B", _row(2, "A002"))])

    assert set(waiting.rows) == {2, 3}
    assert waiting.rows[2] is moved
    assert _numbers_in_order(waiting, [3]) == ["A003"]
    assert _numbers_in_order(waiting, [2]) == ["A002"]
    assert waiting.rows[2].parentWidget() is not waiting.rows[3].parentWidget()
    qtbot.wait_until(lambda: all(button.isVisible() for button in waiting.rows.values()))


def test_an_emptied_section_says_so_and_a_section_no_longer_shown_goes(qtbot: QtBot) -> None:
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    waiting.set_sections([_section("A", _row(1, "A001")), _section("C", _row(9, "C001"))])
    waiting.show()
    before = set(waiting.findChildren(QWidget))

    waiting.set_sections([_section("A")])

    assert waiting.rows == {}
    qtbot.wait_until(
        lambda: (
            [label.text() for label in _visible_labels(waiting)]
            == ["A: 0 người chờ", "Không có ai chờ."]
        )
    )
    gone = before - set(waiting.findChildren(QWidget))
    assert {widget.property("ticket_id") for widget in gone} >= {1, 9}  # both rows retired


def _visible_labels(waiting: WaitingList) -> list[QLabel]:
    inner = waiting.widget()
    assert inner is not None
    labels = [
        label
        for label in inner.findChildren(QLabel)
        if label.isVisibleTo(waiting) and label.parentWidget() is inner
    ]
    return sorted(labels, key=lambda label: label.y())
