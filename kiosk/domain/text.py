"""Vietnamese text: NFC everywhere, and an accent-free fold for searching names."""

from __future__ import annotations

import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Text as stored and compared: Unicode NFC, outer spaces trimmed."""
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """Lower-case, accents removed, đ mapped to d: ``Nguyễn Đức`` -> ``nguyen duc``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def matches(query: str, text: str) -> bool:
    """Accent-insensitive word-prefix search: ``ng du`` matches ``Nguyễn Đức``."""
    words = fold(text).split()
    return all(any(w.startswith(q) for w in words) for q in fold(query).split())
