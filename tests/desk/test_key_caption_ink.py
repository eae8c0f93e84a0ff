"""A key caption ("F2") is inked like its button's words: light on the dark primary button."""

from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout
from pytestqt.qtbot import QtBot

from ui.staff.look import desk_stylesheet, desk_theme
from ui.widgets.buttons import action_button
from ui.widgets.key_caption import KeyCaption
from ui.widgets.style import set_style


def _ink(caption: KeyCaption) -> str:
    return caption.palette().color(caption.foregroundRole()).name()


def test_a_caption_reads_on_its_button_enabled_or_not(qtbot: QtBot, qapp: QApplication) -> None:
    theme = desk_theme(1920, 1080)
    before = qapp.styleSheet()
    qapp.setStyleSheet(desk_stylesheet(theme))
    try:
        panel = QFrame()
        qtbot.addWidget(panel)
        set_style(panel, panel="surface")  # the ticket panel the desk's buttons sit in
        layout = QVBoxLayout(panel)
        call_next, recall = action_button("primary"), action_button("neutral")
        for button in (call_next, recall):
            layout.addWidget(button)
        f2, f3 = KeyCaption(call_next, "F2"), KeyCaption(recall, "F3")
        panel.show()
        pairs = theme.colors.text_pairs()
        assert _ink(f2) == pairs["primary"][0].lower() == _ink(call_next)
        assert _ink(f3) == pairs["surface"][0].lower()
        call_next.setEnabled(False)
        assert _ink(f2) == pairs["neutral_pressed"][0].lower(), "dark on the disabled grey"
        call_next.setEnabled(True)
        assert _ink(f2) == pairs["primary"][0].lower()
    finally:
        qapp.setStyleSheet(before)
