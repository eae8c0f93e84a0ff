"""Idle reset, language and large text: every screen goes home, and both toggles reset there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import Kiosk, KioskFactory

# Idle timeouts are at least 10 s in the config, so the tests shorten the running timer instead.
SHORT_S = 0.05


def go_idle(kiosk: Kiosk) -> None:
    kiosk.window.idle.set_timeout(SHORT_S)
    with kiosk.qtbot.wait_signal(kiosk.window.went_home, timeout=5_000) as blocker:
        pass
    assert blocker.args == ["idle"]


@pytest.mark.parametrize("screen", ["choose", "priority", "ticket"])
def test_idle_returns_home_from_every_screen(kiosk: Kiosk, screen: str) -> None:
    window = kiosk.window
    kiosk.tap(window.home.buttons["take_number"])
    if screen == "priority":
        kiosk.tap(window.choose.priority_bar)
    if screen == "ticket":
        kiosk.tap(window.choose.line_buttons["A"])
        kiosk.wait_idle()
    assert window.current_screen() is getattr(window, screen)
    go_idle(kiosk)
    assert window.current_screen() is window.home


def test_idle_closes_the_exit_keypad_and_forgets_the_priority_group(kiosk: Kiosk) -> None:
    window = kiosk.window
    kiosk.tap(window.home.buttons["priority"])
    kiosk.tap(window.priority.group_buttons["elderly"])
    window.corner_hold.held.emit()
    assert window.exit_overlay.is_open()
    go_idle(kiosk)
    assert not window.exit_overlay.is_open()
    assert window.priority_group is None


def test_idle_timeout_comes_from_the_config_and_is_shorter_on_the_ticket(
    make_kiosk: KioskFactory,
) -> None:
    kiosk = make_kiosk("[kiosk]\nidle_timeout_s = 90\nticket_screen_s = 15\n")
    window = kiosk.window
    assert window.idle.timeout_s() == 90
    kiosk.tap(window.home.buttons["take_number"])
    kiosk.tap(window.choose.line_buttons["A"])
    kiosk.wait_idle()
    assert window.idle.timeout_s() == 15
    kiosk.tap(window.ticket.done)
    assert window.current_screen() is window.home
    assert window.idle.timeout_s() == 90


def test_a_touch_restarts_the_idle_timer(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.idle.set_timeout(30)
    kiosk.qtbot.wait(300)
    before = window.idle.remaining_ms()
    touch = window.home.greeting.mapTo(window, window.home.greeting.rect().center())
    # Through the window, as a real touch arrives (and where the idle watcher listens).
    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, touch
    )
    assert window.idle.remaining_ms() > before + 200


def test_language_toggle_changes_every_text_and_idle_resets_it(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.home.buttons["take_number"].label() == "Lấy số thứ tự"
    assert window.header.language_button.text().strip() == "English"
    kiosk.tap(window.header.language_button)
    assert window.home.buttons["take_number"].label() == "Take a number"
    assert window.home.greeting.text() == "Hello! What do you need?"
    assert window.header.language_button.text().strip() == "Tiếng Việt"
    kiosk.tap(window.home.buttons["take_number"])
    assert window.choose.line_buttons["A"].label() == "Civil status"
    assert "Thứ Hai" not in window.header.clock.text()
    go_idle(kiosk)
    assert window.home.buttons["take_number"].label() == "Lấy số thứ tự"
    assert window.choose.line_buttons["A"].label() == "Hộ tịch"
    assert "Thứ Hai" in window.header.clock.text()


def test_large_text_toggle_enlarges_text_and_idle_resets_it(kiosk: Kiosk) -> None:
    window = kiosk.window
    label = window.home.buttons["take_number"]._label
    normal_px = label.font().pixelSize()
    kiosk.tap(window.header.large_text_button)
    assert window.header.large_text_button.isChecked()
    assert label.font().pixelSize() >= round(normal_px * 1.2)
    go_idle(kiosk)
    assert not window.header.large_text_button.isChecked()
    assert label.font().pixelSize() == normal_px


def test_toggles_are_on_every_screen(kiosk: Kiosk) -> None:
    window = kiosk.window
    for show in (window.show_home, window.show_choose, window.show_priority):
        show()
        assert window.header.language_button.isVisible()
        assert window.header.large_text_button.isVisible()
