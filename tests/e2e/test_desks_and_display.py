"""A kiosk, two desks and a display as separate processes on one PostgreSQL database."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.services.context import Actor, bootstrap
from kiosk.services.helpers import add_helper
from tests.conftest import write_config

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 15.0
Event = dict[str, Any]

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


class Probe:
    """One probe process: its JSON events on a queue, commands written to its stdin."""

    def __init__(self, name: str, module: str, *args: str) -> None:
        self.name = name
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
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

    def wait_for(self, what: str, predicate: Callable[[Event], bool]) -> Event:
        """The first event (already seen or coming) that matches, within ``WAIT_S``."""
        for event in self.seen:
            if predicate(event):
                return event
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(event)
            if predicate(event):
                return event
        raise AssertionError(f"{self.name}: no {what} within {WAIT_S} s; saw {self.seen[-5:]}")

    def stop(self) -> str:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()  # the probe quits at the end of its input
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        assert self.process.stderr is not None and self.process.stdout is not None
        errors = self.process.stderr.read()
        self.process.stderr.close()
        self.process.stdout.close()
        return errors


@pytest.fixture
def probes() -> Iterator[list[Probe]]:
    started: list[Probe] = []
    yield started
    for probe in started:
        errors = probe.stop()
        assert "Traceback" not in errors, f"{probe.name}:\n{errors}"


def test_a_call_at_one_desk_reaches_the_display_and_the_other_desk(
    tmp_path: Path, postgres_schema_url: str, probes: list[Probe]
) -> None:
    config_path = write_config(tmp_path, url=postgres_schema_url)
    ctx = bootstrap(load_config(str(config_path), env={}))
    pins = {1: "1111", 2: "2222"}
    ids = {
        counter: add_helper(
            ctx,
            name=f"Cán bộ {counter}",
            kind="staff",
            role="desk_officer",
            pin=pin,
            actor=Actor("test"),
        ).id
        for counter, pin in pins.items()
    }
    ctx.db.dispose()
    config = str(config_path)
    kiosk = Probe("kiosk", "tests.e2e.probe_kiosk", config)
    display = Probe("display", "tests.e2e.probe_display", config)
    desks = {
        n: Probe(f"desk {n}", "tests.e2e.probe_desk", config, str(n), str(ids[n]), pins[n])
        for n in (1, 2)
    }
    probes.extend([kiosk, display, *desks.values()])
    kiosk.wait_for("ready", lambda e: e["event"] == "ready")
    display.wait_for("ready", lambda e: e["event"] == "ready")
    for desk in desks.values():
        desk.wait_for("sign-in", lambda e: e["event"] == "signed_in")

    kiosk.send(take="A")
    number = kiosk.wait_for("a ticket", lambda e: e["event"] == "ticket")["number"]
    assert number == "A001"
    for desk in desks.values():
        desk.wait_for("the new ticket", lambda e: number in e.get("waiting", ()))
    display.wait_for("one waiting on A", lambda e: e.get("waiting", {}).get("A") == 1)

    desks[1].send(tap="call_next")
    desks[1].wait_for("its call", lambda e: e.get("current") == number)
    display.wait_for("the call on the board", lambda e: e.get("counters", {}).get("1") == number)
    announced = display.wait_for("the announcement", lambda e: e["event"] == "announce")
    assert announced["text"] == "Mời số A không không một đến quầy số 1"
    desks[2].wait_for(
        "the ticket gone from its queue",
        lambda e: e["event"] == "update" and number not in e["waiting"],
    )
