"""The shell's window watch: the first frame starts the program, close requests follow policy.

After the first frame no Python filter stays on the window: it would run for every event the
window gets, one per frame of any animation (issue 13, P5).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import make_config
from ui import shell as shell_module
from ui.shell import STAFF, VISITOR, ProgramSpec, Shell, WindowPolicy


class Counter(QObject):
    """Counts the events a window gets after the shell's watch (which sees them first)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return False


def _shell(tmp_path: Path, policy: WindowPolicy) -> tuple[Shell, list[int], list[bool]]:
    spec = ProgramSpec(name="test", policy=policy, build=lambda _env: None)  # type: ignore[arg-type,return-value]
    shell = Shell(spec, make_config(tmp_path))
    quits: list[int] = []
    starts: list[bool] = []
    shell.quit = quits.append  # type: ignore[method-assign,assignment]
    shell.after_first_frame = lambda: starts.append(True)  # type: ignore[method-assign]
    return shell, quits, starts


@pytest.mark.parametrize(("policy", "quits_on_close"), [(VISITOR, False), (STAFF, True)])
def test_a_close_request_never_closes_the_window_and_quits_in_order_where_allowed(
    qtbot: QtBot, tmp_path: Path, policy: WindowPolicy, quits_on_close: bool
) -> None:
    shell, quits, _starts = _shell(tmp_path, policy)
    window = QWidget()
    qtbot.addWidget(window)
    shell.watch_window(window)
    window.show()

    assert window.close() is False and window.isVisible()
    assert quits == ([0] if quits_on_close else [])
    shell.quitting = True  # the shell's own shutdown closes it
    assert window.close() is True


def test_the_first_frame_starts_the_program_once_and_the_watch_then_leaves(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[QEvent.Type] = []
    watch_filter = shell_module._WindowWatch.eventFilter

    def counted(self: QObject, watched: QObject, event: QEvent) -> bool:
        calls.append(event.type())
        return watch_filter(self, watched, event)  # type: ignore[arg-type]

    monkeypatch.setattr(shell_module._WindowWatch, "eventFilter", counted)
    shell, _quits, starts = _shell(tmp_path, VISITOR)
    window = QWidget()
    qtbot.addWidget(window)
    shell.watch_window(window)
    window.show()
    qtbot.wait_until(lambda: bool(starts))
    assert QEvent.Type.Paint in calls

    seen = len(calls)
    for _ in range(5):
        window.update()
        qtbot.wait(20)
    assert len(calls) == seen
    assert starts == [True]
