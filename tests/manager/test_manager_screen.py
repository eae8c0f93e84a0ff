"""The manager's window: only a manager's PIN opens it; the day's figures; export with audit."""

from __future__ import annotations

import asyncio
import json
import stat
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.clock import FixedClock
from kiosk.domain.enums import HelperPart, Outcome
from kiosk.domain.visits import HelperCredit
from kiosk.services import calling
from kiosk.services.context import Actor, AppContext
from kiosk.services.helpers import add_helper
from kiosk.services.ratings import rate_ticket
from kiosk.services.tickets import issue_ticket
from kiosk.services.visits import finish_visit
from kiosk.storage.models import AuditEntry
from printing.report_sections import fmt_share
from ui.manager.program import ManagerProgram, build
from ui.shell import Env, Runtime

ADMIN = Actor("admin")
MANAGER_PIN = "246824"


@pytest.fixture
def manager(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, sqlite_ctx: AppContext
) -> Iterator[ManagerProgram]:
    env = Env(app=qapp, config=sqlite_ctx.config, clock=sqlite_ctx.clock, size=QSize(1366, 768))
    program = build(env)
    runtime = Runtime.over_context(sqlite_ctx, loop=loop)
    program.window.show()
    program.start(runtime)
    yield program
    program.close()
    runtime.close()
    qtbot.wait_until(runtime.runner.is_idle, timeout=5000)


def wait_idle(qtbot: QtBot, manager: ManagerProgram) -> None:
    assert manager.runtime is not None
    qtbot.wait_until(manager.runtime.runner.is_idle, timeout=10_000)


def signed_in(manager: ManagerProgram) -> object:
    assert manager.controller is not None
    return manager.controller.signed_in()


def small_day(ctx: AppContext, clock: FixedClock) -> dict[str, int]:
    """Three A tickets: two served (waits of 10 and 25 min, one rated), one still waiting."""
    lead = add_helper(ctx, name="Lê Thị Hoa", kind="staff", role="desk_officer", actor=ADMIN)
    first = issue_ticket(ctx, line_code="A", procedure_code="khai-sinh")
    second = issue_ticket(ctx, line_code="A")
    issue_ticket(ctx, line_code="A")
    for ticket, wait in ((first, 10), (second, 10)):
        clock.advance(minutes=wait)
        calling.call_ticket(ctx, ticket_id=ticket.id, counter_number=1, actor=ADMIN)
        clock.advance(minutes=5)
        finish_visit(
            ctx,
            ticket_id=ticket.id,
            helpers=[HelperCredit(lead.id, HelperPart.LEAD)],
            outcomes=[Outcome.GUIDED_ONLY],
            actor=ADMIN,
        )
    rate_ticket(ctx, number=first.number, level=3, reason=None)
    return {"lead": lead.id}


def managers(ctx: AppContext) -> tuple[int, int]:
    boss = add_helper(
        ctx, name="Phạm Văn Chủ", kind="staff", role="manager", pin=MANAGER_PIN, actor=ADMIN
    )
    clerk = add_helper(
        ctx, name="Đỗ Thị Thư", kind="staff", role="desk_officer", pin="1357", actor=ADMIN
    )
    return boss.id, clerk.id


def managers_on_the_gate(qtbot: QtBot, ctx: AppContext, manager: ManagerProgram) -> int:
    """Add the manager and the clerk, and show the gate with the names read again; the boss."""
    boss, _clerk = managers(ctx)
    assert manager.controller is not None
    manager.controller.start()
    wait_idle(qtbot, manager)
    return boss


def sign_in(qtbot: QtBot, manager: ManagerProgram, helper_id: int, pin: str) -> None:
    manager.window.gate.pin_submitted.emit(helper_id, pin)
    wait_idle(qtbot, manager)


def test_only_managers_are_offered_and_a_wrong_pin_is_refused(
    qtbot: QtBot, sqlite_ctx: AppContext, manager: ManagerProgram
) -> None:
    boss = managers_on_the_gate(qtbot, sqlite_ctx, manager)
    manager_window = manager.window
    assert list(manager_window.gate.name_buttons) == [boss]
    manager_window.gate.choose(boss)
    for digit in "1111":
        manager_window.gate.keypad.press(digit)
    manager_window.gate.keypad.press("ok")
    wait_idle(qtbot, manager)
    assert manager_window.gate.message.text() == "Mã PIN không đúng."
    assert manager_window.stack.currentWidget() is manager_window.gate
    assert signed_in(manager) is None


def test_the_pin_is_typed_on_the_keyboard(
    qtbot: QtBot, sqlite_ctx: AppContext, manager: ManagerProgram
) -> None:
    """Keys as the window system delivers them, to the window: digits, Backspace, Enter."""
    boss = managers_on_the_gate(qtbot, sqlite_ctx, manager)
    window = manager.window
    handle = window.windowHandle()
    assert handle is not None
    window.gate.name_buttons[boss].click()
    for key in [Qt.Key(int(Qt.Key.Key_0) + int(d)) for d in MANAGER_PIN] + [Qt.Key.Key_9]:
        QTest.keyClick(handle, key)
    assert window.gate.keypad.digits() == MANAGER_PIN + "9"
    QTest.keyClick(handle, Qt.Key.Key_Backspace)
    QTest.keyClick(handle, Qt.Key.Key_Enter)
    wait_idle(qtbot, manager)
    assert window.stack.currentWidget() is window.summary
    assert signed_in(manager) is not None


def test_one_name_is_a_button_not_a_wall(
    qtbot: QtBot, sqlite_ctx: AppContext, manager: ManagerProgram
) -> None:
    """A commune with one manager: the name sits at the top at its own height."""
    boss = managers_on_the_gate(qtbot, sqlite_ctx, manager)
    gate = manager.window.gate
    QApplication.processEvents()
    button = gate.name_buttons[boss]
    assert button.isVisible()
    assert button.height() <= max(button.sizeHint().height(), button.minimumHeight())
    assert button.height() < gate.grid.viewport().height() / 2
    assert button.mapTo(gate.grid.viewport(), button.rect().topLeft()).y() == 0


def test_a_non_manager_with_a_right_pin_is_refused(
    qtbot: QtBot, sqlite_ctx: AppContext, manager: ManagerProgram
) -> None:
    _boss, clerk = managers(sqlite_ctx)
    sign_in(qtbot, manager, clerk, "1357")
    assert manager.window.gate.message.text() == "Chỉ lãnh đạo mới xem được báo cáo."
    assert signed_in(manager) is None


def test_the_summary_shows_the_known_numbers_of_a_small_day(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager: ManagerProgram
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager, boss, MANAGER_PIN)
    summary_screen = manager.window.summary
    assert manager.window.stack.currentWidget() is summary_screen
    summary = summary_screen.summary()
    assert summary is not None
    totals = summary.tickets.totals
    assert (totals.issued.current, totals.served.current) == (3, 2)
    assert summary.tickets.wait_median_min.current == 17.5
    assert fmt_share(summary.ratings.satisfied_share.current) == "100,0 %"
    texts = [
        label.text()
        for label in summary_screen.sections["tickets"].findChildren(type(summary_screen.period))
    ]
    # The report's own table: "Số phiếu đã lấy | 3 | 0 | +3", as in the PDF.
    row = texts.index("Số phiếu đã lấy")
    assert texts[row : row + 4] == ["Số phiếu đã lấy", "3", "0", "+3"]
    times = [label.text() for label in summary_screen.sections["times"].findChildren(QLabel)]
    assert "17,5" in times  # the Vietnamese decimal comma, as in the PDF
    assert sum(summary_screen.chart.counts()) == 3
    assert "ngày 23/11/2026" in summary_screen.period.text()


def test_previous_day_and_this_month(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager: ManagerProgram
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager, boss, MANAGER_PIN)
    screen = manager.window.summary
    assert not screen.next.isEnabled()  # no summary of tomorrow
    screen.previous.click()
    wait_idle(qtbot, manager)
    assert screen.summary() is not None
    assert screen.summary().tickets.totals.issued.current == 0
    screen.month.click()
    wait_idle(qtbot, manager)
    assert screen.current_period().days == 30
    assert screen.summary().tickets.totals.issued.current == 3


def test_export_writes_pdf_and_csv_and_audits_them(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager: ManagerProgram
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager, boss, MANAGER_PIN)
    window = manager.window
    window.summary.export.click()
    form = window.export
    assert window.stack.currentWidget() is form
    # Prefilled from the figures; the manager rewrites it on the PC's keyboard.
    assert form.narrative.toPlainText().startswith("Trong ngày 23/11/2026,")
    assert "đã cấp 3 số thứ tự" in form.narrative.toPlainText()
    form.narrative.selectAll()
    # QTest types ASCII only; Vietnamese arrives through the input method as committed text.
    form.narrative.insertPlainText("Sáng nay đông người làm khai sinh.")
    QTest.keyClicks(form.number, "05")
    form.signer.setText("Phạm Văn Chủ")
    form.export.click()
    wait_idle(qtbot, manager)
    assert window.stack.currentWidget() is window.summary
    pdf = sqlite_ctx.config.reports_dir / "tong-hop-2026-11-23.pdf"
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 05/BC-UBND",
        "Sáng nay đông người làm khai sinh.",
        "Phạm Văn Chủ",
    ):
        assert expected in text
    assert "đã cấp 3 số thứ tự" not in text
    csv = sqlite_ctx.config.reports_dir / "tong-hop-2026-11-23.csv"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert csv.stat().st_size > 0
    assert str(pdf) in window.summary.status.text()
    # Names of helpers and visitors' business: only the kiosk's user may read them.
    assert stat.S_IMODE(pdf.parent.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in (pdf, csv)} == {0o600}
    with sqlite_ctx.db.read() as session:
        actions = [
            (a.actor_helper_id, a.after)
            for a in session.scalars(select(AuditEntry).where(AuditEntry.entity == "summary"))
        ]
    assert [helper for helper, _after in actions] == [boss, boss]
    written = {entry["format"]: entry for entry in (json.loads(a or "{}") for _h, a in actions)}
    assert written["pdf"]["number"] == "05"  # the number the report went out under
    assert written["csv"]["file"] == str(csv)


def test_the_gate_shows_a_manager_added_by_another_process_without_a_restart(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, sqlite_ctx: AppContext
) -> None:
    env = Env(app=qapp, config=sqlite_ctx.config, clock=sqlite_ctx.clock, size=QSize(1366, 768))
    program = build(env)
    runtime = Runtime.over_context(sqlite_ctx, loop=loop, watch=True)  # the real live path
    gate = program.window.gate
    try:
        program.window.show()
        program.start(runtime)
        qtbot.wait_until(lambda: "Chưa có lãnh đạo nào có mã PIN" in gate.hint.text())
        wait_idle(qtbot, program)
        assert gate.name_buttons == {}
        added = subprocess.run(
            [
                sys.executable,
                "-m",
                "kiosk.cli",
                "--config",
                sqlite_ctx.config.source,
                "helpers",
                "add",
                "Phạm Văn Chủ",
                "--kind",
                "staff",
                "--role",
                "manager",
                "--with-pin",
            ],
            input=f"{MANAGER_PIN}\n",
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert added.returncode == 0, added.stderr
        qtbot.wait_until(lambda: len(gate.name_buttons) == 1, timeout=10_000)
        [boss] = gate.name_buttons
        assert gate.name_buttons[boss].label() == "Phạm Văn Chủ"
        assert "Chọn tên của bạn" in gate.hint.text()
        sign_in(qtbot, program, boss, MANAGER_PIN)
        assert program.window.stack.currentWidget() is program.window.summary
    finally:
        program.close()
        runtime.close()
        qtbot.wait_until(runtime.runner.is_idle, timeout=5000)


def test_without_a_commune_name_the_summary_says_to_set_it(
    qtbot: QtBot, sqlite_ctx: AppContext, manager: ManagerProgram
) -> None:
    assert sqlite_ctx.config.site.commune == ""
    boss, _ = managers(sqlite_ctx)
    sign_in(qtbot, manager, boss, MANAGER_PIN)
    summary_screen = manager.window.summary
    assert summary_screen.setup_note.isVisible()
    assert "[site] commune" in summary_screen.setup_text.text()
