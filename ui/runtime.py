"""Kiosk runtime: fullscreen, no cursor, no screen blanking, no key that leaves the app.

As KlipperScreen does (``screen.py``, ``scripts/KlipperScreen.service``): the window is
fullscreen without decorations, and systemd starts it again if it ever stops. The shipped
unit, kiosk.service, uses ``Restart=on-failure`` with ``Type=notify`` and ``WatchdogSec=``:
a crash, a ``kill -9`` or a frozen event loop (no watchdog ping, see ``ui.watchdog``) restarts
the kiosk; the staff exit ends it with exit code 0 (``kiosk.systemd.STAFF_EXIT``), which
systemd leaves stopped for maintenance; any other end of the event loop exits with
``UNEXPECTED_EXIT`` and is restarted.
Screen blanking is switched off with ``xset s off -dpms s noblank`` under X11 when ``xset`` is
installed (Debian package ``x11-xserver-utils``); under Wayland the compositor owns blanking,
so configure it there (e.g. ``idle = 0`` in the labwc/wayfire/cage settings).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

logger = logging.getLogger(__name__)


@cache
def _blocked_keys() -> frozenset[Qt.Key]:
    # Built on first use: Qt.Key has 500 members and costs start-up time as a Python enum.
    keys = ("Key_Escape", "Key_F4", "Key_F11", "Key_Q", "Key_W", "Key_Tab")
    return frozenset(getattr(Qt.Key, name) for name in keys)


# Seconds a thread may hold the GIL before another may take it (Python's default is 0.005).
UI_SWITCH_INTERVAL_S = 0.0002


def prefer_ui_thread() -> None:
    """Let the UI thread get the GIL back within 0.2 ms of asking.

    WORKAROUND: every call from Qt into Python (a slot, an event filter, a size hint) must
    take the GIL; while the database thread compiles SQL it keeps the GIL for up to the switch
    interval each time, and a frame with twenty such calls would wait 100 ms at the default.
    At 1 ms the kiosk's ticket still waited 2-3 ms for the printer thread, which lays out that
    same ticket meanwhile (issue 13, P2); the interval only counts while a thread waits, so
    threads that do not compete pay nothing for it.
    """
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why no window can open here, or None when a display (or a Qt platform) is set."""
    env = os.environ if env is None else env
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return (
        "No display: neither DISPLAY nor WAYLAND_DISPLAY is set. Start the kiosk from the "
        "touchscreen's desktop session (or its systemd unit), or set QT_QPA_PLATFORM=eglfs "
        "to draw without a desktop. `kiosk screenshots DIR` works without a display."
    )


class KeyGuard(QObject):
    """Swallows keys that would close, switch away from or un-fullscreen the kiosk."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            key = Qt.Key(event.key())
            modifiers = event.modifiers()
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Meta):
                return True
            if key in _blocked_keys() and modifiers & (
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
            ):
                return True
        return False


def disable_screen_blanking(env: Mapping[str, str] | None = None) -> bool:
    """Switch off the X11 screen saver and DPMS; True if it was done."""
    import shutil
    import subprocess

    env = os.environ if env is None else env
    xset = shutil.which("xset")
    if not env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or xset is None:
        logger.info("screen blanking left to the system (no X11 display or no xset)")
        return False
    for args in (["s", "off"], ["-dpms"], ["s", "noblank"]):
        try:
            subprocess.run([xset, *args], check=True, timeout=5, capture_output=True)
        except (OSError, subprocess.SubprocessError) as exc:
            logger.warning("xset %s failed: %s", " ".join(args), exc)
            return False
    return True


def show_kiosk_window(app: QApplication, window: QWidget, *, show_cursor: bool) -> None:
    """Fullscreen without decorations, the cursor hidden unless configured."""
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    if not show_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window.showFullScreen()


def guard_kiosk_window(window: QWidget) -> KeyGuard:
    """Swallow the keys that leave an app, and keep the screen on (run after the first frame)."""
    guard = KeyGuard(window)
    window.winId()  # creates the native window, so windowHandle() exists
    handle = window.windowHandle()
    if handle is not None:  # keys reach the QWindow before any widget
        handle.installEventFilter(guard)
    disable_screen_blanking()
    return guard
