"""Figures painted to images without a window, for `coach render` and the
contact sheets: a GUI application to paint with, the telling moment of each
phase, and saving a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter

from coach.core.catalog.model import Exercise
from coach.core.errors import CoachError
from coach.core.figure.poses import Pose, pose_at
from coach.core.vocabulary import PosePhase, Side
from coach.ui.figure.view import FigureColors, paint_pose


def ensure_gui_app() -> QCoreApplication:
    """A QGuiApplication for painting; offscreen unless one already runs."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["coach"])
    return app


def phase_length(exercise: Exercise, phase: PosePhase) -> float | None:
    """How long the session engine gives this phase by default."""
    if phase is PosePhase.MOVE:
        return exercise.move_s
    if phase is PosePhase.RELEASE:
        return exercise.release_s
    if phase is PosePhase.HOLD:
        return float(exercise.hold_s.default) or None
    return None


def default_time(exercise: Exercise, phase: PosePhase) -> float:
    """A telling moment of the phase: part-way through a movement, a second into a hold."""
    length = phase_length(exercise, phase) or 0.0
    return {
        PosePhase.MOVE: 0.6 * length,
        PosePhase.RELEASE: 0.4 * length,
        PosePhase.HOLD: min(1.0, length),
        PosePhase.WALK: 0.25,
    }.get(phase, 0.0)


# Phases drawn over a faint ghost of the start pose, with motion arrows.
GHOSTED = (PosePhase.MOVE, PosePhase.HOLD, PosePhase.RELEASE)


def start_ghost(
    exercise: Exercise, phase: PosePhase, side: Side | None, depth: float = 1.0
) -> Pose | None:
    """The start pose to draw faintly behind a move, hold or release frame
    (same side and depth); None for the start itself and the walk."""
    if phase not in GHOSTED:
        return None
    return pose_at(exercise, PosePhase.START, 0.0, side=side, depth=depth)


def render_image(
    exercise: Exercise,
    phase: PosePhase,
    side: Side | None,
    size: tuple[int, int],
    t: float | None = None,
    *,
    ghost: bool = True,
) -> QImage:
    """The figure at `t` seconds into `phase` (default: its telling moment),
    in the application's colours, on an image of `size` pixels; with
    `ghost`, a move, hold or release frame shows the start pose faintly
    behind it and arrows for the movement."""
    ensure_gui_app()
    when = default_time(exercise, phase) if t is None else t
    pose = pose_at(exercise, phase, when, side=side, phase_length=phase_length(exercise, phase))
    behind = start_ghost(exercise, phase, side) if ghost else None
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    palette = QGuiApplication.palette()
    colors = FigureColors.from_palette(palette)
    image.fill(palette.color(palette.ColorRole.Window))
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, size[0], size[1]), pose, colors, behind)
    painter.end()
    return image


def save(image: QImage, path: Path) -> None:
    """Write `image` as a PNG, whole or not at all (coach.core.files): a
    missing folder, a special file such as /dev/full or a failed write is one
    sentence (CoachError), and an old file at `path` stays as it was."""
    from PySide6.QtCore import QBuffer, QIODevice

    from coach.core.files import check_target, write_bytes

    check_target(path)  # a folder or a device is refused before encoding
    # QImageWriter, not QImage.save: PySide6's stubs and its runtime disagree
    # on the type of save's format argument. The PNG is encoded in memory and
    # then written by the helper, so a short write cannot go unnoticed.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"PNG")).write(image):
        raise CoachError(f"Cannot write the picture to {path}: it could not be encoded.")
    buffer.close()
    write_bytes(path, bytes(buffer.data().data()))
