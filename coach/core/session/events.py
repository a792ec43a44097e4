"""What the session engine reports: one small frozen object per transition.

The UI draws from them and `SessionRecorder` writes them to the log; neither
ever asks the engine what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    LEAD_IN = "lead_in"  # "get ready": before an exercise and after a side switch
    MOVE_IN = "move_in"  # easing into the stretch
    HOLD = "hold"
    RELEASE = "release"
    WALK = "walk"  # a few steps between reps
    REST = "rest"  # between sets
    SWITCH_SIDE = "switch_side"
    DONE = "done"
    STOPPED = "stopped"


# How a session ended, as stored in the log ('interrupted' is set by the log
# itself for a session whose process died).
OUTCOMES = ("completed", "stopped", "pain", "interrupted")


@dataclass(frozen=True)
class Event:
    """Base class of everything the engine reports."""


@dataclass(frozen=True)
class SessionStarted(Event):
    routine_id: str
    routine_name: str
    reps_planned: int


@dataclass(frozen=True)
class ExerciseStarted(Event):
    exercise_id: str
    index: int


@dataclass(frozen=True)
class PhaseStarted(Event):
    phase: Phase
    length: float


@dataclass(frozen=True)
class SideSwitched(Event):
    side: str


@dataclass(frozen=True)
class HoldStarted(Event):
    exercise_id: str
    side: str | None
    set: int
    rep: int
    length: float


@dataclass(frozen=True)
class HoldEnded(Event):
    actual_s: float
    skipped: bool


@dataclass(frozen=True)
class RepCompleted(Event):
    """A rep is over: its hold ran out, or was skipped (`skipped`, with the
    seconds actually held). `item` is the exercise's place in the routine, so a
    routine may use one exercise twice. Going back and redoing a rep reports it
    again with the same (item, side, set, rep); the later report wins."""

    exercise_id: str
    side: str | None
    set: int
    rep: int
    planned_hold_s: float
    actual_hold_s: float
    skipped: bool
    item: int


@dataclass(frozen=True)
class Paused(Event):
    reason: str  # 'user', or 'gap' when the heartbeat stopped (lid closed, process stopped)


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class SessionEnded(Event):
    outcome: str  # 'completed' | 'stopped' | 'pain'
    reps_done: int
    reps_skipped: int
