"""Field-by-field checks for the TOML catalog, each failing with one sentence
that names the file, the field and what was expected."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from coach.core.errors import CatalogError

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

Word = TypeVar("Word", bound=StrEnum)


class Fields:
    """Reads typed fields out of one TOML table, remembering which were read
    so that unknown fields can be reported."""

    def __init__(self, file: str, table: Mapping[str, Any], prefix: str = "") -> None:
        self.file = file
        self.table = table
        self.prefix = prefix
        self.read: set[str] = set()

    def fail(self, field: str, expected: str, got: Any = None) -> CatalogError:
        where = f"{self.prefix}{field}"
        tail = f", got {_show(got)}" if got is not None else ""
        return CatalogError(f"{self.file}: field '{where}': expected {expected}{tail}.")

    def raw(self, field: str, required: bool) -> Any:
        self.read.add(field)
        if field not in self.table:
            if required:
                raise CatalogError(
                    f"{self.file}: field '{self.prefix}{field}' is missing and is required."
                )
            return None
        return self.table[field]

    def text(self, field: str, required: bool = True, default: str = "") -> str:
        value = self.raw(field, required)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "a non-empty string", value)
        return value.strip()

    def choice(self, field: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.raw(field, default is None)
        if value is None:
            return default or ""
        if value not in choices:
            raise self.fail(field, "one of " + ", ".join(choices), value)
        return str(value)

    def word(self, field: str, words: type[Word]) -> Word:
        """A required field holding one word of a vocabulary (`coach.core.vocabulary`)."""
        return words(self.choice(field, tuple(words)))

    def words(self, field: str, words: type[Word], required: bool = True) -> tuple[Word, ...]:
        """A list of words of a vocabulary; at least one when required."""
        return tuple(words(w) for w in self.texts(field, required, choices=tuple(words)))

    def texts(
        self, field: str, required: bool = True, choices: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        value = self.raw(field, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "a list of non-empty strings", value)
        if required and not value:
            raise self.fail(field, "at least one entry", value)
        for item in value:
            if choices and item not in choices:
                raise self.fail(field, "entries from " + ", ".join(choices), item)
        return tuple(v.strip() for v in value)

    def integer(
        self, field: str, low: int, high: int, required: bool = True, default: int = 0
    ) -> int:
        value = self.raw(field, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"a whole number from {low} to {high}", value)
        if not low <= value <= high:
            raise self.fail(field, f"a whole number from {low} to {high}", value)
        return value

    def number(
        self, field: str, low: float, high: float, required: bool = True, default: float = 0.0
    ) -> float:
        value = self.raw(field, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(field, f"a number from {low:g} to {high:g}", value)
        if not low <= value <= high:
            raise self.fail(field, f"a number from {low:g} to {high:g}", value)
        return float(value)

    def flag(self, field: str, default: bool) -> bool:
        value = self.raw(field, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(field, "true or false", value)
        return value

    def table_of(self, field: str, required: bool = True) -> Mapping[str, Any] | None:
        value = self.raw(field, required)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(field, "a table", value)
        return value

    def check_unknown(self, extra_ok: Callable[[str], bool] = lambda _: False) -> None:
        for field in self.table:
            if field not in self.read and not extra_ok(field):
                raise CatalogError(
                    f"{self.file}: field '{self.prefix}{field}' is not a known field."
                )


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
