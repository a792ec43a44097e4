"""`coach render`: draw a frame of an exercise to PNG without a window, or a
contact sheet per exercise with `--all`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from coach.core.errors import CoachError

PHASE_CHOICES = ("start", "move", "hold", "release", "walk")


def ensure_gui_app():
    """A QGuiApplication for painting; offscreen unless one already runs."""
    from PySide6.QtGui import QGuiApplication

    from coach.ui.none_guard import protect_none

    protect_none()
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["coach"])
    return app


def phase_length(exercise, phase: str) -> float | None:
    """How long the session engine gives this phase by default."""
    return {
        "move": exercise.move_s,
        "release": exercise.release_s,
        "hold": float(exercise.hold_s.default) or None,
    }.get(phase)


def default_time(exercise, phase: str) -> float:
    """A telling moment of the phase: part-way through a movement, a second into a hold."""
    length = phase_length(exercise, phase) or 0.0
    return {
        "move": 0.6 * length,
        "release": 0.4 * length,
        "hold": min(1.0, length),
        "walk": 0.25,
    }.get(phase, 0.0)


def render_image(exercise, phase: str, side: str, size: tuple[int, int], t: float | None = None):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from coach.core.figure.poses import pose_at
    from coach.ui.figure.view import FigureColors, paint_pose

    ensure_gui_app()
    when = default_time(exercise, phase) if t is None else t
    pose = pose_at(exercise, phase, when, side=side, phase_length=phase_length(exercise, phase))
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    palette = QGuiApplication.palette()
    colors = FigureColors.from_palette(palette)
    image.fill(palette.color(palette.ColorRole.Window))
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, size[0], size[1]), pose, colors)
    painter.end()
    return image


def render_command(args: argparse.Namespace) -> int:
    from coach.core.catalog.loader import load_shipped

    catalog = load_shipped()
    if args.all:
        from coach.ui.figure.contact_sheet import write_contact_sheets

        written = write_contact_sheets(catalog, Path(args.output))
        print(f"Wrote {len(written)} contact sheets to {args.output}.")
        return 0
    if not args.exercise:
        raise CoachError("Name the exercise to draw, or use --all for every exercise.")
    exercise = catalog.exercise(args.exercise)
    if args.phase not in PHASE_CHOICES:
        raise CoachError(
            f"There is no phase called '{args.phase}'; use start, move, hold, release or walk."
        )
    if args.time is not None and args.time < 0:
        raise CoachError("The time into the phase cannot be negative.")
    image = render_image(exercise, args.phase, args.side, tuple(args.size), args.time)
    save(image, Path(args.output))
    return 0


def save(image, path: Path) -> None:
    if path.parent and not path.parent.is_dir():
        raise CoachError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    if not image.save(str(path), "PNG"):
        raise CoachError(f"Cannot write the picture to {path}.")
