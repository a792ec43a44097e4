"""Contact sheets for reviewing the figure: one PNG per exercise showing its
key moments on each side it is done on, and an overview of every exercise's
hold. Like every drawing, they pass the exercise's side, or None for a
symmetric exercise, and leave which way that faces to the figure."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from coach.core.catalog.model import Catalog, Exercise
from coach.core.errors import CoachError
from coach.core.figure.poses import Pose, pose_at
from coach.core.vocabulary import PosePhase, Side, Sidedness
from coach.ui.figure.offscreen import (
    default_time,
    ensure_gui_app,
    phase_length,
    save,
    start_ghost,
)
from coach.ui.figure.view import FigureColors, paint_pose

CELL = (300, 300)
LABEL_H = 26
TITLE_H = 40

Moment = tuple[str, PosePhase, float | None]  # label, phase, seconds in (None: telling)


def _moments(exercise: Exercise) -> list[Moment]:
    move = phase_length(exercise, PosePhase.MOVE) or 1.0
    release = phase_length(exercise, PosePhase.RELEASE) or 1.0
    moments: list[Moment] = [
        ("start", PosePhase.START, 0.0),
        ("move ½", PosePhase.MOVE, move / 2),
        ("hold", PosePhase.HOLD, None),
        ("release ½", PosePhase.RELEASE, release / 2),
    ]
    if exercise.walk_between_reps:
        moments.append(("walk", PosePhase.WALK, 0.3))
    return moments


def sides_of(exercise: Exercise) -> tuple[Side | None, ...]:
    """The sides a sheet shows: both for a one-sided exercise, else None (as
    drawn everywhere for a symmetric exercise)."""
    return (None,) if exercise.sides == Sidedness.NONE else (Side.RIGHT, Side.LEFT)


def write_contact_sheets(catalog: Catalog, folder: Path) -> list[Path]:
    """Write `<id>.png` per exercise and `overview.png`; returns the files."""
    ensure_gui_app()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoachError(f"Cannot create the folder {folder} ({exc.strerror}).") from None
    written = []
    for exercise in catalog.exercises.values():
        written.append(_save(sheet(exercise), folder / f"{exercise.id}.png"))
    written.append(_save(overview(list(catalog.exercises.values())), folder / "overview.png"))
    return written


def _save(image: QImage, path: Path) -> Path:
    save(image, path)
    return path


def _grid(rows: int, cols: int) -> QImage:
    w, h = CELL
    image = QImage(cols * w, TITLE_H + rows * (h + LABEL_H), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    return image


def _cell(
    painter: QPainter, col: int, row: int, pose: Pose, label: str, ghost: Pose | None = None
) -> None:
    w, h = CELL
    top = TITLE_H + row * (h + LABEL_H)
    rect = QRectF(col * w + 4, top + 4, w - 8, h - 8)
    painter.setPen(QColor("#dddddd"))
    painter.drawRect(rect)
    colors = FigureColors.from_palette(QGuiApplication.palette())
    paint_pose(painter, rect, pose, colors, ghost)
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(col * w, top + h, w, LABEL_H), Qt.AlignmentFlag.AlignCenter, label)


def _title(painter: QPainter, text: str, width: int) -> None:
    font = QFont(painter.font())
    font.setPointSize(14)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(10, 0, width - 20, TITLE_H), Qt.AlignmentFlag.AlignVCenter, text)
    font.setPointSize(10)
    font.setBold(False)
    painter.setFont(font)


def _pose(exercise: Exercise, phase: PosePhase, t: float | None, side: Side | None) -> Pose:
    when = default_time(exercise, phase) if t is None else t
    return pose_at(exercise, phase, when, side=side, phase_length=phase_length(exercise, phase))


def sheet(exercise: Exercise) -> QImage:
    """One row of key moments per side the exercise is done on."""
    moments = _moments(exercise)
    sides = sides_of(exercise)
    image = _grid(len(sides), len(moments))
    painter = QPainter(image)
    _title(painter, f"{exercise.name}  ({exercise.id}, {exercise.position})", image.width())
    for row, side in enumerate(sides):
        for col, (label, phase, t) in enumerate(moments):
            suffix = "" if side is None else f" · {side}"
            pose = _pose(exercise, phase, t, side)
            ghost = start_ghost(exercise, phase, side)
            _cell(painter, col, row, pose, label + suffix, ghost)
    painter.end()
    return image


def overview(exercises: Sequence[Exercise]) -> QImage:
    """Every exercise at its hold: one-sided ones on their right side."""
    cols = 5
    rows = (len(exercises) + cols - 1) // cols
    image = _grid(rows, cols)
    painter = QPainter(image)
    _title(painter, "Every exercise at its hold (one-sided ones: right side)", image.width())
    for i, exercise in enumerate(exercises):
        side = sides_of(exercise)[0]
        pose = _pose(exercise, PosePhase.HOLD, None, side)
        ghost = start_ghost(exercise, PosePhase.HOLD, side)
        _cell(painter, i % cols, i // cols, pose, exercise.name, ghost)
    painter.end()
    return image
