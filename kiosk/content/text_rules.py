"""What a text in a guide may contain: no hidden characters, no markup, a real source.

Each rule returns a message naming what is wrong ("" when the text is fine), so the reader can
report it against the field it came from.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

# Visitor text is drawn as plain text everywhere (Qt.PlainText), so markup would show as
# "<b>" on the screen; the check says so before a visitor sees it.
_MARKUP = re.compile(
    r"</?\s*[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"  # <b>, </a>, <img src=...>
    r"|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"  # &amp; &#60;
)
# A source an editor meant to fill in later is no source: it must name the law or the page.
_PLACEHOLDER_WORDS = re.compile(r"\b(?:todo|tbd|fixme|xxx)\b", re.IGNORECASE)
_PLACEHOLDER_ALONE = (
    "?", "-", "...", "n/a", "na", "none", "unknown", "source", "nguồn", "chưa có", "chưa rõ",
    "cần bổ sung", "bổ sung sau", "đang cập nhật",
)  # fmt: skip
MIN_SOURCE_CHARS = 8


class SourceKind(StrEnum):
    """What kind of document a fact was checked against (``kind`` in guide.toml)."""

    LAW = "law"  # Luật, Bộ luật, Nghị quyết of the National Assembly
    DECREE = "decree"  # Nghị định
    CIRCULAR = "circular"  # Thông tư of a ministry
    DECISION = "decision"  # Quyết định or Công văn of the Government or a ministry
    NATIONAL_PORTAL = "national-portal"  # the procedure's page on dichvucong.gov.vn
    PROVINCIAL_RECORD = "provincial-record"  # a province's published procedure list or record
    OFFICIAL_PAGE = "official-page"  # a guide page on a .gov.vn site (app steps, screens)
    SECONDARY = "secondary"  # news, Q&A sites, notes: never enough for ``verified = true``


PRIMARY_KINDS = frozenset(SourceKind) - {SourceKind.SECONDARY}


def hidden_character(text: str) -> str:
    """Why ``text`` holds a character no reader can see or that reorders the line ("" if none).

    Control characters (BEL, NUL...) and format characters (right-to-left override U+202E,
    zero-width spaces...) are invisible on the kiosk but change what is shown or read aloud.
    A line break is allowed.
    """
    for index, char in enumerate(text):
        if char == "\n":
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cf"):
            name = unicodedata.name(char, "control character")
            return (
                f"contains an invisible character U+{ord(char):04X} ({name}) at position"
                f" {index + 1}: delete it and type the text again"
            )
    return ""


def markup(text: str) -> str:
    """Why ``text`` looks like HTML ("" if it does not): the kiosk shows it as it is written."""
    found = _MARKUP.search(text)
    if found is None:
        return ""
    return (
        f"contains markup {found.group(0)!r}: the kiosk shows text exactly as written, so"
        " write plain text"
    )


def placeholder_source(source: str) -> str:
    """Why ``source`` names no document ("" if it looks like a real reference)."""
    folded = " ".join(source.split()).casefold().strip(" .:")
    if _PLACEHOLDER_WORDS.search(source) or folded in _PLACEHOLDER_ALONE:
        return f'"{source}" is a placeholder: name the law and article, or the official page'
    if len(folded) < MIN_SOURCE_CHARS:
        return f'"{source}" is too short to find again: name the law and article, or the page'
    return ""
