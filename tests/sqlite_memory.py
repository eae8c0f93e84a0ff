"""SQLite's own memory counters, read from the shared libsqlite3 the sqlite3 module uses."""

from __future__ import annotations

import ctypes
import ctypes.util
import sqlite3

import pytest


def sqlite_library() -> ctypes.CDLL:
    """libsqlite3 with its memory counters typed; skips when the sqlite3 module has its own copy."""
    sqlite3.connect(":memory:").close()  # the module's copy is loaded and initialised first
    lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    lib.sqlite3_memory_highwater.restype = ctypes.c_int64
    lib.sqlite3_memory_highwater.argtypes = (ctypes.c_int,)
    held = sqlite3.connect(":memory:")
    used = lib.sqlite3_memory_used()
    held.close()
    if used <= 0:
        pytest.skip("the sqlite3 module does not use the shared libsqlite3")
    return lib


def fill(database: str, *, rows: int) -> None:
    """A WAL database with ``rows`` rows of 1,000 random bytes (8,000 rows: 8 MB of pages)."""
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE filler (data BLOB)")
    writer.executemany("INSERT INTO filler VALUES (randomblob(1000))", [()] * rows)
    writer.commit()
    writer.close()
