"""A real ``kiosk desk`` process on a real X server: the PIN typed with xdotool signs in.

Runs where Xvfb and xdotool are installed, on an Xvfb of its own (on the display number
``KIOSK_TEST_X11_DISPLAY`` names, else the first free one); the keys go through the X server, the
window system and Qt's focus handling exactly as a desk keyboard's would.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.config import load_config
from kiosk.domain.clock import system_clock
from kiosk.services.context import CLI_ACTOR, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.storage.models import Counter
from tests.conftest import write_config
from ui.desk.program import build
from ui.shell import Env

pytestmark = [pytest.mark.slow]

DISPLAY_ENV = "KIOSK_TEST_X11_DISPLAY"
SIZE = (1366, 768)
PIN = "2468"
WAIT_S = 60.0


def _needs() -> str:
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    return f"not installed: {', '.join(missing)}" if missing else ""


@pytest.fixture
def x_display() -> Iterator[str]:
    """An Xvfb of this test's own at the desk monitor size.

    On ``$KIOSK_TEST_X11_DISPLAY`` when set (a free display number), else on the first free
    number Xvfb finds itself (``-displayfd``), so the test runs wherever Xvfb is installed.
    """
    reason = _needs()
    if reason:
        pytest.skip(reason)
    # -noreset: xdotool's calls come and go; a reset then could refuse the desk's connection.
    screen = ["-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp", "-noreset"]
    chosen = os.environ.get(DISPLAY_ENV, "").lstrip(":")
    if chosen:
        if Path(f"/tmp/.X11-unix/X{chosen}").exists():
            pytest.skip(f"display :{chosen} is in use")
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", f":{chosen}", "-displayfd", str(write), *screen],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    else:
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), *screen],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()  # written once the server accepts clients
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _name_button_centre(
    config_path: Path, helper_name: str, qapp: QApplication
) -> tuple[QPoint, str]:
    """Where the desk shows the staff member's name at this size, and the colour there.

    Read from the same build offscreen: the real window lays out the same widgets.
    """
    from kiosk.domain.views import HelperView

    config = load_config(str(config_path), env={})
    program = build(Env(app=qapp, config=config, clock=system_clock, size=QSize(*SIZE)))
    window = program.window
    try:
        window.show()
        ctx = bootstrap(config)
        try:
            from kiosk.services.roster import who_can_sign_in

            staff: list[HelperView] = who_can_sign_in(ctx)
        finally:
            ctx.db.dispose()
        window.staff.set_staff(staff)
        QApplication.processEvents()
        (helper,) = [h for h in staff if h.name == helper_name]
        button = window.staff.buttons[helper.id]
        centre = button.mapTo(window, button.rect().center())
        colour = window.grab().toImage().pixelColor(centre).name()
        return centre, colour
    finally:
        window.minutes.stop()
        window.close()
        window.deleteLater()


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    return done.stdout


def _pixel(display: str, where: QPoint) -> str:
    """The colour on the X screen at ``where`` (``#rrggbb``)."""
    crop = f"1x1+{where.x()}+{where.y()}"
    done = subprocess.run(
        ["import", "-window", "root", "-crop", crop, "-depth", "8", "txt:-"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=True,
    )
    found = re.search(r"#([0-9A-Fa-f]{6})\b", done.stdout.splitlines()[-1])
    assert found is not None, done.stdout
    return "#" + found.group(1).lower()


def _counter_open(config_path: Path) -> bool:
    ctx = bootstrap(load_config(str(config_path), env={}), migrate=False)
    try:
        with ctx.db.read() as session:
            counter = session.scalars(select(Counter).where(Counter.number == 1)).one()
            return counter.open_since is not None
    finally:
        ctx.db.dispose()


def test_typing_the_pin_and_enter_on_a_real_keyboard_signs_in(
    tmp_path: Path, x_display: str, qapp: QApplication
) -> None:
    config_path = write_config(tmp_path)
    ctx = bootstrap(load_config(str(config_path), env={}))
    try:
        add_helper(
            ctx, name="Nguyễn Văn An", kind="staff", role="desk_officer", pin=PIN, actor=CLI_ACTOR
        )
    finally:
        ctx.db.dispose()
    centre, colour = _name_button_centre(config_path, "Nguyễn Văn An", qapp)
    kiosk = Path(sys.executable).with_name("kiosk")
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    desk = subprocess.Popen(
        [str(kiosk), "--config", str(config_path), "desk", "--counter", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = _xdotool(
            x_display, "search", "--sync", "--onlyvisible", "--name", "Quầy tiếp dân"
        ).split()[0]
        geometry = _xdotool(x_display, "getwindowgeometry", "--shell", window)
        origin = dict(line.split("=") for line in geometry.split())
        on_screen = centre + QPoint(int(origin["X"]), int(origin["Y"]))
        # The names come once the database answers: wait for the button's colour there.
        deadline = time.monotonic() + WAIT_S
        while _pixel(x_display, on_screen) != colour:
            assert desk.poll() is None, "the desk quit"
            assert time.monotonic() < deadline, f"no name button at {on_screen} ({colour})"
            time.sleep(0.2)
        _xdotool(x_display, "mousemove", str(on_screen.x()), str(on_screen.y()))
        _xdotool(x_display, "click", "1")
        _xdotool(x_display, "type", "--delay", "150", PIN)
        _xdotool(x_display, "key", "Return")

        deadline = time.monotonic() + WAIT_S
        while not _counter_open(config_path):
            assert desk.poll() is None, "the desk quit"
            assert time.monotonic() < deadline, "the typed PIN did not sign in"
            time.sleep(0.2)
    finally:
        desk.send_signal(signal.SIGTERM)
        try:
            _out, errors = desk.communicate(timeout=WAIT_S)
        finally:
            if desk.poll() is None:
                desk.kill()
                desk.communicate()
    assert "Traceback" not in errors, errors
    assert desk.returncode == 0, errors
