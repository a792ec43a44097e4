"""Drives a FigureView while the figure moves: polls a pose source at the
screen's refresh rate and stops its timer as soon as nothing changes, so a
still figure (paused, or between phases) costs no CPU."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from coach.core.poses import Pose
from coach.ui.figure_view import FigureView


class Animator(QObject):
    """Call `wake()` whenever the pose may start changing again (a new phase,
    resume after pause); the animator goes back to sleep by itself."""

    def __init__(self, source: Callable[[], Pose | None], view: FigureView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._view = view
        self._last: Pose | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(_frame_ms())
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def wake(self) -> None:
        """Show the current pose now and keep animating while it moves."""
        self.tick()
        if not self._timer.isActive() and self._last is not None and not self._last.still:
            self._timer.start()

    def sleep(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        pose = self._source()
        unchanged = pose is None or (self._last is not None and pose.points == self._last.points
                                     and pose.glow == self._last.glow)
        if not unchanged:
            self._view.set_pose(pose)
        self._last = pose if pose is not None else self._last
        if pose is None or pose.still or unchanged:
            self._timer.stop()


def _frame_ms() -> int:
    """One frame at the primary screen's refresh rate (60 Hz if unknown)."""
    screen = QGuiApplication.primaryScreen()
    rate = screen.refreshRate() if screen is not None else 60.0
    return max(4, round(1000.0 / (rate if rate >= 20 else 60.0)))
