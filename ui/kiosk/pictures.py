"""Which picture goes with a line or a priority group (names are configured, pictures are not)."""

from __future__ import annotations

from kiosk.domain.text import fold

# Words in a line's Vietnamese name (accent-free, lower case) and the picture they suggest.
_LINE_WORDS: tuple[tuple[str, str], ...] = (
    ("ho tich", "family"),
    ("khai sinh", "family"),
    ("chung thuc", "stamp"),
    ("dat dai", "land"),
    ("nha dat", "land"),
    ("xay dung", "land"),
    ("chinh sach", "social"),
    ("xa hoi", "social"),
    ("bao tro", "social"),
    ("truc tuyen", "phone"),
    ("vneid", "phone"),
    ("cu tru", "counter"),
)

_GROUP_PICTURES = {
    "elderly": "elderly",
    "disability": "disability",
    "pregnant": "pregnant",
    "small_child": "small_child",
    "merit": "merit",
}


def line_picture(name_vi: str) -> str:
    """The icon name for a line, from the words in its Vietnamese name; a document otherwise."""
    folded = fold(name_vi)
    for words, picture in _LINE_WORDS:
        if words in folded:
            return picture
    return "document"


def group_picture(code: str) -> str:
    """The icon name for a priority group code; a person for groups a commune added."""
    return _GROUP_PICTURES.get(code, "person")
