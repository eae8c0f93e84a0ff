"""Where the screens' logs go: the journal under systemd, rotating files otherwise.

Under systemd (``$JOURNAL_STREAM`` or ``$INVOCATION_ID`` set), lines go to stderr, which the
journal keeps with their time and level; elsewhere to stderr and to ``<program>.log`` in the
logs folder, rotated at 1 MB, five files kept. Either way warnings and errors also go to
``problems-<program>.log`` (one per program: two processes never rotate the same file),
which ``kiosk doctor`` shows. Every file is 0600. Code logs once per change of state
(``kiosk.state_log``), not once per poll, so the logs stay readable for years.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kiosk.config import default_data_dir
from kiosk.private_files import make_private, private_dir

PROBLEMS_PREFIX = "problems-"
LOG_BYTES = 1_000_000
LOG_FILES_KEPT = 5
PROBLEM_BYTES = 256_000
# The journal stamps each line itself.
JOURNAL_FORMAT = "%(levelname)s %(name)s: %(message)s"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # 19 characters, which last_problems relies on
# Libraries that log a line per statement or per start at INFO.
QUIET_LOGGERS = ("alembic", "sqlalchemy", "escpos", "PIL", "asyncio", "qasync")


def logs_dir() -> Path:
    """The logs folder: "logs" in the platform data folder."""
    return default_data_dir() / "logs"


def setup_logging(
    program: str, *, folder: Path | None = None, env: Mapping[str, str] | None = None
) -> list[logging.Handler]:
    """Send this process's log to the journal or rotating files, and problems to a file.

    Args:
        program: Names the log file, e.g. ``kiosk`` or ``desk``.
        folder: The logs folder (``logs_dir()`` by default).
        env: The environment that says whether systemd started us.

    Returns:
        The handlers added to the root logger (a second call replaces them).
    """
    env = os.environ if env is None else env
    in_data_dir = folder is None
    folder = folder or logs_dir()
    journal = bool(env.get("JOURNAL_STREAM") or env.get("INVOCATION_ID"))
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "kiosk_log", False)]:
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(
        logging.Formatter(JOURNAL_FORMAT if journal else FILE_FORMAT, datefmt=TIME_FORMAT)
    )
    handlers: list[logging.Handler] = [stderr]
    try:
        if in_data_dir:
            private_dir(folder.parent)  # the data folder, when the logs come first
        private_dir(folder)
        problems = _rotating(folder / f"{PROBLEMS_PREFIX}{program}.log", PROBLEM_BYTES, 1)
        problems.setLevel(logging.WARNING)
        handlers.append(problems)
        if not journal:
            handlers.append(_rotating(folder / f"{program}.log", LOG_BYTES, LOG_FILES_KEPT))
    except OSError as exc:  # a read-only home must not stop the kiosk; stderr still works
        print(f"warning: cannot write logs in {folder}: {exc}", file=sys.stderr)
    for handler in handlers:
        handler.kiosk_log = True  # type: ignore[attr-defined]  # marks ours for a later call
        handler.addFilter(_quiet_library_info)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handlers


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created 0600, the rotated ones included."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC
        fd = os.open(self.baseFilename, flags, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def _quiet_library_info(record: logging.LogRecord) -> bool:
    """Drop python-escpos' INFO lines ("Closing Network connection..."), sent on the root logger."""
    return (
        record.levelno >= logging.WARNING
        or record.name != "root"
        or "escpos" not in record.pathname
    )


def _rotating(path: Path, max_bytes: int, kept: int) -> RotatingFileHandler:
    handler = _PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=kept, encoding="utf-8"
    )
    make_private(path)  # a file from an older version may be world-readable
    handler.setFormatter(logging.Formatter(FILE_FORMAT, datefmt=TIME_FORMAT))
    return handler


def last_problems(folder: Path | None = None, *, count: int = 20) -> list[str]:
    """The newest ``count`` warning and error lines of every kiosk program, oldest first."""
    folder = folder or logs_dir()
    lines: list[str] = []
    for path in folder.glob(f"{PROBLEMS_PREFIX}*.log*") if folder.is_dir() else ():
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        program = path.name.removeprefix(PROBLEMS_PREFIX).split(".")[0]
        # Lines of a traceback do not start with a time: only the message line is shown.
        lines += [
            f"{line[:19]} {program}: {line[20:]}"
            for line in text.splitlines()
            if line[:4].isdigit()
        ]
    return sorted(lines)[-count:]
