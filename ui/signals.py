"""SIGTERM and SIGINT quit a program in order, through its Qt event loop (the shell uses it)."""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QSocketNotifier

logger = logging.getLogger("ui.shell")  # the log line a quit by signal has always had


def quit_on_signals(quit_program: Callable[[int], None]) -> Callable[[], None]:
    """SIGTERM (systemd stop) and SIGINT quit in order; returns a function undoing this.

    A Python signal handler only runs when Python code runs, and Qt's loop may sleep for
    long; ``set_wakeup_fd`` makes the signal wake a socket the loop watches.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    handlers: dict[int, Any] = {}

    def on_signal(_number: int, _frame: FrameType | None) -> None:
        pass  # the wakeup byte does the work, on the Qt thread

    for number in (signal.SIGTERM, signal.SIGINT):
        handlers[number] = signal.signal(number, on_signal)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def on_wake() -> None:
        try:
            received = reader.recv(64)
        except BlockingIOError:
            return
        if received:
            logger.info("signal %s: quitting", ", ".join(str(b) for b in received))
            quit_program(0)

    notifier.activated.connect(on_wake)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        reader.close()
        writer.close()

    return restore
