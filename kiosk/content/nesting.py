"""Find a TOML value or header nested deeper than a guide ever needs, before parsing it.

``tomllib`` recurses once per level of ``[[[...]]]`` or ``{ a = { ... } }``, and the checks that
walk the parsed file do the same: a file nested thousands of levels deep would stop them with
"maximum recursion depth exceeded" and no line. A guide needs four levels
(``steps[0].text.vi``), so this scan stops far below Python's limit and names the line.
"""

from __future__ import annotations

MAX_NESTING = 16


def too_deep_line(text: str, limit: int = MAX_NESTING) -> int | None:
    """The first line where headers, dotted keys and brackets nest more than ``limit`` levels.

    Strings and comments are skipped, so brackets and dots inside them do not count.

    Args:
        text: The whole file, already decoded.
        limit: The deepest nesting allowed.

    Returns:
        A 1-based line number, or None when the file stays within ``limit``.
    """
    scanner = _Scanner(text, limit)
    return scanner.run()


class _Scanner:
    """One pass over the text: table depth from headers, key depth, bracket depth."""

    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.index = 0
        self.line = 1
        self.table = 0  # parts of the last [header]
        self.base = 0  # table + parts of the key whose value is being read
        self.depth = 0  # open [ and { in that value
        self.fresh = True  # at the start of a line, outside any value

    def run(self) -> int | None:
        text = self.text
        while self.index < len(text):
            if self.fresh:
                if self._statement():
                    return self.line
                continue
            char = text[self.index]
            self.index += 1
            if char in "\"'":
                self.index -= 1
                self._skip_string()
            elif char == "#":
                self._skip_to_line_end()
            elif char in "[{":
                self.depth += 1
                if self.base + self.depth > self.limit:
                    return self.line
            elif char in "]}":
                self.depth = max(0, self.depth - 1)
            elif char == "\n":
                self.line += 1
                self.fresh = self.depth == 0
        return None

    def _statement(self) -> bool:
        """Read a header or a key at the start of a line; True if it is too deep."""
        text = self.text
        while self.index < len(text) and text[self.index] in " \t\r":
            self.index += 1
        if self.index >= len(text):
            return False
        char = text[self.index]
        if char == "\n":
            self.line += 1
            self.index += 1
            return False
        self.fresh = False
        if char == "#":
            self._skip_to_line_end()
            return False
        if char == "[":
            self.table = self._dotted_parts(end="]")
            self.base = self.table
            self._skip_to_line_end()
            return self.table > self.limit
        self.base = self.table + self._dotted_parts(end="=")
        if self.index < len(text):
            self.index += 1  # past "="
        return self.base > self.limit

    def _dotted_parts(self, *, end: str) -> int:
        """Count the dotted parts of a key up to ``end`` (outside quotes); stop at the end."""
        text = self.text
        parts = 1
        while self.index < len(text) and text[self.index] not in (end, "\n"):
            char = text[self.index]
            if char in "\"'":
                self._skip_string()
                continue
            parts += char == "."
            self.index += 1
        return parts

    def _skip_string(self) -> None:
        text = self.text
        quote = text[self.index]
        delimiter = quote * 3 if text.startswith(quote * 3, self.index) else quote
        self.index += len(delimiter)
        while self.index < len(text):
            if quote == '"' and text[self.index] == "\\":
                self.line += text[self.index + 1 : self.index + 2] == "\n"
                self.index += 2
                continue
            if text.startswith(delimiter, self.index):
                self.index += len(delimiter)
                return
            if text[self.index] == "\n":
                self.line += 1
                if len(delimiter) == 1:  # an unclosed one-line string: tomllib reports it
                    self.index += 1
                    return
            self.index += 1

    def _skip_to_line_end(self) -> None:
        end = self.text.find("\n", self.index)
        self.index = len(self.text) if end == -1 else end
