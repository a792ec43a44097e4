"""What the main window shows about a routine: a looping preview of its
first exercise and one line per exercise. Plain functions, no widgets."""

from __future__ import annotations

from coach.core.catalog.model import Catalog, Exercise, Routine
from coach.core.vocabulary import PosePhase, Sidedness
from coach.ui.wording import count

PREVIEW_START_S = 1.2
PREVIEW_HOLD_S = 4.0


def preview_frame(exercise: Exercise, t: float) -> tuple[PosePhase, float]:
    """(pose phase, seconds into it) at `t` seconds into an endless loop of
    start → move → hold → release."""
    parts = [
        (PosePhase.START, PREVIEW_START_S),
        (PosePhase.MOVE, exercise.move_s),
        (PosePhase.HOLD, PREVIEW_HOLD_S if exercise.hold_s.default else 0.0),
        (PosePhase.RELEASE, exercise.release_s),
    ]
    cycle = sum(length for _, length in parts)
    t %= cycle
    for phase, length in parts:
        if t < length:
            return phase, t
        t -= length
    return PosePhase.START, 0.0


def routine_lines(catalog: Catalog, routine: Routine) -> list[str]:
    """ "1. Seated forward bend — 7 reps, hold 10 s, walk 20 s between"."""
    lines = []
    for number, item in enumerate(routine.items, start=1):
        exercise = catalog.exercise(item.exercise)
        parts = [count(item.reps, "rep")]
        if exercise.sides == Sidedness.EACH:
            parts[0] += " each side"
        elif exercise.sides == Sidedness.ALTERNATE:
            parts[0] += " each side, alternating"
        if item.sets > 1:
            parts.append(count(item.sets, "set"))
        if item.hold_s:
            parts.append(f"hold {item.hold_s} s")
        if exercise.walk_between_reps:
            parts.append(f"walk {exercise.walk_s} s between")
        lines.append(f"{number}. {exercise.name} — {', '.join(parts)}")
    return lines
