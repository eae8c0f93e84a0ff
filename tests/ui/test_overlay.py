"""An overlay covers its window while open, and stays out of the window's events while closed."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.overlay import Overlay


class CountingOverlay(Overlay):
    """Counts the window's events it is handed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.seen = 0
        self.panel_layout.addWidget(QLabel("Đã gửi yêu cầu trợ giúp."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


def shown_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.wait_exposed(window)
    return window


def test_a_closed_overlay_is_handed_none_of_its_windows_events(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    overlay = CountingOverlay(window)
    overlay.open()
    overlay.close_overlay()
    overlay.seen = 0
    window.resize(900, 700)
    window.repaint()
    QApplication.processEvents()
    assert overlay.seen == 0


def test_an_open_overlay_follows_its_windows_size(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    overlay = CountingOverlay(window)
    window.resize(700, 500)
    overlay.open()
    assert overlay.geometry() == window.rect()
    window.resize(1000, 750)
    QApplication.processEvents()
    assert overlay.geometry() == window.rect()
    overlay.close_overlay()
    overlay.open()  # open again: still followed, once
    overlay.seen = 0
    window.resize(640, 480)
    QApplication.processEvents()
    assert overlay.geometry() == window.rect()
    assert overlay.seen > 0
