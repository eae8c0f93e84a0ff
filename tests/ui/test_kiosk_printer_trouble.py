"""A failing, dead or slow printer: the number stays, the desk is told, the screen never freezes."""

from __future__ import annotations

import threading

from escpos.printer import Dummy
from PySide6.QtCore import QTimer
from sqlalchemy import select

from kiosk.services.alerts import AlertKind, open_alerts
from kiosk.storage.models import Ticket
from tests.ui.conftest import DeadPrinter, FailingPrinter, Kiosk, KioskFactory, SlowPrinter
from ui.kiosk.print_state import FAILED, PRINTED, PRINTING


def take_a_ticket(kiosk: Kiosk, line: str = "A") -> None:
    kiosk.tap(kiosk.window.home.buttons["take_number"])
    kiosk.tap(kiosk.window.choose.line_buttons[line])


def print_status(kiosk: Kiosk, ticket_id: int) -> str:
    with kiosk.ctx.db.read() as session:
        return session.scalars(select(Ticket.print_status).where(Ticket.id == ticket_id)).one()


def test_printer_failure_keeps_the_number_longer_and_alerts_the_desk(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk(device=FailingPrinter())
    take_a_ticket(kiosk)
    kiosk.wait_idle()
    window = kiosk.window
    ticket = window.ticket.ticket()
    assert ticket is not None
    assert window.current_screen() is window.ticket
    assert window.ticket.print_state() == FAILED
    assert window.ticket.number.text() == ticket.number
    assert "Xin hãy nhớ số của bạn: A001" in window.ticket.status_text.text()
    assert window.idle.timeout_s() == kiosk.ctx.config.kiosk.printer_trouble_screen_s
    assert print_status(kiosk, ticket.id) == "failed"
    alerts = open_alerts(kiosk.ctx)
    assert [(a.kind, a.ticket_id) for a in alerts] == [(AlertKind.PRINTER_TROUBLE, ticket.id)]
    assert "out of paper" in alerts[0].message


def test_a_dead_printer_times_out_into_the_trouble_state(make_kiosk: KioskFactory) -> None:
    kiosk = make_kiosk(device=DeadPrinter(), printer_timeout_s=0.5)
    take_a_ticket(kiosk)
    kiosk.qtbot.wait_until(lambda: kiosk.window.ticket.print_state() == PRINTING)
    kiosk.wait_idle()
    assert kiosk.window.ticket.print_state() == FAILED
    assert [a.kind for a in open_alerts(kiosk.ctx)] == [AlertKind.PRINTER_TROUBLE]


def test_the_ticket_shows_while_a_slow_printer_is_still_printing(make_kiosk: KioskFactory) -> None:
    device = SlowPrinter(delay_s=1.0)
    kiosk = make_kiosk(device=device)
    take_a_ticket(kiosk)
    kiosk.qtbot.wait_until(device.started.is_set)
    assert kiosk.window.current_screen() is kiosk.window.ticket
    assert kiosk.window.ticket.print_state() == PRINTING
    ticket = kiosk.window.ticket.ticket()
    assert ticket is not None and print_status(kiosk, ticket.id) == "pending"
    kiosk.wait_idle()
    assert kiosk.window.ticket.print_state() == PRINTED


def test_a_slow_printer_never_freezes_the_screen(make_kiosk: KioskFactory) -> None:
    # No stopwatch (a busy machine stretches any gap): the printer is held inside its first
    # bytes until the UI thread has shown, by running its timers, that it is not waiting.
    device = SlowPrinter(delay_s=60)
    kiosk = make_kiosk(device=device)
    ticks_while_printing: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(
        lambda: ticks_while_printing.append(1) if device.started.is_set() else None
    )
    timer.start()
    take_a_ticket(kiosk)
    kiosk.qtbot.wait_until(device.started.is_set, timeout=10_000)
    kiosk.qtbot.wait_until(lambda: len(ticks_while_printing) >= 3, timeout=10_000)
    assert kiosk.window.current_screen() is kiosk.window.ticket, "the number shows at once"
    assert kiosk.window.ticket.print_state() == PRINTING
    assert not device.finished.is_set(), "the UI ran while the printer was still busy"
    device.release()
    kiosk.wait_idle()
    timer.stop()
    assert kiosk.window.ticket.print_state() == PRINTED


class GatedPrinter(Dummy):
    """A printer whose bytes wait for the test to open its gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()

    def _raw(self, msg: bytes) -> None:
        self.gate.wait(30)
        super()._raw(msg)


def test_the_next_ticket_finds_the_status_panel_already_dressed_as_printing(
    make_kiosk: KioskFactory,
) -> None:
    # The restyle is Qt stylesheet work: done when the visitor leaves, not in the next tap.
    device = GatedPrinter()
    kiosk = make_kiosk(device=device)
    window = kiosk.window
    panel = window.ticket.status_panel
    take_a_ticket(kiosk)
    kiosk.wait_idle()
    assert window.ticket.print_state() == PRINTED
    assert panel.property("panel") == "success_soft"
    window.show_home()
    kiosk.qtbot.wait_until(lambda: panel.property("panel") == "surface")
    assert window.ticket.print_state() == PRINTED, "what happened to that ticket is kept"
    window.show_ticket_screen()  # shown again, it wears its state again
    assert panel.property("panel") == "success_soft"
    assert window.ticket.status_title.text() == "Mời bạn lấy vé ở khe máy in."

    window.show_home()
    kiosk.qtbot.wait_until(lambda: panel.property("panel") == "surface")
    device.gate.clear()
    take_a_ticket(kiosk, "B")
    kiosk.qtbot.wait_until(lambda: window.ticket.number.text() == "B001")
    assert window.ticket.print_state() == PRINTING
    assert panel.property("panel") == "surface"
    assert window.ticket.status_title.text() == "Vé của bạn đang được in…"
    device.gate.set()
    kiosk.wait_idle()
    assert window.ticket.print_state() == PRINTED
    assert panel.property("panel") == "success_soft"
