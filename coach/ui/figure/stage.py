"""The animated figure in the player: maps the session state to a pose.

The session state says which exercise, phase, side and depth; the figure
code (`coach.core.figure.poses.pose_at`, `coach.ui.figure.view`) turns that into a
drawing. Between heartbeats a display-rate timer advances the time within the
phase from the last state, on the session's own clock (so a fast demo clock
moves the figure as fast), and the motion stays smooth; the timer runs only
while the stage is visible and the session is moving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from coach.core.catalog.loader import Exercise
from coach.core.figure.poses import Pose, pose_at
from coach.core.figure.walk import STRIDE_S
from coach.core.session.clock import SystemClock
from coach.core.session.engine import SessionState
from coach.core.session.events import Phase
from coach.core.vocabulary import PosePhase, Side
from coach.ui.figure.view import FigureView

# The player's phases as the figure's keyframe phases.
POSE_PHASES = {
    Phase.LEAD_IN: PosePhase.START,
    Phase.REST: PosePhase.START,
    Phase.SWITCH_SIDE: PosePhase.START,
    Phase.MOVE_IN: PosePhase.MOVE,
    Phase.HOLD: PosePhase.HOLD,
    Phase.RELEASE: PosePhase.RELEASE,
    Phase.WALK: PosePhase.WALK,
    Phase.DONE: PosePhase.START,
    Phase.STOPPED: PosePhase.START,
}

# 15 frames a second: smooth enough for a walking figure (a stride of about
# a second shows in 15 poses); a 60 Hz loop cost four times the CPU, 20 Hz a
# third more, for motion no one can tell apart from the floor.
FRAME_MS = 67
# The walk repeats every stride: it is drawn from this many poses a stride,
# each solved once. (Keeping each as a pixmap of the whole view cut the walk's
# CPU to 1.5 % but cost about 30 MB of memory and grew in long sessions.)
WALK_FRAMES = 16
# Holding and getting ready move slowly (a breath): two frames a second show
# it, and a hold then costs next to nothing (a figure frame, about 3-5 ms, is
# the dearest thing the player draws).
SLOW_FRAME_MS = 500
SLOW_PHASES = (PosePhase.HOLD, PosePhase.START)
# Phases drawn over a faint ghost of the start pose, so one still picture
# shows from where to where.
GHOSTED = (PosePhase.MOVE, PosePhase.HOLD, PosePhase.RELEASE)


@dataclass(frozen=True)
class PoseRequest:
    """What `pose_at` is asked for: one moment of one exercise."""

    exercise: Exercise
    phase: PosePhase
    t: float
    side: Side | None = None  # None: a symmetric exercise, drawn the one way for all
    depth: float = 1.0
    phase_length: float | None = None


def pose_request(state: SessionState) -> PoseRequest:
    """The pose for this moment of the session."""
    return PoseRequest(
        exercise=state.exercise,
        phase=POSE_PHASES.get(state.phase, PosePhase.START),
        t=max(0.0, state.seconds_into_phase),
        side=state.side,
        depth=state.depth,
        phase_length=state.phase_length or None,
    )


def _same_motion(a: PoseRequest | None, b: PoseRequest) -> bool:
    """Whether `b` only moves `a` on in time (a heartbeat within one phase)."""
    return a is not None and replace(a, t=b.t) == b


class FigureStage(QWidget):
    """Shows the figure for the current session state, smoothly.

    `now` is the session clock (the player passes its driver's); a stage
    outside a session runs on real time."""

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], float] | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now if now is not None else SystemClock().now
        self._request: PoseRequest | None = None
        self._moving = False
        # The start pose does not depend on time: made once per exercise, side and depth.
        self._ghost_key: tuple[object, ...] | None = None
        self._ghost: Pose | None = None
        self._stamp = self._now()
        self.view = FigureView(self)
        # The walk's poses, one per WALK_FRAMES of a stride, made once.
        self._walk_key: tuple[object, ...] | None = None
        self._walk_poses: dict[int, Pose] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Exercise figure")
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self._frame)

    @property
    def shown(self) -> PoseRequest | None:
        """The moment last given to the stage (a state or a preview)."""
        return self._request

    @property
    def animating(self) -> bool:
        """Whether the stage is moving the figure between states."""
        return self._frames.isActive()

    def show_state(self, state: SessionState) -> None:
        request = pose_request(state)
        previous = self._request
        self._request = request
        self._stamp = self._now()
        self._moving = not state.paused and not state.finished
        self.setAccessibleDescription(f"{state.exercise.name}, {request.phase}")
        if self._moving and self._frames.isActive() and _same_motion(previous, request):
            return  # the same motion, further on: the frame timer draws it
        still = self._draw(request)
        self._frames.setInterval(SLOW_FRAME_MS if request.phase in SLOW_PHASES else FRAME_MS)
        if self._moving and not still and self.isVisible():
            if not self._frames.isActive():
                self._frames.start()
        else:
            self._frames.stop()

    def show_exercise(
        self, exercise: Exercise, phase: PosePhase = PosePhase.HOLD, t: float = 0.0
    ) -> None:
        """A still (or externally animated) preview outside a session."""
        self._frames.stop()
        self._request = PoseRequest(exercise, phase, t, side=Side.LEFT)
        self._draw(self._request)

    def hideEvent(self, event: QHideEvent) -> None:
        self._frames.stop()
        super().hideEvent(event)

    def _frame(self) -> None:
        request = self._request
        if request is None or not self._moving:
            self._frames.stop()
            return
        # Session time since the last state.
        t = request.t + max(0.0, self._now() - self._stamp)
        if request.phase_length is not None:
            t = min(t, request.phase_length)
        self._draw(replace(request, t=t))

    def _ghost_for(self, request: PoseRequest) -> Pose | None:
        if request.phase not in GHOSTED:
            return None
        key = (request.exercise.id, request.side, request.depth)
        if key != self._ghost_key:
            self._ghost_key = key
            self._ghost = pose_at(
                request.exercise, PosePhase.START, 0.0, side=request.side, depth=request.depth
            )
        return self._ghost

    def _draw(self, request: PoseRequest) -> bool:
        """Shows the pose; True when it will not change until the next state."""
        if request.phase == PosePhase.WALK:
            pose = self._walk_pose(request)
        else:
            pose = pose_at(
                request.exercise,
                request.phase,
                request.t,
                side=request.side,
                depth=request.depth,
                phase_length=request.phase_length,
            )
        self.view.set_pose(pose, self._ghost_for(request))  # repaints only when it would show
        if pose.still:
            self._frames.stop()
        return pose.still

    def _walk_pose(self, request: PoseRequest) -> Pose:
        """The walk at `request.t`, from WALK_FRAMES poses a stride: the same
        pose object for the same frame, solved once."""
        key = (request.exercise.id, request.side, request.depth, request.phase_length)
        if key != self._walk_key:
            self._walk_key = key
            self._walk_poses = {}
        step = STRIDE_S / WALK_FRAMES
        index = round(request.t / step) % WALK_FRAMES
        pose = self._walk_poses.get(index)
        if pose is None:
            pose = pose_at(
                request.exercise,
                request.phase,
                index * step,
                side=request.side,
                depth=request.depth,
                phase_length=request.phase_length,
            )
            self._walk_poses[index] = pose
        return pose
