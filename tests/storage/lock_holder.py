"""Another program holding SQLite's write lock, in a real process, until told to let go."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""
WAIT_S = 60.0


@contextmanager
def write_lock_held(database: str) -> Iterator[subprocess.Popen[str]]:
    """A process that has taken the write lock of ``database`` (released on ``release``)."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, database],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stdout.readline() == "locked\n"
        yield process
        if process.poll() is None:
            release(process)


def release(process: subprocess.Popen[str]) -> None:
    """Let the holder commit and exit."""
    assert process.stdin is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.wait(timeout=WAIT_S) == 0
