"""Typed reading of one parsed guide file: every bad value becomes a problem, never an exception."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.content.locate import FieldPath, key_lines, line_of
from kiosk.content.model import GuideProblem
from kiosk.content.text_rules import (
    PRIMARY_KINDS,
    SourceKind,
    hidden_character,
    markup,
    placeholder_source,
)
from kiosk.domain.text import nfc
from kiosk.domain.views import LocalText

Table = Mapping[str, Any]

TOP_LEVEL_KEYS = (
    "id", "line", "order", "title", "summary", "national_code", "who", "papers", "fee",
    "time", "where", "steps", "links", "notes", "tip", "terms",
)  # fmt: skip
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KIND_NAMES: dict[type, str] = {
    str: "text in quotes",
    int: "a whole number",
    float: "a decimal number",
    bool: "true or false",
    dict: "a table",
    list: "a list",
}


def join(prefix: str, key: str | int) -> str:
    """``join("steps", 2)`` -> ``steps[2]``; ``join("steps[2]", "text")`` -> ``steps[2].text``."""
    if isinstance(key, int):
        return f"{prefix}[{key}]"
    return f"{prefix}.{key}" if prefix else key


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, datetime):
        return "a date with a time"
    if isinstance(value, date):
        return "a date"
    return _KIND_NAMES.get(type(value), type(value).__name__)


def strings_not_nfc(value: object, prefix: str = "") -> Iterator[str]:
    """The field names of every string (key or value) in ``value`` that is not in Unicode NFC."""
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            yield prefix
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = join(prefix, key)
            if unicodedata.normalize("NFC", key) != key:
                yield name
            yield from strings_not_nfc(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_not_nfc(item, join(prefix, index))


@dataclass
class Reader:
    """Reads fields of one guide file, recording problems with the file's path and line.

    ``today`` is the date a ``checked`` date may not be after (the loader passes the clock's).
    """

    path: Path
    text: str
    today: date
    problems: list[GuideProblem] = field(default_factory=list)
    _lines: dict[FieldPath, int] | None = None

    def problem(self, name: str, message: str) -> None:
        """Record a problem about field ``name`` (dotted), locating its line in the file."""
        if self._lines is None:
            self._lines = key_lines(self.text)
        line = line_of(self._lines, name) if name else None
        self.problems.append(GuideProblem(self.path, line, name, message))

    def value(self, table: Table, key: str, prefix: str, kind: type, *, required: bool) -> Any:
        """``table[key]`` if it is a ``kind``; None (and a problem if wrong or required) if not."""
        name = join(prefix, key)
        if key not in table:
            if required:
                self.problem(name, "missing required field")
            return None
        value = table[key]
        # bool is an int in Python, and a datetime is a date: neither passes for the other.
        wrong_bool = isinstance(value, bool) and kind is not bool
        if not isinstance(value, kind) or wrong_bool:
            self.problem(name, f"expected {_KIND_NAMES[kind]}, found {_describe(value)}")
            return None
        return value

    def string(
        self, table: Table, key: str, prefix: str, *, required: bool = True, max_chars: int = 0
    ) -> str | None:
        """A non-empty string, NFC, at most ``max_chars`` characters (0: no limit)."""
        value = self.value(table, key, prefix, str, required=required)
        if value is None:
            return None
        text = nfc(value)
        if not text:
            self.problem(join(prefix, key), "is empty")
            return None
        if hidden := hidden_character(text):
            self.problem(join(prefix, key), hidden)
            return None
        if max_chars and len(text) > max_chars:
            self.problem(
                join(prefix, key),
                f"too long: {len(text)} characters, at most {max_chars} fit on the screen in"
                " large type",
            )
            return None
        return text

    def integer(self, table: Table, key: str, prefix: str, *, required: bool = True) -> int | None:
        """A whole number of at least 1."""
        value = self.value(table, key, prefix, int, required=required)
        if value is not None and value < 1:
            self.problem(join(prefix, key), f"must be 1 or more, found {value}")
            return None
        return value  # type: ignore[no-any-return]

    def boolean(self, table: Table, key: str, prefix: str, *, default: bool) -> bool:
        """``true``/``false``; ``default`` when absent (or wrong, with a problem)."""
        value = self.value(table, key, prefix, bool, required=False)
        return default if value is None else bool(value)

    def table(self, table: Table, key: str, prefix: str, *, required: bool = True) -> Table | None:
        """A sub-table (``[key]`` or ``key = { ... }``)."""
        return self.value(table, key, prefix, dict, required=required)  # type: ignore[no-any-return]

    def tables(self, table: Table, key: str, prefix: str, *, required: bool) -> list[Table]:
        """An array of tables (``[[key]]``); entries that are not tables are reported."""
        items = self.value(table, key, prefix, list, required=required) or []
        good: list[Table] = []
        for index, item in enumerate(items):
            if isinstance(item, dict):
                good.append(item)
            else:
                self.problem(join(join(prefix, key), index), f"expected a table, found {item!r}")
        return good

    def choice(self, table: Table, key: str, prefix: str, allowed: Collection[str]) -> str | None:
        """One of ``allowed`` (a required string)."""
        value = self.value(table, key, prefix, str, required=True)
        if value is not None and value not in allowed:
            quoted = ", ".join(f'"{item}"' for item in allowed)
            self.problem(join(prefix, key), f'"{value}" is not one of {quoted}')
            return None
        return value  # type: ignore[no-any-return]

    def local_text(
        self, table: Table, key: str, prefix: str, *, max_chars: int, required: bool = True
    ) -> LocalText | None:
        """A ``{ vi = "...", en = "..." }`` table; both languages are required."""
        sub = self.table(table, key, prefix, required=required)
        if sub is None:
            return None
        name = join(prefix, key)
        self.known_keys(sub, name, ("vi", "en"))
        vi = self.string(sub, "vi", name, max_chars=max_chars)
        en = self.string(sub, "en", name, max_chars=max_chars)
        for language, text in (("vi", vi), ("en", en)):
            if text is not None and (found := markup(text)):
                self.problem(join(name, language), found)
                return None
        return LocalText(vi, en) if vi is not None and en is not None else None

    def source(self, table: Table, prefix: str) -> str | None:
        """The required ``source``: a reference someone can find again, not a placeholder."""
        source = self.string(table, "source", prefix)
        if source is not None and (found := placeholder_source(source)):
            self.problem(join(prefix, "source"), found)
            return None
        return source

    def origin(self, table: Table, name: str) -> tuple[str | None, date | None, bool]:
        """The ``source``, ``kind``, ``checked`` and ``verified`` fields every fact carries.

        A fact counts as verified only against a primary source, so a verified fact must say
        which kind it is (law, decree, circular...); the kind is not shown to visitors. The
        source comes back None when a verified fact lacks a primary kind.
        """
        source = self.source(table, name)
        checked = self.checked(table, name)
        verified = self.boolean(table, "verified", name, default=True)
        kind = self.kind(table, name, verified=verified)
        if verified and (kind is None or kind not in PRIMARY_KINDS):
            return None, checked, verified
        return source, checked, verified

    def kind(self, table: Table, prefix: str, *, verified: bool) -> SourceKind | None:
        """The ``kind`` of source; a verified fact needs a primary one (law, decree...)."""
        allowed = [kind.value for kind in SourceKind]
        if "kind" not in table and not verified:
            return None
        if "kind" not in table:
            primary = ", ".join(f'"{kind}"' for kind in allowed if kind in PRIMARY_KINDS)
            self.problem(
                join(prefix, "kind"),
                f"missing: say what the source is ({primary}), or set verified = false",
            )
            return None
        value = self.choice(table, "kind", prefix, allowed)
        if value is None:
            return None
        kind = SourceKind(value)
        if verified and kind not in PRIMARY_KINDS:
            self.problem(
                join(prefix, "kind"),
                f'"{kind}" is not a primary source: check the fact against the law, decree,'
                " circular or official record, or set verified = false",
            )
        return kind

    def checked(self, table: Table, prefix: str) -> date | None:
        """The required ``checked`` date: a TOML date or an ISO ``"YYYY-MM-DD"`` string."""
        name = join(prefix, "checked")
        if "checked" not in table:
            self.problem(name, "missing required field (the date the fact was last checked)")
            return None
        value = table["checked"]
        if isinstance(value, str) and _ISO_DATE.match(value):
            with contextlib.suppress(ValueError):  # 2025-13-40: reported below as not a date
                value = date.fromisoformat(value)
        if isinstance(value, date) and not isinstance(value, datetime):
            if value > self.today:
                self.problem(
                    name, f"{value} is in the future: write the day the fact was really checked"
                )
                return None
            return value
        found = repr(value) if isinstance(value, str) else f"{_describe(value)} ({value})"
        self.problem(name, f"must be an ISO date such as 2025-11-28, found {found}")
        return None

    def known_keys(self, table: Table, prefix: str, allowed: Collection[str]) -> None:
        """Report keys that are not in ``allowed`` (a typo such as ``verifed`` would be lost)."""
        for key in table:
            if key not in allowed:
                message = f"unknown field (expected one of: {', '.join(sorted(allowed))})"
                if prefix and key in TOP_LEVEL_KEYS:
                    # The classic TOML slip: a top-level key written below a [table] joins it.
                    message += f"; to set the guide's {key}, move it above the first [table]"
                self.problem(join(prefix, key), message)
