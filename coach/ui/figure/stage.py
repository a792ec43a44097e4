"""The animated figure in the player: maps the session state to a pose.

The session state says which exercise, phase, side and depth; the figure
code (`coach.core.figure.poses.pose_at`, `coach.ui.figure.view`) turns that into a
drawing. Between heartbeats a display-rate timer advances the time within the
phase from the last state so the motion stays smooth; the timer runs only
while the stage is visible and the session is moving.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from coach.core.figure.poses import pose_at
from coach.core.session.events import Phase
from coach.ui.figure.view import FigureView

# The player's phases as the figure's keyframe phases.
POSE_PHASES = {
    Phase.LEAD_IN: "start",
    Phase.REST: "start",
    Phase.SWITCH_SIDE: "start",
    Phase.MOVE_IN: "move",
    Phase.HOLD: "hold",
    Phase.RELEASE: "release",
    Phase.WALK: "walk",
    Phase.DONE: "start",
    Phase.STOPPED: "start",
}

FRAME_MS = 16
# Holding and getting ready move slowly (a breath): looking for a changed
# pixel 15 times a second is plenty there, and saves the CPU a 60 Hz loop costs.
SLOW_FRAME_MS = 66
SLOW_PHASES = ("hold", "start")


def pose_request(state: Any) -> dict[str, Any]:
    """The arguments `pose_at` needs for this moment of the session."""
    phase = POSE_PHASES.get(state.phase, "start")
    return {
        "exercise": state.exercise,
        "phase": phase,
        "t": max(0.0, state.seconds_into_phase),
        "side": state.side or "left",
        "depth": state.depth,
        "phase_length": state.phase_length or None,
    }


class FigureStage(QWidget):
    """Shows the figure for the current session state, smoothly."""

    def __init__(self, parent: QWidget | None = None, *, time_scale: float = 1.0) -> None:
        super().__init__(parent)
        self._request: dict[str, Any] | None = None
        self._moving = False
        self._stamp = time.monotonic()
        self._time_scale = time_scale
        self.view = FigureView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Exercise figure")
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._frame)

    def show_state(self, state: Any) -> None:
        request = pose_request(state)
        self._request = request
        self._stamp = time.monotonic()
        self._moving = not state.paused and not state.finished
        self.setAccessibleDescription(f"{state.exercise.name}, {request['phase']}")
        still = self._draw(request)
        self._frames.setInterval(SLOW_FRAME_MS if request["phase"] in SLOW_PHASES else FRAME_MS)
        if self._moving and not still and self.isVisible():
            if not self._frames.isActive():
                self._frames.start()
        else:
            self._frames.stop()

    def show_exercise(self, exercise: Any, phase: str = "hold", t: float = 0.0) -> None:
        """A still (or externally animated) preview outside a session."""
        self._frames.stop()
        self._request = {
            "exercise": exercise,
            "phase": phase,
            "t": t,
            "side": "left",
            "depth": 1.0,
            "phase_length": None,
        }
        self._draw(self._request)

    def hideEvent(self, event: Any) -> None:
        self._frames.stop()
        super().hideEvent(event)

    def _frame(self) -> None:
        if self._request is None or not self._moving:
            self._frames.stop()
            return
        # Real time since the last state, on the session's clock scale.
        extra = (time.monotonic() - self._stamp) * self._time_scale
        request = dict(self._request)
        limit = request["phase_length"] or request["t"] + extra
        request["t"] = min(request["t"] + extra, limit)
        self._draw(request)

    def _draw(self, request: dict[str, Any]) -> bool:
        """Shows the pose; True when it will not change until the next state."""
        args = dict(request)
        exercise, phase, t = args.pop("exercise"), args.pop("phase"), args.pop("t")
        pose = pose_at(exercise, phase, t, **args)
        self.view.set_pose(pose)  # repaints only when the change would show
        if pose.still:
            self._frames.stop()
        return pose.still
