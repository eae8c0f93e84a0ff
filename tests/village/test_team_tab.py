"""The manager's "Tổ công nghệ số" tab shows the team report's figures of the current month."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FixedClock
from kiosk.domain.team_report import PeriodKind, ReportPeriod
from kiosk.services.context import CLI_ACTOR, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.team_report import build_team_report
from tests.village.conftest import PLACE, Team
from tests.village.team_month import TAY, VN, build_month
from ui.manager.program import ManagerProgram, build
from ui.shell import Env, Runtime

NOVEMBER = ReportPeriod(PeriodKind.MONTH, 2026, 11)
PIN = "246824"


@pytest.fixture
def manager(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, commune: AppContext
) -> Iterator[ManagerProgram]:
    env = Env(app=qapp, config=commune.config, clock=commune.clock, size=QSize(1366, 768))
    program = build(env)
    runtime = Runtime.over_context(commune, loop=loop)
    program.window.show()
    program.start(runtime)
    yield program
    program.close()
    runtime.close()
    qtbot.wait_until(runtime.runner.is_idle, timeout=5000)


def wait_idle(qtbot: QtBot, program: ManagerProgram) -> None:
    assert program.runtime is not None
    qtbot.wait_until(program.runtime.runner.is_idle, timeout=10_000)


def row_texts(frame: object) -> list[list[str]]:
    """The texts of a table panel, grouped by grid row (label, this month, before, change)."""
    assert isinstance(frame, QWidget)
    grid = next(
        w.layout() for w in frame.findChildren(QWidget) if isinstance(w.layout(), QGridLayout)
    )
    assert isinstance(grid, QGridLayout)
    rows: list[list[str]] = []
    for row in range(grid.rowCount()):
        cells = [grid.itemAtPosition(row, col) for col in range(grid.columnCount())]
        rows.append(
            [c.widget().text() for c in cells if c is not None and isinstance(c.widget(), QLabel)]
        )
    return rows


@pytest.mark.parametrize("commune_url", ["sqlite"], indirect=True)
def test_the_team_tab_shows_the_month_as_the_report_counts_it(
    qtbot: QtBot,
    manager: ManagerProgram,
    commune: AppContext,
    village: AppContext,
    clock: FixedClock,
    team: Team,
) -> None:
    build_month(commune, village, clock, team)
    clock.now = datetime(2026, 11, 30, 16, 0, tzinfo=VN)
    boss = add_helper(
        commune, name="Phạm Văn Chủ", kind="staff", role="manager", pin=PIN, actor=CLI_ACTOR
    )
    window = manager.window
    assert not window.tabs.isVisible()  # nothing before a manager's PIN
    window.gate.pin_submitted.emit(boss.id, PIN)
    wait_idle(qtbot, manager)
    assert window.tabs.isVisible()
    window.team_tab.click()
    wait_idle(qtbot, manager)
    assert window.stack.currentWidget() is window.team

    shown = window.team.report()
    expected = build_team_report(commune, period=NOVEMBER)
    assert shown is not None
    assert shown.period == NOVEMBER
    assert (shown.current, shown.before) == (expected.current, expected.before)
    assert window.team.title.text().endswith("tháng 11/2026")
    main = {row[0]: row[1:] for row in row_texts(window.team.panels[0]) if row}
    # Counted by hand in tests/village/team_month.py: 7 helped (desk 2), 2 VNeID, 75 % online.
    assert main["Người dân được hỗ trợ (lượt)"][:2] == ["7", "2"]
    assert main["Tài khoản VNeID được kích hoạt"][:2] == ["2", "1"]
    assert main["Buổi hỗ trợ tại thôn"][:2] == ["1", "1"]
    assert main["Tỷ lệ hồ sơ nộp trực tuyến có hỗ trợ"][0] == "75,0 %"
    assert window.team.chart.rows() == [(PLACE, 4, 1), (TAY, 1, 0)]
    assert window.team.chart_panel.isVisible()

    window.summary_tab.click()
    assert window.stack.currentWidget() is window.summary
