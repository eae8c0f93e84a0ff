"""``kiosk demo``: the first screen says how to leave the kiosk, until a visitor dismisses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.demo import DEMO_STAFF_PIN
from kiosk.domain.clock import FixedClock
from tests.conftest import make_config
from ui.kiosk.program import build, build_demo
from ui.shell import Env


def test_the_demo_kiosk_says_how_to_leave_and_the_banner_can_be_dismissed(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, clock: FixedClock
) -> None:
    config = make_config(tmp_path, '[kiosk]\nexit_corner = "top_right"\nexit_hold_s = 5\n')
    env = Env(app=qapp, config=config, clock=clock, size=QSize(1366, 768))
    program = build_demo(env, pin=DEMO_STAFF_PIN)
    window = program.window
    try:
        window.show()
        qtbot.wait_exposed(window)
        [banner] = window.banners
        assert banner.isVisible()
        text = banner.text.text()
        assert "trên bên phải" in text and "5 giây" in text and DEMO_STAFF_PIN in text
        # Inside the window and clear of the exit corner it talks about.
        top_left = banner.mapTo(window, QPoint(0, 0))
        area = QRect(top_left, banner.size())
        assert window.rect().contains(area)
        assert banner.height() >= banner.sizeHint().height()  # nothing of it clipped
        assert banner.text.height() >= banner.text.heightForWidth(banner.text.width())
        assert not area.intersects(window.corner_hold.zone())
        window.add_other_screens()
        window.show_choose()  # the visitor's next screens stay whole
        assert not banner.isVisible()
        window.show_home()
        assert banner.isVisible()
        program.i18n.set_language("en")
        assert "top-right corner" in banner.text.text()
        assert DEMO_STAFF_PIN in banner.text.text()
        with qtbot.wait_signal(banner.dismissed):
            qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
        assert not banner.isVisible()
        window.show_choose()
        window.show_home()
        assert not banner.isVisible()  # dismissed for good
    finally:
        program.close()


def test_the_commune_kiosk_has_no_demo_banner(
    qapp: QApplication, tmp_path: Path, clock: FixedClock
) -> None:
    env = Env(app=qapp, config=make_config(tmp_path), clock=clock, size=QSize(1366, 768))
    program = build(env)
    try:
        assert program.window.banners == []
    finally:
        program.close()
