"""Read a guide file as text: size limit, encoding, and a clear word for what is wrong."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import GuideProblem

# The shipped guides are under 10 KB; a file a hundred times larger is not a guide.
MAX_GUIDE_BYTES = 128 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_guide_text(path: Path) -> tuple[str, GuideProblem | None]:
    """The file as text, or a problem if it is too large, damaged or not UTF-8.

    Args:
        path: A ``guide.toml``.

    Returns:
        ``(text, None)``, or ``("", problem)`` naming the line where it can.
    """
    try:
        size = path.stat().st_size
        if size > MAX_GUIDE_BYTES:
            message = (
                f"too large ({size // 1024} KB, at most {MAX_GUIDE_BYTES // 1024} KB): a guide"
                " is a few pages of text; is this the right file?"
            )
            return "", GuideProblem(path, None, "", message)
        raw = path.read_bytes()
    except OSError as error:
        return "", GuideProblem(path, None, "", f"cannot read the file: {error.strerror}")
    if _looks_utf16(raw):
        return "", GuideProblem(path, 1, "", "saved as UTF-16: save it again as UTF-8")
    if (nul := raw.find(b"\x00")) != -1:
        line = raw[:nul].count(b"\n") + 1
        message = (
            f"contains a NUL byte (code 0) at line {line}: the file is damaged or not text;"
            " delete that character or save the file again"
        )
        return "", GuideProblem(path, line, "", message)
    try:
        # A byte-order mark (Windows Notepad) is harmless: drop it.
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            f"not UTF-8 text (byte 0x{raw[error.start]:02X} at line {line}); the file was saved"
            " in another encoding such as Windows-1258 or Latin-1: save it again as UTF-8"
        )
        return "", GuideProblem(path, line, "", message)


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or a zero byte beside nearly every ASCII letter at the start."""
    if raw[:2] in _UTF16_BOMS:
        return True
    head = raw[:200]
    if len(head) < 8:
        return False
    zeros = max(head[0::2].count(0), head[1::2].count(0))
    return zeros * 2 >= len(head) * 0.6
