"""Plain helpers for the editor: a new item's figures, the one line that
describes an item, and which exercises a search and filters let through.
No widgets here, so the tests can check the wording directly."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from coach.core.catalog.limits import check_item, item_limits
from coach.core.catalog.model import Exercise, RoutineItem
from coach.core.vocabulary import Sidedness
from coach.ui.wording import count

# Target areas for the filter: the exercise files name targets in plain words
# ("piriformis (deep in the buttock)"), so an area is a handful of keywords.
AREAS: dict[str, tuple[str, ...]] = {
    "Lower back": ("lower back", "spine", "back muscles"),
    "Sides of the back": ("sides of",),
    "Buttocks and hips": ("buttock", "glute", "piriformis", "hip"),
    "Thighs": ("thigh", "hamstring"),
    "Upper back and shoulders": ("upper back", "shoulder", "thoracic", "mid back"),
    "Abdominals": ("abdominal", "core", "belly"),
}

SIDE_CHOICES = (("both", "Both sides"), ("left", "Left side only"), ("right", "Right side only"))


def areas_of(exercise: Exercise) -> set[str]:
    """The target areas an exercise works, from its targets' words."""
    words = " ".join(exercise.targets).lower()
    return {area for area, keys in AREAS.items() if any(key in words for key in keys)}


def one_sided(exercise: Exercise) -> bool:
    return exercise.sides != Sidedness.NONE


def default_item(exercise: Exercise) -> RoutineItem:
    """An item with the exercise's own default dose."""
    return RoutineItem(
        exercise=exercise.id,
        hold_s=exercise.hold_s.default,
        reps=exercise.reps.default,
        sets=exercise.sets,
        rest_s=exercise.rest_s,
    )


def clamped(exercise: Exercise, item: RoutineItem) -> tuple[RoutineItem, list[str]]:
    """`item` with every figure brought into the exercise's allowed range,
    and the problems it had (one sentence each, from `check_item`)."""
    problems = check_item(exercise, item)
    for field, limit in item_limits(exercise).items():
        value = getattr(item, field)
        if isinstance(value, int) and not limit.allows(value):
            item = with_value(item, field, min(max(value, limit.minimum), limit.maximum))
    if item.sides != "both" and not one_sided(exercise):
        item = with_value(item, "sides", "both")
    return item, problems


def with_value(item: RoutineItem, field: str, value: int | str | None) -> RoutineItem:
    changes: dict[str, Any] = {field: value}
    return replace(item, **changes)


def item_line(number: int, exercise: Exercise, item: RoutineItem) -> str:
    """ "2. Piriformis stretch — 1 rep, left side only, hold 30 s"."""
    parts = [count(item.reps, "rep")]
    sides = item.sides
    if one_sided(exercise):
        parts[0] += " each side" if sides == "both" else f", {sides} side only"
    if item.sets > 1:
        parts.append(count(item.sets, "set"))
    if item.hold_s:
        parts.append(f"hold {item.hold_s} s")
    if exercise.walk_between_reps:
        walk = exercise.walk_s if item.walk_s is None else item.walk_s
        parts.append(f"walk {walk} s between" if walk else "no walk")
    return f"{number}. {exercise.name} — {', '.join(parts)}"


@dataclass(frozen=True)
class Filters:
    """What the picker lets through: text, and one value per filter (None: any)."""

    text: str = ""
    position: str | None = None
    prop: str | None = None
    motion: str | None = None
    area: str | None = None

    def in_name(self, exercise: Exercise) -> bool:
        """Whether every searched word is in the exercise's name (listed first)."""
        name = exercise.name.lower()
        return all(word in name for word in self.text.lower().split())

    def accepts(self, exercise: Exercise) -> bool:
        words = self.text.strip().lower().split()
        haystack = " ".join(
            (exercise.name, exercise.summary, exercise.position, *exercise.targets)
        ).lower()
        return (
            all(word in haystack for word in words)
            and (self.position is None or exercise.position == self.position)
            and (self.prop is None or self.prop in exercise.props)
            and (self.motion is None or self.motion in exercise.motions)
            and (self.area is None or self.area in areas_of(exercise))
        )
