"""Find the line of a guide file a problem is about (tomllib reports no positions for values)."""

from __future__ import annotations

import re

# A TOML key: bare, "quoted" or 'literal', possibly dotted (text.vi = ...).
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?")
_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_DECODE_POSITION = re.compile(r"at line (\d+), column (\d+)")

FieldPath = tuple[str | int, ...]


def field_path(field: str) -> FieldPath:
    """``steps[2].text.vi`` -> ``("steps", 2, "text", "vi")``."""
    return tuple(
        int(index) if index else name for name, index in _FIELD_PART.findall(field) if name or index
    )


def _split_key(key: str) -> list[str]:
    parts = re.findall(_KEY_PART, key)
    return [part[1:-1] if part[:1] in "\"'" else part for part in parts]


def _multiline_opened(value: str) -> str | None:
    """The delimiter of a multi-line string that starts but does not end on this line."""
    for quote in ('"""', "'''"):
        if value.startswith(quote) and value.count(quote) == 1:
            return quote
    return None


def key_lines(text: str) -> dict[FieldPath, int]:
    """Map each table header and key of a TOML text to its 1-based line number.

    Array-of-tables entries get their index (``[[steps]]`` twice -> ``("steps", 1)``), so a
    field path from the loader can be looked up directly.

    Args:
        text: The whole file, already decoded.

    Returns:
        The first line of every header and key found.
    """
    lines: dict[FieldPath, int] = {}
    counts: dict[FieldPath, int] = {}
    table: FieldPath = ()
    closing: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if closing in line:
                closing = None
            continue
        if header := _HEADER.match(line):
            table = _header_path(header, counts, lines, number)
            lines.setdefault(table, number)
        elif key := _KEY.match(line):
            keys = _split_key(key.group(1))
            for end in range(1, len(keys) + 1):  # text.vi = ... also locates "text"
                lines.setdefault((*table, *keys[:end]), number)
            closing = _multiline_opened(line[key.end() :].strip())
    return lines


def _header_path(
    header: re.Match[str], counts: dict[FieldPath, int], lines: dict[FieldPath, int], number: int
) -> FieldPath:
    """The path a ``[table]`` or ``[[array]]`` header opens; counts array entries."""
    parts = tuple(_split_key(header.group(2)))
    if header.group(1) != "[[":
        return _with_indices(parts, counts)
    array = (*_with_indices(parts[:-1], counts), parts[-1])
    lines.setdefault(array, number)  # "steps" itself: the line of its first entry
    counts[array] = counts.get(array, -1) + 1
    return (*array, counts[array])


def _with_indices(parts: FieldPath, counts: dict[FieldPath, int]) -> FieldPath:
    """Insert the current index after each array-of-tables prefix (``[steps.text]``)."""
    result: FieldPath = ()
    for part in parts:
        result = (*result, part)
        if result in counts:
            result = (*result, counts[result])
    return result


def field_line(text: str, field: str) -> int | None:
    """The line of ``field``, else of its nearest enclosing table or key that is in the file.

    Args:
        text: The whole file, already decoded.
        field: A dotted field name such as ``steps[2].text.vi``.

    Returns:
        A 1-based line number, or None when nothing of the path is in the file.
    """
    return line_of(key_lines(text), field)


def line_of(lines: dict[FieldPath, int], field: str) -> int | None:
    """``field_line`` on the result of ``key_lines`` (to scan a file once for many fields)."""
    path = field_path(field)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def decode_error_line(message: str, text: str) -> int | None:
    """The line a ``tomllib.TOMLDecodeError`` message points at (3.11 has no ``lineno``)."""
    if found := _DECODE_POSITION.search(message):
        return int(found.group(1))
    if "end of document" in message:
        return max(1, len(text.splitlines()))
    return None
