"""Programs as OS processes for end-to-end tests: start a probe, read its events, command it."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.config import load_config
from kiosk.services.context import Actor, bootstrap
from kiosk.services.helpers import add_helper

ROOT = Path(__file__).resolve().parents[2]
# How long a test waits for what must come (a start, a call, a repaint). A deadline, not a
# measure of speed: it only runs out when something is broken, so it is generous. 15 s ran
# out for a kiosk's start in a clean-clone CI beside two soaks (four programs starting at once).
WAIT_S = 120.0
Event = dict[str, Any]


class Probe:
    """One probe process: its JSON events on a queue (with the time read), commands to stdin."""

    def __init__(
        self, name: str, module: str, *args: str, env: Mapping[str, str] | None = None
    ) -> None:
        self.name = name
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.events: queue.Queue[Event] = queue.Queue()
        self.seen: list[Event] = []
        self._result: tuple[int, str] | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.events.put(json.loads(line))

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def wait_for(
        self, what: str, predicate: Callable[[Event], bool], *, after: float = 0.0
    ) -> Event:
        """The first event at or after ``after`` (seen or coming) that matches, in ``WAIT_S``."""
        for event in self.seen:
            if event["t"] >= after and predicate(event):
                return event
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(event)
            if event["t"] >= after and predicate(event):
                return event
        raise AssertionError(f"{self.name}: no {what} within {WAIT_S} s; saw {self.seen[-5:]}")

    def drain(self) -> list[Event]:
        """Every event received so far (also those nobody waited for)."""
        while True:
            try:
                self.seen.append(self.events.get_nowait())
            except queue.Empty:
                return self.seen

    def stop(self) -> tuple[int, str]:
        """End stdin (the program quits in order); the exit code and stderr (once, then kept)."""
        if self._result is not None:
            return self._result
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        assert self.process.stderr is not None and self.process.stdout is not None
        errors = self.process.stderr.read()
        self.process.stderr.close()
        self.process.stdout.close()
        self._result = (self.process.returncode, errors)
        return self._result


PINS = {1: "1111", 2: "2222"}


def desk_staff(config_path: Path) -> dict[int, int]:
    """One officer per counter (PIN ``PINS[counter]``); their helper ids by counter."""
    ctx = bootstrap(load_config(str(config_path), env={}))
    try:
        return {
            counter: add_helper(
                ctx,
                name=f"Cán bộ {counter}",
                kind="staff",
                role="desk_officer",
                pin=pin,
                actor=Actor("test"),
            ).id
            for counter, pin in PINS.items()
        }
    finally:
        ctx.db.dispose()


def desk_probe(
    config: Path, counter: int, helper_id: int, env: Mapping[str, str] | None = None
) -> Probe:
    """A desk at ``counter`` that signs in by itself."""
    return Probe(
        f"desk {counter}",
        "tests.e2e.probe_desk",
        str(config),
        str(counter),
        str(helper_id),
        PINS[counter],
        env=env,
    )
