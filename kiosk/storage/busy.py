"""Waiting for SQLite's write lock fairly, with a deadline, and saying how long it has taken.

SQLite has no queue for its write lock: a waiting writer polls (every 100 ms once it has
waited a while), and a desk that has just committed starts its next write at once and wins
again. Under 8 busy desks one call took 9-16 s while the median was 8 ms, and some gave up
with "database is locked" after the 30 s busy timeout.

So every writer of this machine first takes a turnstile, an ``flock`` on
``<database>.writers``, and holds it only until its ``BEGIN IMMEDIATE`` succeeds. Waiters
block in the kernel, which wakes them all the moment the turnstile is free, so a writer that
just committed has no head start over those already waiting. Inside the turnstile, the one
writer polls SQLite's lock every millisecond or so until ``deadline_s`` (the lock may still
be held by the last writer's transaction, or by a program outside the kiosk). The kernel drops
an ``flock`` when its process dies, so ``kill -9`` never leaves the turnstile shut.
Retrying the BEGIN is always safe: nothing of the action has run yet.

``BusyWait.retrying_for_s`` and its listeners tell callers how long a write has been waiting,
so a screen can say "busy, retrying" once it passes a second.
"""

from __future__ import annotations

import fcntl
import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.domain.errors import DatabaseBusyError

logger = logging.getLogger(__name__)

# A listener hears 0.0 when a write starts waiting, the seconds waited now and then while it
# polls, and None when the wait is over (lock taken, or given up).
BusyListener = Callable[[float | None], None]

WRITE_DEADLINE_S = 30.0
POLL_MIN_S = 0.0002
POLL_MAX_S = 0.001
NOTIFY_EVERY_S = 0.25
# Waits shorter than this are normal under load and not worth a log line.
LOG_AFTER_S = 1.0


class BusyWait:
    """Takes SQLite's write lock through the machine's turnstile and reports the wait."""

    def __init__(self, *, deadline_s: float = WRITE_DEADLINE_S) -> None:
        self.deadline_s = deadline_s
        self._turnstile = _Turnstile(None)
        self._lock = threading.Lock()
        self._since: dict[int, float] = {}  # thread id -> when its wait began (monotonic)
        self._listeners: list[BusyListener] = []

    def use_turnstile(self, path: Path | None) -> None:
        """Queue this machine's writers on ``path`` (None: an in-memory database, no queue)."""
        self._turnstile = _Turnstile(path)

    def retrying_for_s(self) -> float:
        """Seconds the longest-waiting write of this process has been waiting; 0 if none."""
        now = time.monotonic()
        with self._lock:
            return max((now - since for since in self._since.values()), default=0.0)

    def add_listener(self, listener: BusyListener) -> None:
        """Call ``listener`` (on the waiting thread) when a write waits, and when it ends."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: BusyListener) -> None:
        """Stop calling ``listener``."""
        with self._lock:
            self._listeners = [known for known in self._listeners if known is not listener]

    def begin_immediate(self, connection: sqlite3.Connection, *, busy_timeout_ms: int) -> None:
        """Start a write transaction, waiting fairly while another writer holds the lock.

        Args:
            connection: A raw sqlite3 connection in autocommit mode (isolation_level None).
            busy_timeout_ms: The connection's usual busy timeout, restored afterwards.

        Raises:
            DatabaseBusyError: The lock stayed taken past ``deadline_s``; nothing was begun.
        """
        started = time.monotonic()
        with self._turnstile.held(on_wait=lambda: self._wait_started(started)):
            # No SQLite busy handler: its waits are the unfair part; ours are in ``_poll``.
            connection.execute("PRAGMA busy_timeout = 0")
            try:
                self._first_or_poll(connection, started)
            finally:
                connection.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
                self._wait_ended(started)

    def _first_or_poll(self, connection: sqlite3.Connection, started: float) -> None:
        if _begin(connection):
            return
        self._wait_started(started)
        self._poll(connection, started)

    def _poll(self, connection: sqlite3.Connection, started: float) -> None:
        told_at = time.monotonic()
        while True:
            time.sleep(random.uniform(POLL_MIN_S, POLL_MAX_S))  # jitter: waiters never poll in step
            if _begin(connection):
                return
            now = time.monotonic()
            if now - started > self.deadline_s:
                logger.warning("database busy for %.0f s: a write gave up", now - started)
                raise DatabaseBusyError(
                    "The database stayed busy for {seconds} s; nothing was saved. Try again.",
                    seconds=round(now - started),
                )
            if now - told_at >= NOTIFY_EVERY_S:
                told_at = now
                self._tell(now - started)

    def _wait_started(self, started: float) -> None:
        thread = threading.get_ident()
        with self._lock:
            if thread in self._since:
                return
            self._since[thread] = started
        self._tell(0.0)

    def _wait_ended(self, started: float) -> None:
        with self._lock:
            waiting = self._since.pop(threading.get_ident(), None) is not None
        if not waiting:
            return
        waited = time.monotonic() - started
        if waited >= LOG_AFTER_S:
            logger.warning("database was busy: a write waited %.1f s for the lock", waited)
        self._tell(None)

    def _tell(self, waited: float | None) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(waited)
            except Exception:  # a screen's callback must never break the write
                logger.exception("busy listener failed")


class _Turnstile:
    """An exclusive ``flock`` on a file beside the database, one holder per machine."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._threads = threading.Lock()  # flock is per process: threads queue here first
        self._fd: int | None = None
        self._pid = 0

    @contextmanager
    def held(self, *, on_wait: Callable[[], None]) -> Iterator[None]:
        """Hold the turnstile for the block; ``on_wait`` runs first if someone else holds it."""
        if self._path is None:
            yield
            return
        if not self._threads.acquire(blocking=False):
            on_wait()
            self._threads.acquire()
        try:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                on_wait()
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _open(self) -> int:
        # A forked child must not share its parent's lock: open the file again there.
        if self._fd is None or self._pid != os.getpid():
            assert self._path is not None
            self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            self._pid = os.getpid()
        return self._fd


def _begin(connection: sqlite3.Connection) -> bool:
    """Try ``BEGIN IMMEDIATE`` once: True when begun, False while another writer holds it."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
        return False
    return True


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    # sqlite_errorcode exists since Python 3.11; SQLITE_BUSY is 5 (extended codes keep it).
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == sqlite3.SQLITE_BUSY
    return "locked" in str(exc) or "busy" in str(exc)  # pragma: no cover
