"""Whether the kiosk's own modules start from compiled bytecode or are compiled at every start.

The programs run as the ``kiosk`` user from a checkout that root owns (README, kiosk.service),
so Python cannot leave the ``__pycache__`` files it would otherwise write at the first start:
every start compiles the project's modules from source again (about 0.1 s of every ``kiosk``
command, more for a window). ``make install`` compiles them; this finds the modules a ``git
pull`` without it has left stale, for ``kiosk doctor``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGES = ("kiosk", "ui", "printing")
# A .pyc starts with the magic number, 4 bytes of flags, then (flags 0) the source's mtime and
# size as unsigned 32-bit little-endian numbers (PEP 552).
_HEADER = 16


def package_folders() -> list[Path]:
    """The folders of the project's packages as installed (without importing them)."""
    folders = []
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            folders.append(Path(spec.origin).parent)
    return folders


def is_current(source: Path) -> bool:
    """True when the module's bytecode exists for this Python and matches its source."""
    cache = Path(importlib.util.cache_from_source(str(source)))
    try:
        with cache.open("rb") as file:
            header = file.read(_HEADER)
        stat = source.stat()
    except OSError:
        return False
    if len(header) < _HEADER or header[:4] != importlib.util.MAGIC_NUMBER:
        return False
    flags = int.from_bytes(header[4:8], "little")
    if flags & 0b1:  # hash-based: Python checks (or trusts) it itself, never rewrites it here
        return True
    mtime = int.from_bytes(header[8:12], "little")
    size = int.from_bytes(header[12:16], "little")
    return mtime == int(stat.st_mtime) & 0xFFFFFFFF and size == stat.st_size & 0xFFFFFFFF


def _can_write(source: Path) -> bool:
    if sys.dont_write_bytecode:
        return False
    cache_dir = Path(importlib.util.cache_from_source(str(source))).parent
    target = cache_dir if cache_dir.exists() else cache_dir.parent
    return os.access(target, os.W_OK)


def compiled_at_every_start(folders: Iterable[Path] | None = None) -> list[Path]:
    """Modules whose bytecode is missing or stale and that this user cannot write.

    A stale module that this user can write is left out: Python writes its bytecode at the
    next start, once.
    """
    stale = []
    for folder in package_folders() if folders is None else folders:
        for source in sorted(folder.rglob("*.py")):
            if not is_current(source) and not _can_write(source):
                stale.append(source)
    return stale


def report_lines(stale: list[Path], folders: Iterable[Path] | None = None) -> list[str]:
    """Lines for ``kiosk doctor`` on ``compiled_at_every_start``: all is well, or the fix."""
    if not stale:
        return ["Compiled code: up to date (or written by Python at the next start)."]
    folders = package_folders() if folders is None else folders
    checkout = next(
        (folder.parent for folder in folders if folder in stale[0].parents), stale[0].parent
    )
    return [
        f"Compiled code: {len(stale)} of the kiosk's modules {'is' if len(stale) == 1 else 'are'}"
        " compiled again at every start"
        " (their bytecode is missing or older than the source, and this user cannot write it),"
        " which slows every start.",
        f"  For example: {stale[0]}",
        f"  Fix: run `sudo make install` in {checkout}.",
    ]
