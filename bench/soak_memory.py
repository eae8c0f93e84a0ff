"""What a soak process's memory is made of, read from inside it (no Qt).

RSS alone cannot tell a leak from a cache that fills up and stops. A reading splits it:
glibc's heap (bytes in use, and bytes freed but kept: fragmentation), SQLite's own memory (its
page cache and prepared statements, per connection, bounded by ``PRAGMA cache_size``), and
Python's object allocator. The driver adds the file-backed part from /proc (library pages
touched for the first time).

Each figure is 0 where the library cannot be read (another libc, a statically linked SQLite).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import tempfile
from functools import cache


class _MallInfo2(ctypes.Structure):
    # glibc >= 2.33 (Debian 12 has 2.36): every field a size_t.
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


@cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
    except (OSError, AttributeError):
        return None
    return libc


@cache
def _sqlite() -> ctypes.CDLL | None:
    # The same shared library the sqlite3 module loaded (one soname, one copy in the process).
    import sqlite3  # noqa: F401  (loads it first)

    try:
        lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
        lib.sqlite3_memory_used.restype = ctypes.c_int64
        lib.sqlite3_status64.argtypes = [
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int64),
            ctypes.POINTER(ctypes.c_int64),
            ctypes.c_int,
        ]
    except (OSError, AttributeError):
        return None
    return lib


# sqlite3_status64: with no page cache buffer configured (Python's sqlite3 configures none)
# every cached page is an "overflow" allocation, so this is the page caches' bytes in use.
_SQLITE_STATUS_PAGECACHE_OVERFLOW = 2


def memory_parts() -> dict[str, int]:
    """kB by part: ``heap_used``, ``heap_free``, ``sqlite`` (inside heap_used), ``python``.

    ``sqlite_pages`` is the part of ``sqlite`` that is page cache; the rest is mostly prepared
    statements and schemas.
    """
    parts = {"heap_used": 0, "heap_free": 0, "sqlite": 0, "sqlite_pages": 0, "python": 0}
    libc = _libc()
    if libc is not None:
        info = libc.mallinfo2()
        parts["heap_used"] = (info.uordblks + info.hblkhd) // 1024
        parts["heap_free"] = info.fordblks // 1024
    lib = _sqlite()
    if lib is not None:
        parts["sqlite"] = lib.sqlite3_memory_used() // 1024
        current, highest = ctypes.c_int64(0), ctypes.c_int64(0)
        status = lib.sqlite3_status64(
            _SQLITE_STATUS_PAGECACHE_OVERFLOW, ctypes.byref(current), ctypes.byref(highest), 0
        )
        if status == 0:
            parts["sqlite_pages"] = current.value // 1024
    parts["python"] = _python_arenas_kb()
    return parts


def _python_arenas_kb() -> int:
    # CPython tells its arena total only through sys._debugmallocstats, which prints at C
    # level on fd 2: "N arenas * 1048576 bytes/arena = 4,194,304". Catch fd 2 in a file.
    with tempfile.TemporaryFile() as caught:
        saved = os.dup(2)
        try:
            os.dup2(caught.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        caught.seek(0)
        text = caught.read().decode("ascii", "replace")
    for line in text.splitlines():
        if "bytes/arena" in line and "=" in line:
            return int(line.rsplit("=", 1)[1].strip().replace(",", "")) // 1024
    return 0
