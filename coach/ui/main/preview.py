"""What the main window shows about a routine: a looping preview of its
first exercise and one line per exercise. Plain functions, no widgets."""

from __future__ import annotations

from coach.core.catalog.loader import Catalog, Exercise, Routine
from coach.ui.wording import count

PREVIEW_START_S = 1.2
PREVIEW_HOLD_S = 4.0


def preview_frame(exercise: Exercise, t: float) -> tuple[str, float]:
    """(pose phase, seconds into it) at `t` seconds into an endless loop of
    start → move → hold → release."""
    parts = [
        ("start", PREVIEW_START_S),
        ("move", exercise.move_s),
        ("hold", PREVIEW_HOLD_S if exercise.hold_s.default else 0.0),
        ("release", exercise.release_s),
    ]
    cycle = sum(length for _, length in parts)
    t %= cycle
    for phase, length in parts:
        if t < length:
            return phase, t
        t -= length
    return "start", 0.0


def routine_lines(catalog: Catalog, routine: Routine) -> list[str]:
    """ "1. Seated forward bend — 7 reps, hold 10 s, walk 20 s between"."""
    lines = []
    for number, item in enumerate(routine.items, start=1):
        exercise = catalog.exercise(item.exercise)
        parts = [count(item.reps, "rep")]
        if exercise.sides == "each":
            parts[0] += " each side"
        elif exercise.sides == "alternate":
            parts[0] += " each side, alternating"
        if item.sets > 1:
            parts.append(count(item.sets, "set"))
        if item.hold_s:
            parts.append(f"hold {item.hold_s} s")
        if exercise.walk_between_reps:
            parts.append(f"walk {exercise.walk_s} s between")
        lines.append(f"{number}. {exercise.name} — {', '.join(parts)}")
    return lines
