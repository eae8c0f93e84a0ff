"""Rules for what a guide may point at: its illustrations (files) and its links (QR codes).

Illustrations: a file in the guide's own folder (``buoc-1.svg``), or a shared drawing in a
``_shared`` folder, written ``../_shared/quay.svg``. Nothing else: no absolute paths, no other
``..``, no backslashes, and no symbolic link whose target lies outside the guide folder (or the
``_shared`` folder it was found in). Links: ``https://`` to ``dichvucong.gov.vn`` or another
``.gov.vn`` host; they are only checked for form here, never fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from kiosk.content.svg_rules import svg_problem

SHARED_FOLDER = "_shared"
MAX_URL_CHARS = 300  # longer links make QR codes too dense to scan from a phone held by hand


def image_problem(raw: str, *, guide_dir: Path, shared: Sequence[Path]) -> tuple[Path | None, str]:
    """Resolve an illustration path written in ``guide.toml``, or say why it is not allowed.

    Args:
        raw: The path as written, e.g. ``buoc-1.svg`` or ``../_shared/quay.svg``.
        guide_dir: The guide's folder.
        shared: The ``_shared`` folders to look in, in order: the guide's own guides folder
            first, then the shipped one (a commune's guide may use the shipped drawings).

    Returns:
        ``(path, "")`` with the resolved file, or ``(None, message)``.
    """
    if "\\" in raw:
        return None, "use / between folder names, not \\"
    written = PurePosixPath(raw)
    if written.is_absolute() or (len(raw) > 1 and raw[1] == ":"):
        return None, "must be a path relative to the guide folder, not an absolute path"
    parts = written.parts
    is_shared = parts[:2] == ("..", SHARED_FOLDER)
    if ".." in (parts[2:] if is_shared else parts):
        return None, (
            "leaves the guide folder: only a file in the guide folder or ../_shared/ is allowed"
        )
    if written.suffix.lower() != ".svg":
        return None, "must be an SVG file (.svg)"
    if not is_shared:
        return _resolved_inside(guide_dir / written, guide_dir)
    inner = PurePosixPath(*parts[2:])
    for folder in shared:
        candidate = folder / inner
        if candidate.exists() or candidate.is_symlink():
            return _resolved_inside(candidate, folder)
    return None, f"file not found (looked for {guide_dir / written})"


def _resolved_inside(path: Path, allowed: Path) -> tuple[Path | None, str]:
    """``path`` with links followed, if it stays in ``allowed``, and its drawing's problems.

    ``allowed`` is the guide's folder or a ``_shared`` folder; its parent is the guides root.
    """
    try:
        real, real_allowed = _resolve(path), allowed.resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop, in Python 3.11
        return None, f"cannot be followed ({error})"
    if not real.is_relative_to(real_allowed.parent):
        return None, "is a link to a file outside the guides folder"
    if not real.is_relative_to(real_allowed):
        return None, "is a link to a file outside the guide folder and _shared"
    if not real.is_file():
        return None, f"file not found (looked for {path})"
    return real, svg_problem(real)


def _resolve(path: Path) -> Path:
    """``path`` with every link followed; a symlink loop raises.

    A missing file or link target resolves as far as it goes (the caller says "not found").
    Strict first: from Python 3.13 a lenient ``resolve()`` returns a path for a loop instead of
    raising, and the loop would read as a missing file.
    """
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        return path.resolve()


def link_problem(url: str) -> str:
    """Why ``url`` cannot be shown as an official link ("" if it can).

    Only the form is checked (nothing is fetched): https, a plain host under ``gov.vn``, no
    user name, password or port.
    """
    if url != url.strip() or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "contains spaces or control characters"
    if len(url) > MAX_URL_CHARS:
        return f"too long for a QR code ({len(url)} characters, at most {MAX_URL_CHARS})"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        return f"is not a valid address ({error})"
    if parts.scheme.lower() != "https":
        found = f"{parts.scheme}:" if parts.scheme else "no scheme"
        return f"must start with https:// (found {found})"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "has no host name"
    if parts.username is not None or parts.password is not None or port is not None:
        return "must not contain a user name, password or port"
    if not host.isascii():
        return "host name must be plain ASCII"
    if host != "gov.vn" and not host.endswith(".gov.vn"):
        return f"host {host} is not allowed: use dichvucong.gov.vn or another .gov.vn site"
    return ""
