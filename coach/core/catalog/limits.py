"""What a routine may set for one exercise, and why: the ranges an editor
offers and the loader enforces for a routine item's hold, reps, sets, rest
and walk (`item_limits`), and every problem with one item (`check_item`)."""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.catalog.model import BOTH_SIDES, ITEM_SIDES, Exercise, RoutineItem
from coach.core.vocabulary import Sidedness

MAX_SETS = 10
MAX_REST_S = 600
MAX_WALK_S = 300


@dataclass(frozen=True)
class Limit:
    """An allowed range of whole numbers and why it is what it is (one short
    sentence in our words)."""

    minimum: int
    maximum: int
    why: str

    def allows(self, value: int) -> bool:
        return self.minimum <= value <= self.maximum


def item_limits(exercise: Exercise) -> dict[str, Limit]:
    """The ranges for a routine item of `exercise`, keyed by field:
    hold_s, reps, sets, rest_s, walk_s."""
    hold, reps = exercise.hold_s, exercise.reps
    if hold.max == 0:
        hold_why = "This exercise is done as moving reps, without a hold."
    elif hold.min == hold.max:
        hold_why = f"The source advises holding for {hold.max} seconds."
    else:
        hold_why = f"The source advises holding {hold.min} to {hold.max} seconds."
    per_side = " on each side" if exercise.sides != Sidedness.NONE else ""
    if reps.min == reps.max:
        reps_why = f"The source advises {_reps(reps.max)}{per_side}."
    else:
        reps_why = f"The source advises {reps.min} to {_reps(reps.max)}{per_side}."
    if exercise.walk_between_reps:
        walk = Limit(
            0,
            MAX_WALK_S,
            "The source advises a few steps of walking between reps; 0 leaves the walk out.",
        )
    else:
        walk = Limit(0, 0, "This exercise is done without walking between reps.")
    return {
        "hold_s": Limit(hold.min, hold.max, hold_why),
        "reps": Limit(reps.min, reps.max, reps_why),
        "sets": Limit(1, MAX_SETS, f"From 1 to {MAX_SETS} sets; more adds time, not more stretch."),
        "rest_s": Limit(
            0, MAX_REST_S, f"Rest between sets may be up to {MAX_REST_S // 60} minutes."
        ),
        "walk_s": walk,
    }


def _reps(n: int) -> str:
    return "1 repetition" if n == 1 else f"{n} repetitions"


# How each field is named in a sentence.
_WORDS = {
    "hold_s": ("the hold", " seconds"),
    "reps": ("the reps", ""),
    "sets": ("the sets", ""),
    "rest_s": ("the rest between sets", " seconds"),
    "walk_s": ("the walk between reps", " seconds"),
}


def check_item(exercise: Exercise, item: RoutineItem) -> list[str]:
    """One sentence per problem with `item` as a routine item of `exercise`;
    [] when it is fine."""
    problems: list[str] = []
    if item.exercise != exercise.id:
        problems.append(f"The item is for '{item.exercise}', not for {exercise.name}.")
    for field, limit in item_limits(exercise).items():
        value = getattr(item, field)
        if value is None and field == "walk_s":
            continue
        what, unit = _WORDS[field]
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{exercise.name}: {what} must be a whole number, not {value!r}.")
        elif not limit.allows(value):
            allowed = (
                f"{limit.minimum}{unit}"
                if limit.minimum == limit.maximum
                else f"from {limit.minimum} to {limit.maximum}{unit}"
            )
            why = limit.why[:1].lower() + limit.why[1:]
            problems.append(f"{exercise.name}: {what} must be {allowed}, not {value}; {why}")
    if item.sides not in ITEM_SIDES:
        problems.append(
            f"{exercise.name}: sides must be one of {', '.join(ITEM_SIDES)}, not {item.sides!r}."
        )
    elif item.sides != BOTH_SIDES and exercise.sides == Sidedness.NONE:
        problems.append(
            f"{exercise.name} works both sides at once, so it cannot be done on the "
            f"{item.sides} side only."
        )
    return problems
