"""Contact sheets for reviewing the figure: one PNG per exercise showing its
key moments on both sides, and an overview of every exercise's hold."""

from __future__ import annotations

from pathlib import Path

from coach.core.errors import CoachError

CELL = (300, 300)
LABEL_H = 26
TITLE_H = 40


def _moments(exercise) -> list[tuple[str, str, float | None]]:
    from coach.ui.figure.render import phase_length

    move = phase_length(exercise, "move") or 1.0
    release = phase_length(exercise, "release") or 1.0
    moments = [
        ("start", "start", 0.0),
        ("move ½", "move", move / 2),
        ("hold", "hold", None),
        ("release ½", "release", release / 2),
    ]
    if exercise.walk_between_reps:
        moments.append(("walk", "walk", 0.3))
    return moments


def write_contact_sheets(catalog, folder: Path) -> list[Path]:
    """Write `<id>.png` per exercise and `overview.png`; returns the files."""
    from coach.ui.figure.render import ensure_gui_app

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


def _save(image, path: Path) -> Path:
    from coach.ui.figure.render import save

    save(image, path)
    return path


def _grid(rows: int, cols: int, title: str):
    from PySide6.QtGui import QColor, QImage

    w, h = CELL
    image = QImage(cols * w, TITLE_H + rows * (h + LABEL_H), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    return image


def _cell(painter, col: int, row: int, pose, label: str) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QGuiApplication

    from coach.ui.figure.view import FigureColors, paint_pose

    w, h = CELL
    top = TITLE_H + row * (h + LABEL_H)
    rect = QRectF(col * w + 4, top + 4, w - 8, h - 8)
    painter.setPen(QColor("#dddddd"))
    painter.drawRect(rect)
    paint_pose(painter, rect, pose, FigureColors.from_palette(QGuiApplication.palette()))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(col * w, top + h, w, LABEL_H), Qt.AlignmentFlag.AlignCenter, label)


def _title(painter, text: str, width: int) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    font = QFont(painter.font())
    font.setPointSize(14)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(10, 0, width - 20, TITLE_H), Qt.AlignmentFlag.AlignVCenter, text)
    font.setPointSize(10)
    font.setBold(False)
    painter.setFont(font)


def sheet(exercise):
    from PySide6.QtGui import QPainter

    from coach.core.figure.poses import pose_at
    from coach.ui.figure.render import default_time, phase_length

    moments = _moments(exercise)
    image = _grid(2, len(moments), exercise.name)
    painter = QPainter(image)
    _title(painter, f"{exercise.name}  ({exercise.id}, {exercise.position})", image.width())
    for row, side in enumerate(("right", "left")):
        for col, (label, phase, t) in enumerate(moments):
            when = default_time(exercise, phase) if t is None else t
            pose = pose_at(
                exercise, phase, when, side=side, phase_length=phase_length(exercise, phase)
            )
            _cell(painter, col, row, pose, f"{label} · {side}")
    painter.end()
    return image


def overview(exercises):
    from PySide6.QtGui import QPainter

    from coach.core.figure.poses import pose_at
    from coach.ui.figure.render import default_time, phase_length

    cols = 5
    rows = (len(exercises) + cols - 1) // cols
    image = _grid(rows, cols, "All exercises")
    painter = QPainter(image)
    _title(painter, "Every exercise at its hold (right side)", image.width())
    for i, exercise in enumerate(exercises):
        pose = pose_at(
            exercise,
            "hold",
            default_time(exercise, "hold"),
            side="right",
            phase_length=phase_length(exercise, "hold"),
        )
        _cell(painter, i % cols, i // cols, pose, exercise.name)
    painter.end()
    return image
