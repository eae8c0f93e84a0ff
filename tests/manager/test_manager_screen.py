"""The manager's window: only a manager's PIN opens it; the day's figures; export with audit."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
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
from ui.manager.app import build_manager
from ui.manager.backend import ManagerBackend
from ui.manager.summary_screen import figure_text
from ui.manager.window import ManagerWindow

ADMIN = Actor("admin")
MANAGER_PIN = "246824"


@pytest.fixture
def manager_window(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, sqlite_ctx: AppContext
) -> Iterator[ManagerWindow]:
    window, runner = build_manager(
        app=qapp,
        loop=loop,
        backend=ManagerBackend.from_context(sqlite_ctx),
        width_px=1366,
        height_px=768,
    )
    window.show()
    window.start()
    yield window
    runner.close()
    qtbot.wait_until(runner.is_idle, timeout=5000)
    window.close()
    window.deleteLater()


def wait_idle(qtbot: QtBot, window: ManagerWindow) -> None:
    qtbot.wait_until(window._runner.is_idle, timeout=10_000)


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


def sign_in(qtbot: QtBot, window: ManagerWindow, helper_id: int, pin: str) -> None:
    window.gate.pin_submitted.emit(helper_id, pin)
    wait_idle(qtbot, window)


def test_only_managers_are_offered_and_a_wrong_pin_is_refused(
    qtbot: QtBot, sqlite_ctx: AppContext, manager_window: ManagerWindow
) -> None:
    boss, _clerk = managers(sqlite_ctx)
    manager_window.start()
    wait_idle(qtbot, manager_window)
    assert list(manager_window.gate.name_buttons) == [boss]
    manager_window.gate.choose(boss)
    for digit in "1111":
        manager_window.gate.keypad.press(digit)
    manager_window.gate.keypad.press("ok")
    wait_idle(qtbot, manager_window)
    assert manager_window.gate.message.text() == "Mã PIN không đúng."
    assert manager_window.stack.currentWidget() is manager_window.gate
    assert manager_window.signed_in() is None


def test_a_non_manager_with_a_right_pin_is_refused(
    qtbot: QtBot, sqlite_ctx: AppContext, manager_window: ManagerWindow
) -> None:
    _boss, clerk = managers(sqlite_ctx)
    sign_in(qtbot, manager_window, clerk, "1357")
    assert manager_window.gate.message.text() == "Chỉ lãnh đạo mới xem được báo cáo."
    assert manager_window.signed_in() is None


def test_the_summary_shows_the_known_numbers_of_a_small_day(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager_window: ManagerWindow
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager_window, boss, MANAGER_PIN)
    summary_screen = manager_window.summary
    assert manager_window.stack.currentWidget() is summary_screen
    summary = summary_screen.summary()
    assert summary is not None
    totals = summary.tickets.totals
    assert (totals.issued.current, totals.served.current) == (3, 2)
    assert summary.tickets.wait_median_min.current == 17.5
    assert figure_text(summary.ratings.satisfied_share, percent=True).startswith("100%")
    texts = [
        label.text()
        for label in summary_screen.sections["tickets"].findChildren(type(summary_screen.period))
    ]
    assert "3 (+3)" in texts and "2 (+2)" in texts
    assert sum(summary_screen.chart.counts()) == 3
    assert "ngày 23/11/2026" in summary_screen.period.text()


def test_previous_day_and_this_month(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager_window: ManagerWindow
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager_window, boss, MANAGER_PIN)
    screen = manager_window.summary
    assert not screen.next.isEnabled()  # no summary of tomorrow
    screen.previous.click()
    wait_idle(qtbot, manager_window)
    assert screen.summary() is not None
    assert screen.summary().tickets.totals.issued.current == 0
    screen.month.click()
    wait_idle(qtbot, manager_window)
    assert screen.current_period().days == 30
    assert screen.summary().tickets.totals.issued.current == 3


def test_export_writes_pdf_and_csv_and_audits_them(
    qtbot: QtBot, sqlite_ctx: AppContext, clock: FixedClock, manager_window: ManagerWindow
) -> None:
    boss, _ = managers(sqlite_ctx)
    small_day(sqlite_ctx, clock)
    sign_in(qtbot, manager_window, boss, MANAGER_PIN)
    manager_window.summary.export.click()
    wait_idle(qtbot, manager_window)
    pdf = sqlite_ctx.config.reports_dir / "tong-hop-2026-11-23.pdf"
    csv = sqlite_ctx.config.reports_dir / "tong-hop-2026-11-23.csv"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert csv.stat().st_size > 0
    assert str(pdf) in manager_window.summary.status.text()
    with sqlite_ctx.db.read() as session:
        actions = [
            (a.actor_helper_id, a.after)
            for a in session.scalars(select(AuditEntry).where(AuditEntry.entity == "summary"))
        ]
    assert [helper for helper, _after in actions] == [boss, boss]
    assert any('"pdf"' in after for _helper, after in actions)
