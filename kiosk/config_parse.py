"""Typed reads from a parsed TOML document that collect problems instead of stopping."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.numbering import is_valid_prefix

T = TypeVar("T")
_MISSING = object()
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class Reader:
    """Reads keys by dotted path; a wrong value is recorded and its default used."""

    def __init__(self, label: str, raw: Mapping[str, Any]) -> None:
        self.label = label
        self.raw = raw
        self.problems: list[tuple[str, str]] = []

    def problem(self, key: str, message: str) -> None:
        """Record a problem at ``key``."""
        self.problems.append((key, message))

    def _get(self, key: str) -> Any:
        node: Any = self.raw
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return _MISSING
            node = node[part]
        return node

    def _typed(self, key: str, value: Any, types: tuple[type, ...], expected: str) -> bool:
        # bool is an int in Python; TOML keeps them apart, so do we.
        is_bool_mismatch = isinstance(value, bool) and bool not in types
        ok = not is_bool_mismatch and isinstance(value, types)
        if not ok:
            self.problem(key, f"expected {expected}, got {value!r}")
        return ok

    # -- top-level keys -------------------------------------------------------------------
    def text(self, key: str, default: str, *, required: bool = False) -> str:
        """A string (NFC-normalised)."""
        value = self._get(key)
        if value is _MISSING:
            return default
        if not self._typed(key, value, (str,), "a text in quotes"):
            return default
        if required and not value.strip():
            self.problem(key, "must not be empty")
            return default
        return self.nfc_text(key, value)

    def nfc_text(self, key: str, value: str) -> str:
        """Normalise to NFC; text pasted from macOS or the web is often NFD."""
        return unicodedata.normalize("NFC", value).strip()

    def integer(
        self, key: str, default: int, *, low: int | None = None, high: int | None = None
    ) -> int:
        """A whole number within [low, high]."""
        value = self._get(key)
        if value is _MISSING:
            return default
        return self._checked_int(key, value, default, low, high)

    def _checked_int(
        self, key: str, value: Any, default: int, low: int | None, high: int | None
    ) -> int:
        if not self._typed(key, value, (int,), "a whole number"):
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            self.problem(key, f"expected a number from {low} to {high}, got {value}")
            return default
        return int(value)

    def number(self, key: str, default: float, *, low: float, high: float) -> float:
        """A number within [low, high]."""
        value = self._get(key)
        if value is _MISSING:
            return default
        if not self._typed(key, value, (int, float), "a number"):
            return default
        if not low <= value <= high:
            self.problem(key, f"expected a number from {low:g} to {high:g}, got {value}")
            return default
        return float(value)

    def boolean(self, key: str, default: bool) -> bool:
        """``true`` or ``false``."""
        value = self._get(key)
        if value is _MISSING:
            return default
        return bool(value) if self._typed(key, value, (bool,), "true or false") else default

    def choice(self, key: str, default: T, options: Sequence[T]) -> T:
        """One of ``options``."""
        value = self._get(key)
        if value is _MISSING:
            return default
        if value not in options or isinstance(value, bool):
            shown = ", ".join(repr(o) for o in options)
            self.problem(key, f"expected one of {shown}, got {value!r}")
            return default
        return value  # type: ignore[no-any-return]

    def hex_integer(self, key: str) -> int | None:
        """A USB id: a number, or a text like ``"0x04b8"``."""
        value = self._get(key)
        if value is _MISSING or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            try:
                return int(value, 16) if value.lower().startswith("0x") else int(value)
            except ValueError:
                pass
        self.problem(key, f"expected a USB id such as 0x04b8, got {value!r}")
        return None

    def path(self, key: str, default: Path) -> Path:
        """A folder or file path; ``~`` is expanded."""
        value = self.text(key, "")
        return Path(value).expanduser() if value else default

    def timezone(self, key: str, default: str) -> str:
        """An IANA time zone name."""
        value = self.text(key, default)
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(key, f"expected a time zone such as 'Asia/Ho_Chi_Minh', got {value!r}")
            return default
        return value

    def table(self, key: str) -> Mapping[str, Any]:
        """A TOML table, empty when absent."""
        value = self._get(key)
        if value is _MISSING:
            return {}
        return value if self._typed(key, value, (dict,), "a table") else {}

    def table_list(
        self, key: str, default: Sequence[Mapping[str, Any]]
    ) -> Sequence[Mapping[str, Any]]:
        """An array of tables (``[[key]]``); the default when absent."""
        value = self._get(key)
        if value is _MISSING:
            return default
        return self._tables(key, value)

    def _tables(self, key: str, value: Any) -> list[Mapping[str, Any]]:
        if not self._typed(key, value, (list,), "a list of tables ([[...]])"):
            return []
        good = []
        for i, item in enumerate(value):
            if self._typed(f"{key}[{i}]", item, (dict,), "a table"):
                good.append(item)
        return good

    # -- keys inside an item of a list ------------------------------------------------------
    def text_in(self, item: Mapping[str, Any], key: str, *, required: bool = False) -> str:
        """A string field of a list item; ``key`` is the full name used in messages."""
        name = key.rsplit(".", 1)[-1]
        value = item.get(name, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(key, "missing; expected a text")
            return ""
        if not self._typed(key, value, (str,), "a text in quotes"):
            return ""
        if required and not value.strip():
            self.problem(key, "must not be empty")
        return self.nfc_text(key, value)

    def integer_in(self, item: Mapping[str, Any], key: str, *, low: int, high: int) -> int:
        """A required whole number field of a list item."""
        value = item.get(key.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING:
            self.problem(key, "missing; expected a whole number")
            return low
        return self._checked_int(key, value, low, low, high)

    def list_in(self, item: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        """An optional array of tables inside a list item."""
        value = item.get(key.rsplit(".", 1)[-1], _MISSING)
        return [] if value is _MISSING else self._tables(key, value)

    def string_list_in(self, item: Mapping[str, Any], key: str) -> list[str]:
        """A required list of texts inside a list item."""
        value = item.get(key.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING:
            self.problem(key, 'missing; expected a list such as ["A", "B"]')
            return []
        if not self._typed(key, value, (list,), 'a list such as ["A", "B"]'):
            return []
        return [v for v in value if self._typed(key, v, (str,), "texts in the list")]

    def line_code(self, item: Mapping[str, Any], key: str) -> str:
        """A line prefix: one capital letter."""
        code = self.text_in(item, key, required=True)
        if code and not is_valid_prefix(code):
            self.problem(key, f"expected one capital letter A-Z, got {code!r}")
        return code

    def slug(self, item: Mapping[str, Any], key: str) -> str:
        """A code such as ``khai-sinh``: lower-case letters, digits, - and _."""
        code = self.text_in(item, key, required=True)
        if code and not _SLUG.match(code):
            self.problem(key, f"expected lower-case letters, digits, '-' or '_', got {code!r}")
        return code


def parse_hours(
    r: Reader, key: str, default: Mapping[str, list[str]], weekdays: Sequence[str]
) -> dict[str, tuple[tuple[int, int], ...]]:
    """Opening hours per weekday as minute ranges, from ``mon = ["07:00-11:30", ...]``."""
    table = r.table(key) or default
    result: dict[str, tuple[tuple[int, int], ...]] = {}
    for day in weekdays:
        spans: list[tuple[int, int]] = []
        raw = table.get(day, [])
        if not isinstance(raw, list):
            r.problem(f"{key}.{day}", f'expected a list such as ["07:00-11:30"], got {raw!r}')
            raw = []
        for text in raw:
            match = _HOURS.match(text) if isinstance(text, str) else None
            if match is None:
                r.problem(f"{key}.{day}", f'expected "HH:MM-HH:MM", got {text!r}')
                continue
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            start, end = h1 * 60 + m1, h2 * 60 + m2
            if not (0 <= start < end <= 24 * 60 and m1 < 60 and m2 < 60):
                r.problem(f"{key}.{day}", f"{text!r} does not end after it starts")
                continue
            spans.append((start, end))
        result[day] = tuple(sorted(spans))
        _report_overlaps(r, f"{key}.{day}", result[day])
    unknown = set(table) - set(weekdays)
    for day in sorted(unknown):
        r.problem(f"{key}.{day}", f"unknown day; expected one of {', '.join(weekdays)}")
    return result


def _report_overlaps(r: Reader, key: str, spans: Sequence[tuple[int, int]]) -> None:
    """Opening ranges of one day must not overlap: closing time would be ambiguous."""

    def shown(span: tuple[int, int]) -> str:
        return "-".join(f"{minute // 60:02d}:{minute % 60:02d}" for minute in span)

    for earlier, later in itertools.pairwise(spans):
        if later[0] < earlier[1]:
            r.problem(
                key,
                f"{shown(earlier)!r} and {shown(later)!r} overlap; write them as one range or"
                " make the second start when the first ends",
            )


def key_paths(node: Any, prefix: str = "") -> set[str]:
    """Every key of a TOML document as a dotted path; list items collapse to ``[]``."""
    paths: set[str] = set()
    if isinstance(node, Mapping):
        for name, value in node.items():
            path = f"{prefix}.{name}" if prefix else str(name)
            paths.add(path)
            paths |= key_paths(value, path)
    elif isinstance(node, list):
        for item in node:
            paths |= key_paths(item, f"{prefix}[]")
    return paths


def unknown_keys(
    raw: Mapping[str, Any], known: set[str], free: Sequence[str]
) -> list[tuple[str, str]]:
    """Keys not in the documented example (typos), each with a suggestion when one is close."""
    problems = []
    for path in sorted(key_paths(raw)):
        if path in known or any(path.startswith(f"{f}.") for f in free):
            continue
        parent = path.rsplit(".", 1)[0] if "." in path else ""
        if parent and parent not in known:
            continue  # already reported at the parent
        import difflib  # only for a typo: not on every start

        close = difflib.get_close_matches(path, sorted(known), n=1)
        hint = f"; did you mean {close[0].replace('[]', '')!r}?" if close else ""
        problems.append((path.replace("[]", ""), f"unknown key{hint}"))
    return problems
