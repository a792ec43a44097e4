"""A routine written as TOML, in the schema the loader reads
(`coach.core.catalog.loader.parse_routine`): what the user's routine files
and shared `.stretchroutine` files hold."""

from __future__ import annotations

from coach.core.catalog.model import BOTH_SIDES, Frequency, Routine
from coach.core.errors import CatalogError

# TOML basic strings escape the quote, the backslash and every control
# character but tab (DEL included).
_ESCAPES = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string. A lone surrogate (no character at
    all; it cannot be stored as UTF-8) is a CatalogError."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CatalogError(
            "The routine's text holds a character that cannot be stored; retype it."
        ) from None
    return '"' + text.translate(_ESCAPES) + '"'


def _frequency(frequency: Frequency) -> str:
    parts = [
        f"times_per_day = {frequency.times_per_day}",
        f"days_per_week = {frequency.days_per_week}",
    ]
    if frequency.every_hours is not None:
        parts.append(f"every_hours = {float(frequency.every_hours)!r}")
    return "frequency = { " + ", ".join(parts) + " }"


def routine_toml(routine: Routine, header: tuple[tuple[str, str | int], ...] = ()) -> str:
    """The TOML text of `routine`; `header` puts fields first (a shared
    file's format and version). Every item field is written, so the file
    means the same whatever the exercise's defaults become."""
    lines = []
    for key, value in header:
        lines.append(f"{key} = {toml_string(value) if isinstance(value, str) else value}")
    lines.append(f"id = {toml_string(routine.id)}")
    lines.append(f"name = {toml_string(routine.name)}")
    if routine.description:
        lines.append(f"description = {toml_string(routine.description)}")
    if routine.frequency is not None:
        lines.append(_frequency(routine.frequency))
    for item in routine.items:
        lines += [
            "",
            "[[items]]",
            f"exercise = {toml_string(item.exercise)}",
            f"hold_s = {item.hold_s}",
            f"reps = {item.reps}",
            f"sets = {item.sets}",
            f"rest_s = {item.rest_s}",
        ]
        if item.walk_s is not None:
            lines.append(f"walk_s = {item.walk_s}")
        if item.sides != BOTH_SIDES:
            lines.append(f"sides = {toml_string(item.sides)}")
    return "\n".join(lines) + "\n"
