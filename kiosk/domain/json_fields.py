"""Typed reads of a JSON object from a file, with errors that name the object and the field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from kiosk.domain.errors import ErrorCode, KioskError

UUID_LENGTH = 36


class JsonFieldError(KioskError):
    """A field of a JSON file is missing or has the wrong type."""

    default_code = ErrorCode.VILLAGE_FIELD


class JsonFields:
    """Reads fields of one JSON object; ``where`` names it in messages ("record 3 (uid)")."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise JsonFieldError("{where}: expected an object.", where=where)
        self.data: Mapping[str, Any] = value
        uid = value.get("uid")
        self.where = f"{where} ({uid})" if isinstance(uid, str) else where

    def error(self, name: str, problem: str) -> JsonFieldError:
        """An error naming this object, the field and the problem."""
        return JsonFieldError(
            "{where}: {field}: {problem}.", where=self.where, field=name, problem=problem
        )

    def _get(self, name: str, kind: type, expected: str, optional: bool) -> Any:
        value = self.data.get(name)
        if value is None and optional:
            return None
        # bool is an int in Python, never in the files.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.error(name, f"expected {expected}")
        return value

    def text(self, name: str, *, required: bool = False, optional: bool = False) -> str:
        """A text; ``optional`` allows null or absent (read as "")."""
        value = self._get(name, str, "a text", optional) or ""
        if required and not value.strip():
            raise self.error(name, "must not be empty")
        return str(value)

    def integer(self, name: str) -> int:
        """A whole number."""
        return int(self._get(name, int, "a whole number", False))

    def flag(self, name: str) -> bool:
        """A boolean (true or false)."""
        return bool(self._get(name, bool, "true or false", False))

    def uid(self, name: str, *, optional: bool = False) -> str:
        """A UUID in its 36-character form ("" when optional and absent)."""
        value = self.text(name, optional=optional)
        if value and len(value) != UUID_LENGTH:
            raise self.error(name, "expected a UUID")
        return value

    def day(self, name: str) -> date:
        """A date ``YYYY-MM-DD``."""
        try:
            return date.fromisoformat(self.text(name, required=True))
        except ValueError:
            raise self.error(name, "expected a date YYYY-MM-DD") from None

    def moment(self, name: str) -> datetime:
        """A date and time with its zone (ISO 8601)."""
        found = self.optional_moment(name)
        if found is None:
            raise self.error(name, "expected a date and time")
        return found

    def optional_moment(self, name: str) -> datetime | None:
        """Like ``moment``; null or absent gives None."""
        text = self.text(name, optional=True)
        if not text:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise self.error(name, "expected a date and time") from None
        if moment.tzinfo is None:
            raise self.error(name, "expected a time with its time zone")
        return moment

    def items(self, name: str) -> list[Any]:
        """A list."""
        return list(self._get(name, list, "a list", False))

    def text_list(self, name: str) -> list[str]:
        """A list of non-empty texts."""
        values = self.items(name)
        if not all(isinstance(v, str) and v for v in values):
            raise self.error(name, "expected a list of texts")
        return values

    def integer_list(self, name: str) -> list[int]:
        """A list of whole numbers."""
        values = self.items(name)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise self.error(name, "expected a list of whole numbers")
        return values

    def choice(self, name: str, options: Sequence[str]) -> str | None:
        """One of ``options``, or None when null or absent."""
        value = self.text(name, optional=True)
        if value and value not in options:
            raise self.error(name, f"expected one of {', '.join(options)}")
        return value or None
