"""The catalog's data: exercises and routines as the loader leaves them,
parsed and typed (`coach.core.catalog.loader` reads them from TOML)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum

from coach.core.catalog.plan import planned_seconds
from coach.core.errors import CatalogError
from coach.core.figure.animation import Animation
from coach.core.figure.stage import Stage
from coach.core.vocabulary import Kind, Motion, PosePhase, Position, PropKind, Sidedness


@dataclass(frozen=True)
class Span:
    """A range of whole numbers with a default, e.g. hold 10–20 s, default 15."""

    min: int
    max: int
    default: int


class StepPhase(StrEnum):
    """The keys of an exercise's `phase_steps`: the figure's four phases, each
    required, and three optional gaps between reps (each allowed only where
    the exercise has that gap)."""

    START = "start"  # setting up: shown during the lead-in
    MOVE = "move"
    HOLD = "hold"  # what to do while holding
    RELEASE = "release"
    WALK = "walk"  # walk_between_reps only; else the player's own walk line
    REST = "rest"  # between sets (sets > 1) only; else the start steps
    SWITCH = "switch"  # sides = "each" only; else the start steps


REQUIRED_STEP_PHASES = (StepPhase.START, StepPhase.MOVE, StepPhase.HOLD, StepPhase.RELEASE)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: Kind
    position: Position
    sides: Sidedness
    hold_s: Span
    reps: Span
    sets: int = 1
    rest_s: int = 0
    walk_between_reps: bool = False
    walk_s: int = 0
    move_s: float = 3.0
    release_s: float = 3.0
    props: tuple[PropKind, ...] = ()
    targets: tuple[str, ...] = ()
    motions: tuple[Motion, ...] = ()
    summary: str = ""
    steps: tuple[str, ...] = ()
    # Which steps belong to which phase: 1-based numbers into `steps`, in the
    # order they are shown (the file's `phase_steps`); () when built in code.
    phase_steps: tuple[tuple[StepPhase, tuple[int, ...]], ...] = ()
    cues: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    # The file's [animation] section, parsed; None: a plain figure in its position.
    animation: Animation | None = field(default=None, compare=False, repr=False)

    @property
    def side_count(self) -> int:
        return 1 if self.sides == Sidedness.NONE else 2

    def step_numbers_for(self, phase: PosePhase | StepPhase) -> tuple[int, ...]:
        """The 1-based numbers of the steps that belong to `phase`; () when
        the exercise maps none to it."""
        key = StepPhase(phase)
        return next((numbers for name, numbers in self.phase_steps if name == key), ())

    def steps_for(self, phase: PosePhase | StepPhase) -> tuple[str, ...]:
        """The texts of the steps that belong to `phase`, in order."""
        return tuple(self.steps[n - 1] for n in self.step_numbers_for(phase))

    @functools.cached_property
    def stage(self) -> Stage:
        """What stays the same while the figure does this exercise, built on
        first use and kept with the exercise (`pose_at` reads it every frame)."""
        return Stage.of(self)


# "Every N hours at the desk" counts over a working day this long.
DESK_DAY_HOURS = 8


@dataclass(frozen=True)
class Frequency:
    """How often a routine is meant to be done: a number of times a day on
    some days of the week, or every N hours at the desk (then
    `times_per_day` is the most in one day)."""

    times_per_day: int = 1  # 1..12
    days_per_week: int = 7  # 1..7
    every_hours: float | None = None  # 0.5..8; None: not tied to desk time

    def per_day(self) -> int:
        """Sessions on a day the routine is done."""
        if self.every_hours is None or self.every_hours <= 0:
            return self.times_per_day
        natural = max(1, int(DESK_DAY_HOURS // self.every_hours))
        return min(self.times_per_day, natural)

    def sessions_per_week(self) -> int:
        return self.per_day() * self.days_per_week

    def describe(self) -> str:
        """'3 times a day, 5 days a week', 'Once a day, every day', 'Every 2
        hours at the desk, 5 days a week'."""
        if self.days_per_week >= 7:
            days = "every day"
        elif self.days_per_week == 1:
            days = "1 day a week"
        else:
            days = f"{self.days_per_week} days a week"
        if self.every_hours is not None and self.every_hours > 0:
            cap = ""
            if self.times_per_day < DESK_DAY_HOURS // self.every_hours:
                cap = f" (at most {_times(self.times_per_day).lower()} a day)"
            return f"Every {_interval(self.every_hours)} at the desk{cap}, {days}"
        return f"{_times(self.times_per_day)} a day, {days}"


def _times(n: int) -> str:
    return {1: "Once", 2: "Twice"}.get(n, f"{n} times")


def _interval(hours: float) -> str:
    if hours < 1:
        minutes = round(hours * 60)
        return f"{minutes} minutes"
    if hours == 1:
        return "hour"
    return f"{hours:g} hours"


# The values of `RoutineItem.sides`: both sides as the exercise does them, or
# only one side of an exercise done one side at a time.
BOTH_SIDES = "both"
ITEM_SIDES = (BOTH_SIDES, "left", "right")


@dataclass(frozen=True)
class RoutineItem:
    """One exercise in a routine, with the figures this routine uses."""

    exercise: str
    hold_s: int
    reps: int
    sets: int
    rest_s: int
    # Seconds of walking between reps; None: the exercise's own walk
    # (`Exercise.walk_s` when it walks between reps, else none); 0: no walk.
    walk_s: int | None = None
    # "both", or "left" / "right": only that side (exercises with sides).
    sides: str = BOTH_SIDES


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    frequency: Frequency | None = None
    user: bool = False  # True: the user's own (editable); shipped ones are read-only


@dataclass
class Catalog:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # Ids (file names) whose file did not load, with the problem that says why.
    failed_exercises: dict[str, str] = field(default_factory=dict)
    failed_routines: dict[str, str] = field(default_factory=dict)

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.routines[routine_id]
        except KeyError:
            if routine_id in self.failed_routines:
                raise CatalogError(
                    f"The routine '{routine_id}' could not be loaded: "
                    f"{self.failed_routines[routine_id]}"
                ) from None
            known = ", ".join(sorted(self.routines)) or "none"
            raise CatalogError(
                f"There is no routine called '{routine_id}' (known routines: {known})."
            ) from None

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            if exercise_id in self.failed_exercises:
                raise CatalogError(
                    f"The exercise '{exercise_id}' could not be loaded: "
                    f"{self.failed_exercises[exercise_id]}"
                ) from None
            raise CatalogError(f"There is no exercise called '{exercise_id}'.") from None

    def estimated_seconds(self, routine: Routine) -> float:
        """How long a routine runs without pauses, for the routine list: the
        sum of the very steps the session engine will walk through."""
        exercises = [self.exercise(item.exercise) for item in routine.items]
        return planned_seconds(exercises, routine)
