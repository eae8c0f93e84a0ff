"""The soak's side inside a program process: commands in on stdin, answers out on stdout.

A soak program (``bench/soak_kiosk.py``, ``soak_desk.py``, ``soak_display.py``) is the real
program, started through the one shell (``ui.shell.run_program``) with its real program spec,
plus this agent. The agent knows nothing of the program's insides: it finds the program's
window by its objectName, hands it to the program module's commands, and taps buttons with
real (synthetic) mouse clicks, so event filters and idle timers see a visitor's touch.

The channel is one JSON object per line. In: ``{"id": 7, "cmd": "take", "args": {...}}``.
Out: ``SOAK {"id": 7, "ok": true, "result": {...}}`` (or ``"ok": false, "error": "..."``).
Commands run one after another in the order they came. A command is a generator: it acts,
then yields a condition to wait for (polled on the event loop, never by sleeping), and returns
its result. A wait that is still unmet after ``WAIT_LIMIT_S`` is reported as a hang.

Timers run at ``speed`` times their pace: every QTimer under the program's windows gets its
interval divided by the speed (never below a floor), checked again whenever the program
changes an interval. A once-a-minute check then runs every second; an idle reset of a minute
or more still waits 5 s (``PATIENCE_MS``).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from bench.soak_memory import memory_parts

REPLY = "SOAK "
WAIT_LIMIT_S = 120.0
POLL_MS = 5
SWEEP_MS = 50
SCALED_PROPERTY = "soakScaledMs"
# A visitor's idle allowance (a one-shot timeout of 30 s or more: the kiosk's 60 s idle reset)
# never shrinks below 5 s: on a busy machine one slow step must not make the visitor look gone.
PATIENT_FROM_MS = 30_000
PATIENCE_MS = 5_000

Wait = Callable[[], bool]
Step = Generator[Wait, None, Any]
Command = Callable[..., Step]


class SoakClock:
    """The program's clock: the driver sets the simulated time of day with ``clock``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


class Pace:
    """How much faster than real time the program's timers run (``run`` sets it)."""

    speed = 1.0

    @classmethod
    def clock(cls) -> float:
        """A monotonic clock running ``speed`` times faster (for a program's own time checks)."""
        return time.monotonic() * cls.speed


class Reach:
    """Taps on buttons no finger could reach: beyond the window's edge or under another widget."""

    where: ClassVar[dict[str, int]] = {}
    waiting_for = ""  # the button a tap waits for (a hang report names it)


def _scroll_into_view(widget: QWidget) -> None:
    # What a visitor's swipe on a scrolling list does before the tap.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def tap(button: QAbstractButton, *, unless: Wait | None = None) -> Iterator[Wait]:
    """Wait until a visitor could tap the button (shown, enabled), then tap its centre.

    The click goes to the window at the button's position, as a touch does: through the
    window's event filters (the kiosk's idle timer and exit corner watch there), to whatever
    lies on top at that point. ``QTest.mouseClick(button)`` would skip both. A button no
    finger could reach (beyond the window's edge, or covered) is counted in ``Reach`` and
    clicked directly, so one layout fault does not stop the soak; the table shows the count.
    ``unless``: give up the tap when this comes true first (the screen went away by itself).
    """
    Reach.waiting_for = f"{button.text()[:30]!r} visible={button.isVisible()}"
    yield lambda: (unless is not None and unless()) or (button.isVisible() and button.isEnabled())
    Reach.waiting_for = ""
    if unless is not None and unless():
        return
    _scroll_into_view(button)
    top = button.window()
    where = button.mapTo(top, button.rect().center())
    hit = top.childAt(where) if top.rect().contains(where) else None
    if hit is None or not (hit is button or button.isAncestorOf(hit)):
        key = f"{type(button.parentWidget()).__name__} {button.text()[:30]!r}"
        Reach.where[key] = Reach.where.get(key, 0) + 1
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return
    QTest.mouseClick(top.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), where)


def swipe_left(widget: QWidget) -> Iterator[Wait]:
    """Drag a finger from right to left across the widget (a guide's "next page" gesture)."""
    yield widget.isVisible
    top = widget.window()
    handle, middle = top.windowHandle(), widget.height() // 2
    start = widget.mapTo(top, QPoint(widget.width() * 4 // 5, middle))
    end = widget.mapTo(top, QPoint(widget.width() // 5, middle))
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), start)
    QTest.mouseMove(handle, end)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), end)


def reply(**fields: Any) -> None:
    """One answer line to the driver."""
    print(REPLY + json.dumps(fields, ensure_ascii=False, default=str), flush=True)


def type_counts() -> dict[str, int]:
    """Live Python objects by type (after a full collection)."""
    gc.collect()
    return dict(Counter(type(o).__qualname__ for o in gc.get_objects()))


class Speedup(QObject):
    """Runs every QTimer under the app's windows ``speed`` times faster."""

    def __init__(self, speed: float, floor_ms: int) -> None:
        super().__init__()
        self._speed = speed
        self._floor_ms = floor_ms
        self.scaled: dict[str, int] = {}
        self._sweep = QTimer(self)
        self._sweep.setInterval(SWEEP_MS)
        self._sweep.timeout.connect(self._on_sweep_timeout)
        if speed > 1:
            self._sweep.start()

    @Slot()
    def _on_sweep_timeout(self) -> None:
        for window in QApplication.topLevelWidgets():
            for timer in window.findChildren(QTimer):
                interval = timer.interval()
                if interval <= self._floor_ms or interval == timer.property(SCALED_PROPERTY):
                    continue
                scaled = max(self._floor_ms, round(interval / self._speed))
                if timer.isSingleShot() and interval >= PATIENT_FROM_MS:
                    scaled = max(scaled, PATIENCE_MS)
                timer.setProperty(SCALED_PROPERTY, scaled)
                timer.setInterval(scaled)  # an active timer restarts with the new interval
                owner = timer.parent()
                self.scaled[type(owner).__name__ if owner else "?"] = scaled


class Agent(QObject):
    """Reads commands on a thread, runs them one at a time on the Qt thread.

    Signals:
        received(object): a command (a dict) arrived on stdin.
    """

    received = Signal(object)

    def __init__(
        self,
        *,
        window_name: str,
        commands: dict[str, Command],
        clock: SoakClock,
        speed: float,
        floor_ms: int,
        describe: Callable[[QWidget], str],
    ) -> None:
        super().__init__()
        self._window_name = window_name
        self._describe = describe
        self._commands = commands
        self._clock = clock
        self._speedup = Speedup(speed, floor_ms)
        self._pending: list[dict[str, Any]] = []
        self._running: tuple[int, Step, Wait, float] | None = None
        self._current = ""  # the running command's name, for a hang report
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self.received.connect(self._on_self_received)
        threading.Thread(target=self._read, name="soak-stdin", daemon=True).start()

    def window(self) -> QWidget:
        """The program's top-level window (found by its objectName)."""
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == self._window_name:
                return widget
        raise LookupError(f"no window named {self._window_name}")

    def _read(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.received.emit(json.loads(line))
        self.received.emit({"id": -1, "cmd": "quit", "args": {}})

    @Slot(object)
    def _on_self_received(self, command: dict[str, Any]) -> None:
        self._pending.append(command)
        if self._running is None:
            self._next()

    def _next(self) -> None:
        while self._running is None and self._pending:
            command = self._pending.pop(0)
            name, args = command["cmd"], command.get("args", {})
            try:
                step = self._builtin(name, args) or self._commands[name](self.window(), **args)
            except Exception as exc:  # a command the program cannot run is an answer too
                reply(id=command["id"], ok=False, error=f"{type(exc).__name__}: {exc}")
                continue
            self._current = name
            self._advance(command["id"], step)

    def _advance(self, command_id: int, step: Step) -> None:
        try:
            wait = next(step)
        except StopIteration as done:
            reply(id=command_id, ok=True, result=done.value)
            self._running = None
            return
        except Exception as exc:
            reply(id=command_id, ok=False, error=f"{type(exc).__name__}: {exc}")
            self._running = None
            return
        self._running = (command_id, step, wait, time.monotonic() + WAIT_LIMIT_S)
        self._poll.start()

    @Slot()
    def _on_poll_timeout(self) -> None:
        if self._running is None:
            self._poll.stop()
            return
        command_id, step, wait, deadline = self._running
        try:
            met = wait()
        except Exception as exc:
            met, deadline = False, 0.0
            reply(id=command_id, ok=False, error=f"{type(exc).__name__}: {exc}")
        if met:
            self._poll.stop()
            self._advance(command_id, step)
        elif time.monotonic() > deadline:
            self._poll.stop()
            if deadline:
                code = wait.__code__
                where = f"{Path(code.co_filename).name}:{code.co_firstlineno}"
                state = self._describe(self.window())
                if Reach.waiting_for:
                    state += f"; waiting to tap {Reach.waiting_for}"
                error = f"{self._current}: hung {WAIT_LIMIT_S:.0f} s at {where}; {state}"
                reply(id=command_id, ok=False, error=error)
            self._running = None
        if self._running is None:
            self._next()

    def _builtin(self, name: str, args: dict[str, Any]) -> Step | None:
        if name == "clock":
            return self._set_clock(args["now"])
        if name == "stats":
            return self._stats(bool(args.get("objects")))
        if name == "quit":
            return self._quit()
        return None

    def _set_clock(self, now: str) -> Step:
        self._clock.now = datetime.fromisoformat(now)
        return {"now": now}
        yield  # a generator that waits for nothing

    def _stats(self, objects: bool) -> Step:
        gc.collect()
        result: dict[str, Any] = {
            "none_refs": sys.getrefcount(None),
            "timers": self._speedup.scaled,
            "unreachable_where": Reach.where,
            "memory": memory_parts(),
        }
        if objects:
            result["types"] = type_counts()
        return result
        yield

    def _quit(self) -> Step:
        # As systemd stops a program: SIGTERM, which the shell turns into its ordered quit (a
        # bare QApplication.exit would be an unexpected end, exit code 70).
        QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
        return {"quitting": True}
        yield


def run(
    *,
    window_name: str,
    commands: dict[str, Command],
    launch: Callable[[Any, SoakClock], int],
    describe: Callable[[QWidget], str] = lambda _window: "",
) -> int:
    """Start a program under the agent: ``python -m bench.soak_X CONFIG START SPEED FLOOR_MS``."""
    from kiosk.config import load_config

    config_path, start = sys.argv[1], sys.argv[2]
    speed, floor_ms = float(sys.argv[3]), int(sys.argv[4])
    Pace.speed = speed
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = SoakClock(datetime.fromisoformat(start))
    agent = Agent(
        window_name=window_name,
        commands=commands,
        clock=clock,
        speed=speed,
        floor_ms=floor_ms,
        describe=describe,
    )
    code = launch(load_config(config_path), clock)
    del agent, app
    return code
