"""What the session engine reports: one small frozen object per transition.

The UI draws from them and `SessionRecorder` writes them to the log; neither
ever asks the engine what changed. The person's own commands (pain ratings,
tones on or off) come back as events too, so everything that happens in a
session travels one path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coach.core.catalog.plan import Phase  # the session's phases; the plan defines them
from coach.core.vocabulary import Outcome, Side

__all__ = [
    "Event",
    "HoldEnded",
    "HoldStarted",
    "PainMoment",
    "PainRated",
    "Paused",
    "Phase",
    "PhaseStarted",
    "RepCompleted",
    "Resumed",
    "SessionEnded",
    "SessionStarted",
    "TonesSwitched",
]


PainMoment = Literal["before", "after"]


@dataclass(frozen=True)
class Event:
    """Base class of everything the engine reports."""


@dataclass(frozen=True)
class SessionStarted(Event):
    routine_id: str
    routine_name: str
    reps_planned: int


@dataclass(frozen=True)
class PhaseStarted(Event):
    phase: Phase
    length: float


@dataclass(frozen=True)
class HoldStarted(Event):
    exercise_id: str
    side: Side | None
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
    side: Side | None
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
    outcome: Outcome  # completed, stopped or pain ('interrupted' is the log's own)
    reps_done: int
    reps_skipped: int


@dataclass(frozen=True)
class PainRated(Event):
    """The person rated their pain 0-10 before or after the session; None
    when they skipped the question."""

    when: PainMoment
    value: int | None


@dataclass(frozen=True)
class TonesSwitched(Event):
    """Tones were turned off (`muted`) or on again."""

    muted: bool
