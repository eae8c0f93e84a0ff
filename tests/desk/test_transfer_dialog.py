"""The transfer dialog shows every line's whole name, wrapped, at the smallest desk monitor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from kiosk.services.tickets import issue_ticket
from tests.desk.conftest import DeskFactory, Staff


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_line_name_fits_its_button_at_1366x768(
    make_desk: DeskFactory, staff: Staff, language: str
) -> None:
    desk = make_desk(size=(1366, 768))
    issue_ticket(desk.ctx, line_code="A")
    desk.sign_in(staff.officer)
    desk.window.i18n.set_language(language)
    desk.action("call_next")
    desk.action("transfer")
    overlay = desk.window.ticket_overlay
    assert overlay.showing_lines()
    desk.wait_idle()

    names = {line.code: desk.window.i18n.text(line.name) for line in desk.ctx.config.lines}
    assert "E" in overlay.line_buttons
    for code, button in overlay.line_buttons.items():
        (label,) = [
            child
            for child in button.findChildren(QLabel)
            if child.isVisible() and child.text() and child.objectName() != "KeyCaption"
        ]
        assert label.text() == f"{code} · {names[code]}"  # the whole name, nothing cut
        needed = label.fontMetrics().boundingRect(
            QRect(0, 0, label.width(), 100_000), int(Qt.TextFlag.TextWordWrap), label.text()
        )
        assert needed.width() <= label.width() and needed.height() <= label.height(), code
        inside = QRect(label.mapTo(button, label.rect().topLeft()), label.size())
        assert button.rect().contains(inside), code
        assert overlay.panel.rect().contains(
            QRect(button.mapTo(overlay.panel, button.rect().topLeft()), button.size())
        ), code
