"""`coach render`: draw a frame of an exercise to PNG without a window, or a
contact sheet per exercise with `--all`."""

from __future__ import annotations

from pathlib import Path

from coach.core.catalog.loader import load_shipped
from coach.core.errors import CoachError
from coach.core.vocabulary import PosePhase, Side
from coach.ui.figure.contact_sheet import write_contact_sheets
from coach.ui.figure.offscreen import ensure_gui_app, render_image, save

__all__ = [
    "PHASE_CHOICES",
    "contact_sheets_to",
    "ensure_gui_app",
    "render_to_png",
]

PHASE_CHOICES = tuple(PosePhase)


def render_to_png(
    exercise_id: str,
    output: Path,
    *,
    phase: str = "hold",
    side: str = "left",
    size: tuple[int, int] = (800, 800),
    time: float | None = None,
    ghost: bool = True,
) -> str:
    """Draw `exercise_id` at `time` seconds into `phase` (default: a telling
    moment) to the PNG file `output`; returns a line saying what was written.
    A move, hold or release frame shows the start pose faintly behind it with
    motion arrows unless `ghost` is False. Unknown words and unwritable files
    raise CoachError in one sentence."""
    exercise = load_shipped().exercise(exercise_id)
    if phase not in PHASE_CHOICES:
        raise CoachError(
            f"There is no phase called '{phase}'; use start, move, hold, release or walk."
        )
    if time is not None and time < 0:
        raise CoachError("The time into the phase cannot be negative.")
    if side not in tuple(Side):
        raise CoachError(f"There is no side called '{side}'; use left or right.")
    pose_phase, pose_side = PosePhase(phase), Side(side)
    save(render_image(exercise, pose_phase, pose_side, size, time, ghost=ghost), output)
    return f"Wrote {exercise.name} ({pose_phase}, {pose_side} side) to {output}."


def contact_sheets_to(folder: Path) -> str:
    """Write a contact sheet per shipped exercise and an overview into
    `folder`; returns a line saying how many were written."""
    written = write_contact_sheets(load_shipped(), folder)
    return f"Wrote {len(written)} contact sheets to {folder}."
