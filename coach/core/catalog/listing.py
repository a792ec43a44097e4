"""The catalog as the `coach list` output: JSON-ready dicts or plain text."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from coach.core.catalog.model import Catalog, Exercise, Routine


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
        "items": [asdict(item) for item in routine.items],
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
            f"about {minutes:.0f} min)"
        )
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
