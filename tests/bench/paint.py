"""Figure paint time per frame at 800x800 into a QImage, across every
exercise, phase and side: `python -m tests.bench.paint [--quick]`.

Poses are computed before timing; only `paint_pose` is timed, as the screen
widget and the printed cards both call it. `paint_p99_ms` paints the figure
alone; `paint_ghost_p99_ms` the move, hold and release frames again over
their start pose's ghost with motion arrows, as the player shows them."""

from __future__ import annotations

import os
import sys
import time

from tests.bench.procstat import median, percentile

SIZE = 800


def _frames(quick: bool) -> list:
    return [pose for pose, _ in _ghosted_frames(quick)]


def _ghosted_frames(quick: bool) -> list:
    """(pose, ghost) pairs; the ghost is None for the start and the walk."""
    from coach.core.catalog.loader import load_shipped
    from coach.core.figure.poses import pose_at

    poses = []
    steps = 3 if quick else 8
    for exercise in load_shipped().exercises.values():
        lengths = {
            "move": exercise.move_s,
            "hold": float(exercise.hold_s.default),
            "release": exercise.release_s,
            "walk": 2.2,
            "start": 1.0,
        }
        for side in ("left", "right"):
            start = pose_at(exercise, "start", 0.0, side=side)
            for phase, length in lengths.items():
                ghost = start if phase in ("move", "hold", "release") else None
                for i in range(steps):
                    t = length * i / steps
                    pose = pose_at(exercise, phase, t, side=side, phase_length=length)
                    poses.append((pose, ghost))
    return poses


def run(quick: bool = False) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from coach.ui.figure.render import ensure_gui_app
    from coach.ui.figure.view import FigureColors, paint_pose

    app = ensure_gui_app()
    colors = FigureColors.from_palette(app.palette())
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, SIZE, SIZE)
    frames = _ghosted_frames(quick)
    background = QColor("#ffffff")
    timings: list[float] = []
    ghosted: list[float] = []
    # Two passes, so neither reuses the shapes the other built for a pose.
    for _ in range(1 if quick else 3):
        for with_ghost, into in ((False, timings), (True, ghosted)):
            for pose, ghost in frames:
                if with_ghost and ghost is None:
                    continue
                image.fill(background)
                painter = QPainter(image)
                start = time.perf_counter()
                paint_pose(painter, rect, pose, colors, ghost if with_ghost else None)
                into.append((time.perf_counter() - start) * 1000.0)
                painter.end()
    p99, mid = percentile(timings, 99), median(timings)
    g99, gmid = percentile(ghosted, 99), median(ghosted)
    print(
        f"paint: {len(timings)} frames at {SIZE}x{SIZE}: median {mid:.2f} ms, p99 {p99:.2f} ms; "
        f"{len(ghosted)} over a ghost: median {gmid:.2f} ms, p99 {g99:.2f} ms",
        file=sys.stderr,
    )
    return {
        "paint_p99_ms": p99,
        "paint_median_ms": mid,
        "paint_ghost_p99_ms": g99,
        "paint_ghost_median_ms": gmid,
    }


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv[1:]))
