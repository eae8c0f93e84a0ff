"""Rules for what a guide may point at: its illustrations (files) and its links (QR codes).

Illustrations: a file in the guide's own folder (``buoc-1.svg``), or a shared drawing in the
``_shared`` folder of the guides root, written ``../_shared/quay.svg``. Nothing else: no
absolute paths, no other ``..``, no backslashes, and no symbolic link whose target lies outside
the guides root. Links: ``https://`` to ``dichvucong.gov.vn`` or another ``.gov.vn`` host; they
are only checked for form here, never fetched.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

SHARED_FOLDER = "_shared"
MAX_URL_CHARS = 300  # longer links make QR codes too dense to scan from a phone held by hand

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Outside SVG Tiny 1.2 (QtSvg ignores or warns) or pulling in other content.
_FORBIDDEN_ELEMENTS = ("filter", "style", "image", "script", "foreignObject", "mask", "pattern")


def image_problem(raw: str, *, guide_dir: Path, root: Path) -> tuple[Path | None, str]:
    """Resolve an illustration path written in ``guide.toml``, or say why it is not allowed.

    Args:
        raw: The path as written, e.g. ``buoc-1.svg`` or ``../_shared/quay.svg``.
        guide_dir: The guide's folder.
        root: The guides root folder.

    Returns:
        ``(path, "")`` with the resolved file, or ``(None, message)``.
    """
    if "\\" in raw:
        return None, "use / between folder names, not \\"
    written = PurePosixPath(raw)
    if written.is_absolute() or (len(raw) > 1 and raw[1] == ":"):
        return None, "must be a path relative to the guide folder, not an absolute path"
    parts = written.parts
    shared = parts[:2] == ("..", SHARED_FOLDER)
    if ".." in (parts[2:] if shared else parts):
        return None, (
            "leaves the guide folder: only a file in the guide folder or ../_shared/ is allowed"
        )
    if written.suffix.lower() != ".svg":
        return None, "must be an SVG file (.svg)"
    path = guide_dir / written
    try:
        real_root, real = root.resolve(), path.resolve()
        allowed = real_root / SHARED_FOLDER if shared else guide_dir.resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop, in Python 3.11
        return None, f"cannot be followed ({error})"
    if not real.is_relative_to(real_root):
        return None, "is a link to a file outside the guides folder"
    if not real.is_relative_to(allowed):
        return None, "is a link to a file outside the guide folder and _shared"
    if not real.is_file():
        return None, f"file not found (looked for {path})"
    return real, svg_problem(real)


def svg_problem(path: Path) -> str:
    """Why an SVG file is unusable for the kiosk ("" if it looks fine).

    A light check without Qt: well-formed XML with an ``<svg>`` root and a ``viewBox``, and no
    filters, stylesheets, embedded images, scripts or links to other files.
    """
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        return f"is not valid SVG ({error})"
    if root.tag != f"{_SVG}svg":
        return "is not an SVG drawing (no <svg> root in the SVG namespace)"
    if "viewBox" not in root.attrib:
        return "the <svg> element needs a viewBox (e.g. 0 0 800 600) so it can be scaled"
    for element in root.iter():
        name = element.tag.removeprefix(_SVG)
        if name in _FORBIDDEN_ELEMENTS:
            return f"uses <{name}>, which the kiosk cannot draw (SVG Tiny 1.2 only)"
        if "style" in element.attrib:
            return "uses a style attribute: write fill, stroke etc. as attributes instead"
        href = element.get(_XLINK_HREF) or element.get("href") or ""
        if href and not href.startswith("#"):
            return f"refers to another file or address ({href}); drawings must be self-contained"
    return ""


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
