"""The driver's end of the soak channel: one ``Program`` per OS process, commands and answers."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.soak_agent import REPLY

# A hang detector, not a speed limit: the agent reports a wait unmet for 120 s itself.
ANSWER_LIMIT_S = 300.0
QUIT_LIMIT_S = 60.0


def write_screen(path: Path, width_px: int, height_px: int) -> Path:
    """A config for Qt's offscreen platform: one screen of the given size (default 800x800).

    The programs lay out for the screen they find; a kiosk's touchscreen is 1920x1080, and a
    button laid out past the screen's edge is one a visitor could not reach either.
    """
    screen = {
        "name": "soak",
        "x": 0,
        "y": 0,
        "width": width_px,
        "height": height_px,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


class ProgramError(Exception):
    """A program died, hung or could not do what it was asked."""


class Program:
    """A soak program process (``python -m bench.soak_<kind>``) and its log file."""

    def __init__(
        self,
        kind: str,
        *,
        root: Path,
        config: Path,
        start: str,
        speed: float,
        floor_ms: int,
        env: dict[str, str],
        log: Path,
        screen: Path,
    ) -> None:
        self.name = kind
        self.log = log
        self._log_file = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                f"bench.soak_{kind}",
                str(config),
                start,
                str(speed),
                str(floor_ms),
            ],
            cwd=root,
            env={
                **os.environ,
                **env,
                "PYTHONPATH": str(root),
                "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            },
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
            encoding="utf-8",
            # Its own session: Ctrl+C (or timeout's SIGTERM to the group) stops the driver,
            # which reads the figures and then quits the programs itself. A driver gone for
            # good closes their stdin, and the agent quits on that.
            start_new_session=True,
        )
        self._answers: dict[int, dict[str, Any]] = {}
        self._changed = threading.Condition()
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(REPLY):
                answer = json.loads(line[len(REPLY) :])
                with self._changed:
                    self._answers[answer["id"]] = answer
                    self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def send(self, cmd: str, **args: Any) -> int:
        """Queue a command; returns its id for ``wait``."""
        self._next_id += 1
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps({"id": self._next_id, "cmd": cmd, "args": args}))
            self.process.stdin.write("\n")
            self.process.stdin.flush()
        except OSError as exc:
            raise ProgramError(f"{self.name}: {self.death()}") from exc
        return self._next_id

    def wait(self, command_id: int) -> Any:
        """The result of a command sent earlier."""
        deadline = time.monotonic() + ANSWER_LIMIT_S
        with self._changed:
            while command_id not in self._answers:
                if self.process.poll() is not None:
                    raise ProgramError(f"{self.name}: {self.death()}")
                if time.monotonic() > deadline:
                    raise ProgramError(f"{self.name}: no answer in {ANSWER_LIMIT_S:.0f} s")
                self._changed.wait(1.0)
            answer = self._answers.pop(command_id)
        if not answer["ok"]:
            raise ProgramError(f"{self.name}: {answer['error']}")
        return answer["result"]

    def call(self, cmd: str, **args: Any) -> Any:
        """Send a command and wait for its result."""
        return self.wait(self.send(cmd, **args))

    def reading(self, db_path: str | None) -> tuple[int, int, int, float]:
        """RSS kB, fds, SQLite handles, CPU s (see ``soak_figures.proc_reading``)."""
        from bench.soak_figures import proc_reading

        return proc_reading(self.process.pid, db_path)

    def death(self) -> str:
        """How the process ended (code or signal) and the last lines of its log."""
        code = self.process.poll()
        if code is None:
            return "still running"
        how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        if not self._log_file.closed:
            self._log_file.flush()
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        # A fatal error names itself on one line; otherwise the last words of the log.
        fatal = [line for line in lines if line.startswith("Fatal Python error")]
        said = fatal[0] if fatal else " | ".join(lines[-2:])
        return f"died: {how}; log: {said[:160]}"

    def finish(self) -> int:
        """Ask the program to quit as its users would close it; its exit code."""
        if self.process.poll() is None:
            with contextlib.suppress(ProgramError):
                self.call("quit")
        try:
            code = self.process.wait(timeout=QUIT_LIMIT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._reader.join(timeout=5)
        self._log_file.close()
        return code
