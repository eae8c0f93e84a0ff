"""Folders and files only the kiosk's own user may read: 0700 and 0600, whatever the umask.

The database holds PIN hashes (and who was helped when); reports and spooled tickets hold
names. With the usual umask 022 they were readable by every local account. Everything the
kiosk writes goes through here. A folder is only tightened when this user owns it and it has
no sticky bit, so a path such as /tmp or a shared folder set up by an administrator is never
changed; a USB stick formatted FAT ignores modes, which is logged once, not an error.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

logger = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it 0700 if it is ours; returns it.

    Raises:
        OSError: The folder cannot be created.
    """
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    try:
        info = path.stat()
    except OSError:
        return path
    if info.st_uid == os.geteuid() and not info.st_mode & stat.S_ISVTX:
        _chmod(path, DIR_MODE)
    return path


def make_private(path: Path) -> None:
    """Make an existing file 0600 (nothing happens when it does not exist)."""
    if path.exists():
        _chmod(path, FILE_MODE)


def open_private(path: Path) -> BinaryIO:
    """Open ``path`` for writing (created or truncated) as a 0600 file.

    Raises:
        OSError: The file cannot be created or written.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # an existing file keeps its old mode through O_CREAT
    except OSError:
        _warn_unsupported(path)
    return os.fdopen(fd, "wb")


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a 0600 file."""
    with open_private(path) as stream:
        stream.write(data)


def _chmod(path: Path, mode: int) -> None:
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
    except OSError:
        _warn_unsupported(path)


_warned: set[str] = set()


def _warn_unsupported(path: Path) -> None:
    # FAT-formatted USB sticks and some network shares have no Unix modes.
    key = str(path.parent)
    if key not in _warned:
        _warned.add(key)
        logger.warning("cannot make %s private to this user (no Unix modes there?)", path)
