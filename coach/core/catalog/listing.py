"""The catalog as the `coach list` output: JSON-ready dicts or plain text."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from coach.core.catalog.model import Catalog, Exercise, Frequency, Routine
from coach.core.catalog.plan import walk_seconds


def exercise_as_dict(ex: Exercise) -> dict[str, Any]:
    return {
        "id": ex.id,
        "name": ex.name,
        "kind": ex.kind,
        "position": ex.position,
        "props": list(ex.props),
        "targets": list(ex.targets),
        "motions": list(ex.motions),
        "sides": ex.sides,
        "hold_s": asdict(ex.hold_s),
        "reps": asdict(ex.reps),
        "sets": ex.sets,
        "rest_s": ex.rest_s,
        "walk_between_reps": ex.walk_between_reps,
        "walk_s": ex.walk_s,
        "source": list(ex.source),
    }


def routine_as_dict(routine: Routine, catalog: Catalog) -> dict[str, Any]:
    return {
        "id": routine.id,
        "name": routine.name,
        "description": routine.description,
        "estimated_minutes": round(catalog.estimated_seconds(routine) / 60, 1),
        "frequency": frequency_as_dict(routine.frequency),
        "user": routine.user,
        "items": [asdict(item) for item in routine.items],
    }


def frequency_as_dict(frequency: Frequency | None) -> dict[str, Any] | None:
    if frequency is None:
        return None
    return {
        **asdict(frequency),
        "sessions_per_week": frequency.sessions_per_week(),
        "description": frequency.describe(),
    }


def catalog_as_dict(catalog: Catalog) -> dict[str, Any]:
    return {
        "exercises": [exercise_as_dict(ex) for ex in catalog.exercises.values()],
        "routines": [routine_as_dict(r, catalog) for r in catalog.routines.values()],
    }


def catalog_as_text(catalog: Catalog) -> str:
    lines = ["Exercises:"]
    for ex in catalog.exercises.values():
        hold = f"hold {ex.hold_s.default} s" if ex.hold_s.default else "moving reps"
        reps = _count(ex.reps.default, "rep")
        sets = f" x {_count(ex.sets, 'set')}" if ex.sets > 1 else ""
        sides = {"none": "", "each": ", each side", "alternate": ", alternating sides"}[ex.sides]
        lines.append(f"  {ex.id:<32} {ex.name} ({hold}, {reps}{sets}{sides})")
    lines.append("")
    lines.append("Routines:")
    for routine in catalog.routines.values():
        minutes = catalog.estimated_seconds(routine) / 60
        lines.append(
            f"  {routine.id:<32} {routine.name} ({_count(len(routine.items), 'exercise')}, "
            f"about {minutes:.0f} min{', yours' if routine.user else ''})"
        )
    return "\n".join(lines)


def routines_as_text(catalog: Catalog) -> str:
    """`coach routine list`: every routine, whose it is and how often."""
    lines = []
    for routine in catalog.routines.values():
        minutes = catalog.estimated_seconds(routine) / 60
        how_often = routine.frequency.describe() if routine.frequency else "no schedule"
        whose = "yours" if routine.user else "shipped"
        lines.append(
            f"{routine.id:<32} {routine.name} ({whose}; about {minutes:.0f} min; {how_often})"
        )
    return "\n".join(lines) if lines else "There are no routines."


def routine_as_text(routine: Routine, catalog: Catalog) -> str:
    """`coach routine show ID`: the routine, item by item."""
    minutes = catalog.estimated_seconds(routine) / 60
    lines = [
        f"{routine.name} ({routine.id}, {'yours' if routine.user else 'shipped, read-only'})",
    ]
    if routine.description:
        lines.append(routine.description)
    if routine.frequency is not None:
        lines.append(f"How often: {routine.frequency.describe()}")
    lines.append(f"About {minutes:.0f} min ({catalog.estimated_seconds(routine):.0f} s)")
    for number, item in enumerate(routine.items, start=1):
        ex = catalog.exercise(item.exercise)
        parts = [f"hold {item.hold_s} s" if item.hold_s else "moving reps"]
        parts.append(_count(item.reps, "rep") + (" a side" if ex.side_count == 2 else ""))
        if item.sets > 1:
            parts.append(_count(item.sets, "set") + f", rest {item.rest_s} s")
        if item.sides != "both":
            parts.append(f"{item.sides} side only")
        walk = walk_seconds(ex, item)
        if walk:
            parts.append(f"walk {walk} s between reps")
        elif ex.walk_between_reps:
            parts.append("no walk")
        lines.append(f"  {number}. {ex.name} ({item.exercise}): {', '.join(parts)}")
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
