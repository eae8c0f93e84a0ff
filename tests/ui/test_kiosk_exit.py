"""Leaving the kiosk: only a hidden long press and a staff PIN; no key or close event does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from sqlalchemy import select

from kiosk.services.context import CLI_ACTOR
from kiosk.services.helpers import add_helper
from kiosk.storage.models import AuditEntry
from tests.ui.conftest import Kiosk, KioskFactory
from ui.kiosk.program import SPEC
from ui.runtime import KeyGuard
from ui.shell import Shell

STAFF_PIN = "4821"
FAST_EXIT = '[kiosk]\nexit_hold_s = 1\nexit_corner = "top_right"\n'


@pytest.fixture
def kiosk_with_staff(make_kiosk: KioskFactory) -> Kiosk:
    kiosk = make_kiosk(FAST_EXIT)
    add_helper(
        kiosk.ctx,
        name="Trần Thị Lan",
        kind="staff",
        role="desk_officer",
        pin=STAFF_PIN,
        actor=CLI_ACTOR,
    )
    add_helper(kiosk.ctx, name="Lê Văn Tình", kind="volunteer", role="teacher", actor=CLI_ACTOR)
    return kiosk


def corner(kiosk: Kiosk) -> QPoint:
    return QPoint(kiosk.window.width() - 5, 5)


def hold_corner(kiosk: Kiosk) -> None:
    handle = kiosk.window.windowHandle()
    QTest.mousePress(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner(kiosk)
    )
    kiosk.qtbot.wait_until(kiosk.window.exit_overlay.is_open, timeout=3_000)
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner(kiosk)
    )


def type_pin(kiosk: Kiosk, pin: str) -> None:
    keypad = kiosk.window.exit_overlay.keypad
    for digit in pin:
        keypad.press(digit)
    keypad.press("ok")
    kiosk.wait_idle()


def test_a_quick_tap_in_the_exit_corner_does_nothing(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    handle = kiosk.window.windowHandle()
    QTest.mouseClick(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner(kiosk)
    )
    assert not kiosk.window.corner_hold.is_holding()
    kiosk.qtbot.wait(1_300)  # longer than the hold time
    assert not kiosk.window.exit_overlay.is_open()


def test_a_long_press_elsewhere_does_nothing(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    handle = kiosk.window.windowHandle()
    middle = kiosk.window.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    kiosk.qtbot.wait(1_300)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert not kiosk.window.exit_overlay.is_open()


def test_long_press_then_wrong_pin_is_refused_and_right_pin_exits(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    overlay = kiosk.window.exit_overlay
    exits: list[object] = []
    kiosk.parts.controller.exit_granted.connect(exits.append)
    hold_corner(kiosk)
    assert overlay.is_open()

    type_pin(kiosk, "1111")
    assert overlay.is_open()
    assert overlay.message_kind() == "wrong"
    assert overlay.keypad.digits() == ""
    assert exits == []

    type_pin(kiosk, STAFF_PIN)
    assert not overlay.is_open()
    assert [helper.name for helper in exits] == ["Trần Thị Lan"]  # type: ignore[attr-defined]
    with kiosk.ctx.db.read() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "kiosk_exit" in actions


def test_five_wrong_pins_lock_the_keypad(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    overlay = kiosk.window.exit_overlay
    hold_corner(kiosk)
    for _ in range(5):
        type_pin(kiosk, "0000")
    assert overlay.message_kind() == "locked"
    assert not overlay.keypad.keys["5"].isEnabled()
    overlay.close_overlay()
    hold_corner(kiosk)
    type_pin(kiosk, STAFF_PIN)  # even the right PIN waits out the lockout
    assert overlay.message_kind() == "locked"


def test_a_restarted_kiosk_keeps_the_lockout_of_the_one_before(
    kiosk_with_staff: Kiosk, make_kiosk: KioskFactory
) -> None:
    hold_corner(kiosk_with_staff)
    for _ in range(5):
        type_pin(kiosk_with_staff, "0000")
    assert kiosk_with_staff.window.exit_overlay.message_kind() == "locked"
    restarted = make_kiosk(FAST_EXIT)  # the same database, a fresh window and controller
    hold_corner(restarted)
    type_pin(restarted, STAFF_PIN)
    assert restarted.window.exit_overlay.message_kind() == "locked"


def test_cancel_closes_the_keypad(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    hold_corner(kiosk)
    kiosk.tap(kiosk.window.exit_overlay.cancel)
    assert not kiosk.window.exit_overlay.is_open()


def test_a_close_request_does_not_close_the_kiosk(kiosk: Kiosk) -> None:
    shell = Shell(SPEC, kiosk.ctx.config)
    shell.watch_window(kiosk.window)  # as ``kiosk run`` does
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()
    assert not shell.quitting  # Alt+F4 on the visitor kiosk is not a way out either


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_keys_that_leave_an_app_are_swallowed(
    kiosk: Kiosk, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    guard = KeyGuard()
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert guard.eventFilter(kiosk.window, event) is True


def test_ordinary_keys_pass(kiosk: Kiosk) -> None:
    guard = KeyGuard()
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier)
    assert guard.eventFilter(kiosk.window, event) is False


def test_the_pin_hint_is_muted_until_a_pin_is_refused(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    overlay = kiosk.window.exit_overlay
    colors = kiosk.window.theme.colors
    hold_corner(kiosk)
    message = overlay.message

    def ink() -> str:
        message.ensurePolished()
        return message.palette().color(message.foregroundRole()).name().upper()

    assert "4 đến 8" in message.text()
    assert message.property("textStyle") == "muted"
    hint_inks = {colors.ink.upper(), colors.ink_muted.upper()}  # the panel's normal or muted
    assert ink() in hint_inks and ink() != colors.danger_ink.upper()

    type_pin(kiosk, "1111")
    assert overlay.message_kind() == "wrong"
    assert message.property("textStyle") == "warning"
    assert ink() == colors.danger_ink.upper()

    overlay.reset()  # opened again later: a hint again
    assert message.property("textStyle") == "muted" and ink() in hint_inks
