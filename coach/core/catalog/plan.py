"""A routine flattened into the list of timed steps a session walks through.

Every gap between two reps belongs to the rep that follows it: the lead-in,
side switch, rest or walk before rep 3 carries rep 3's numbers and side, so the
player can say what comes next. A step of length 0 is left out.

The plan lives with the catalog (not the session) because it is a function of
catalog data alone, and the routine list's time estimate must be the very same
sum of steps the session will run (`Catalog.estimated_seconds`). It reads
exercises and routine items through the small protocols below, so this module
does not import `coach.core.catalog.model` (which imports it).

Lead-ins grow with the change of position (`lead_in_for`):

| change before the exercise                                     | lead-in |
|----------------------------------------------------------------|---------|
| none: same position and place (also after a rest, or after a   |   5 s   |
| side switch that stays where it is) - "Stay on your back"      |         |
| standing <-> seated on a chair; one floor position to another, |  10 s   |
| or onto a ball or roller - "Sit on the front edge of a chair", |         |
| "Kneel on the mat", "Lie back over the foam roller"            |         |
| to or from the floor (standing or chair <-> back, front,       |  15 s   |
| kneeling, hands and knees, sitting on the floor) -             |         |
| "Lie down on your back", "Stand up"                            |         |
| to a doorway or wall the exercise before did not use -         |  20 s   |
| "Move to the doorway"; a side switch in a doorway -            |         |
| "Go to the other side of the door frame"                       |         |

At the start of a session the person is at the computer, standing or on a
chair: the first lead-in is at least 10 s, 15 s onto the floor.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from coach.core.vocabulary import Position, PropKind, Side, Sidedness

# The first rep is gentle and each one goes a little further (seeds: "start
# slowly, a bit more each time"); the figure scales its stretch by this.
DEPTH_FIRST = 0.6
DEPTH_LAST = 1.0

SWITCH_SIDE_S = 5.0

# Lead-in lengths, by how much has to change (see the table above).
LEAD_IN_SAME_S = 5.0
LEAD_IN_NEAR_S = 10.0
LEAD_IN_FLOOR_S = 15.0
LEAD_IN_PLACE_S = 20.0


class Phase(StrEnum):
    """The session's phases (finer than the figure's `PosePhase`)."""

    LEAD_IN = "lead_in"  # "get ready": before an exercise and after a side switch
    MOVE_IN = "move_in"  # easing into the stretch
    HOLD = "hold"
    RELEASE = "release"
    WALK = "walk"  # a few steps between reps
    REST = "rest"  # between sets
    SWITCH_SIDE = "switch_side"
    DONE = "done"
    STOPPED = "stopped"


class PlannedExercise(Protocol):
    """What the plan reads of an exercise (`coach.core.catalog.model.Exercise`)."""

    @property
    def sides(self) -> Sidedness: ...
    @property
    def position(self) -> Position: ...
    @property
    def props(self) -> tuple[PropKind, ...]: ...
    @property
    def move_s(self) -> float: ...
    @property
    def release_s(self) -> float: ...
    @property
    def walk_between_reps(self) -> bool: ...
    @property
    def walk_s(self) -> int: ...


class PlannedItem(Protocol):
    """What the plan reads of a routine item (`RoutineItem`)."""

    @property
    def hold_s(self) -> int: ...
    @property
    def reps(self) -> int: ...
    @property
    def sets(self) -> int: ...
    @property
    def rest_s(self) -> int: ...
    @property
    def walk_s(self) -> int | None: ...
    @property
    def sides(self) -> str: ...


class PlannedRoutine(Protocol):
    @property
    def items(self) -> Sequence[PlannedItem]: ...


@dataclass(frozen=True)
class Step:
    phase: Phase
    length: float
    item: int  # index into routine.items
    set: int
    rep: int
    side: Side | None  # None: both sides at once
    depth: float
    ends_rep: bool = False  # leaving this step completes the rep (hold, or release if no hold)
    getting_ready: str = ""  # a lead-in's words: what to do to get into position


@dataclass(frozen=True)
class LeadIn:
    text: str
    length: float


# --- lead-ins ------------------------------------------------------------

_STANDING, _CHAIR, _FLOOR = "standing", "chair", "floor"


def _level(exercise: PlannedExercise) -> str:
    if exercise.position == Position.STANDING:
        return _STANDING
    if exercise.position == Position.SEATED and PropKind.CHAIR in exercise.props:
        return _CHAIR
    return _FLOOR


def _pose(exercise: PlannedExercise) -> tuple[str, Position, PropKind | None]:
    """Where the body is: level, position, and a ball or roller under it."""
    under = next((p for p in (PropKind.BALL, PropKind.FOAM_ROLLER) if p in exercise.props), None)
    return _level(exercise), exercise.position, under


def _place(exercise: PlannedExercise) -> PropKind | None:
    """A fixed place in the room the exercise needs (a doorway, a wall)."""
    return next((p for p in (PropKind.DOORWAY, PropKind.WALL) if p in exercise.props), None)


# What to say to get into each position from another one, and to stay in it.
_FLOOR_WORDS: dict[Position, tuple[str, str]] = {
    Position.LYING: ("Lie down on your back", "Stay on your back"),
    Position.PRONE: ("Get down on the mat, face down", "Stay face down"),
    Position.KNEELING: ("Kneel on the mat", "Stay kneeling"),
    Position.ALL_FOURS: ("Come onto hands and knees", "Stay on hands and knees"),
    Position.SEATED: ("Sit on the floor", "Stay sitting on the floor"),
}
_LEVEL_WORDS = {
    _STANDING: ("Stand up", "Stay standing"),
    _CHAIR: ("Sit on the front edge of a chair", "Stay on the front edge of your chair"),
}


def _words(exercise: PlannedExercise) -> tuple[str, str]:
    level = _level(exercise)
    if level in _LEVEL_WORDS:
        return _LEVEL_WORDS[level]
    return _FLOOR_WORDS.get(exercise.position, ("Get into position", "Stay where you are"))


def _arrive(exercise: PlannedExercise) -> str:
    """What to do to get into the exercise's position from another one."""
    if PropKind.BALL in exercise.props:
        return "Kneel behind the ball"
    if PropKind.FOAM_ROLLER in exercise.props:
        return "Lie back over the foam roller"
    return _words(exercise)[0]


def _stay(exercise: PlannedExercise) -> str:
    return _words(exercise)[1]


def lead_in_for(
    previous: PlannedExercise | None, exercise: PlannedExercise, *, other_side: bool = False
) -> LeadIn:
    """The lead-in before `exercise`: after `previous` (None: the start of
    the session), or before its other side (`other_side`); a lead-in after a
    rest passes the exercise itself as `previous`."""
    place = _place(exercise)
    if other_side:
        if place == PropKind.DOORWAY:
            return LeadIn("Go to the other side of the door frame", LEAD_IN_PLACE_S)
        return LeadIn(_stay(exercise), LEAD_IN_SAME_S)
    if place is not None and (previous is None or _place(previous) != place):
        return LeadIn(f"Move to the {place}", LEAD_IN_PLACE_S)
    level = _level(exercise)
    if previous is None:
        length = LEAD_IN_FLOOR_S if level == _FLOOR else LEAD_IN_NEAR_S
        return LeadIn(_arrive(exercise), length)
    before = _level(previous)
    if _pose(previous) == _pose(exercise):
        return LeadIn(_stay(exercise), LEAD_IN_SAME_S)
    if _FLOOR in (before, level) and before != level:
        return LeadIn(_arrive(exercise), LEAD_IN_FLOOR_S)
    return LeadIn(_arrive(exercise), LEAD_IN_NEAR_S)


# --- the plan ------------------------------------------------------------


def sides_done(exercise: PlannedExercise, item: PlannedItem) -> tuple[Side, ...]:
    """The sides an item works, in order: () for a symmetric exercise, both
    sides, or only the one the item names (`sides = "left"` or "right")."""
    if exercise.sides == Sidedness.NONE:
        return ()
    if item.sides in (Side.LEFT, Side.RIGHT):
        return (Side(item.sides),)
    return (Side.LEFT, Side.RIGHT)


def walk_seconds(exercise: PlannedExercise, item: PlannedItem) -> int:
    """Seconds of walking between reps: the item's `walk_s` when set (0: no
    walk), else the exercise's own walk, if it walks between reps."""
    if item.walk_s is not None:
        return max(item.walk_s, 0)
    return exercise.walk_s if exercise.walk_between_reps else 0


def rep_order(
    exercise: PlannedExercise, item: PlannedItem
) -> Iterator[tuple[int, Side | None, int]]:
    """(set, side, rep) in the order they are done. 'each': all reps on the
    left, then all on the right; 'alternate': left, right, left... with reps
    counted per side; an item done on one side only has that side's reps."""
    sides = sides_done(exercise, item)
    for set_no in range(1, item.sets + 1):
        if exercise.sides == Sidedness.EACH:
            for side in sides:
                for rep in range(1, item.reps + 1):
                    yield set_no, side, rep
        elif exercise.sides == Sidedness.ALTERNATE:
            for rep in range(1, item.reps + 1):
                for side in sides:
                    yield set_no, side, rep
        else:
            for rep in range(1, item.reps + 1):
                yield set_no, None, rep


def depth_for(set_no: int, rep: int, item: PlannedItem) -> float:
    """Grows from DEPTH_FIRST on the first rep of a side to DEPTH_LAST on its last."""
    total = item.sets * item.reps
    if total <= 1:
        return DEPTH_LAST
    done = (set_no - 1) * item.reps + (rep - 1)
    return DEPTH_FIRST + (DEPTH_LAST - DEPTH_FIRST) * done / (total - 1)


def reps_planned(exercises: Sequence[PlannedExercise], routine: PlannedRoutine) -> int:
    return sum(
        item.reps * item.sets * max(1, len(sides_done(ex, item)))
        for ex, item in zip(exercises, routine.items, strict=True)
    )


def plan_steps(
    exercises: Sequence[PlannedExercise],
    routine: PlannedRoutine,
    *,
    lead_in_s: float | None = None,
    switch_side_s: float = SWITCH_SIDE_S,
) -> tuple[Step, ...]:
    """The routine's steps in order. Each lead-in's length comes from the
    change of position (`lead_in_for`), or is `lead_in_s` for all of them
    when given (the engine's tests use a fixed one); its words always come
    from the change."""

    def lead_in(lead: LeadIn) -> tuple[Phase, float, str]:
        return Phase.LEAD_IN, lead.length if lead_in_s is None else lead_in_s, lead.text

    steps: list[Step] = []
    for index, (ex, item) in enumerate(zip(exercises, routine.items, strict=True)):
        before_ex = exercises[index - 1] if index > 0 else None
        previous: tuple[int, Side | None] | None = None
        walk_s = walk_seconds(ex, item)
        for set_no, side, rep in rep_order(ex, item):
            before: list[tuple[Phase, float, str]] = []
            if previous is None:
                before = [lead_in(lead_in_for(before_ex, ex))]
            elif previous[0] != set_no and item.rest_s > 0:
                before = [(Phase.REST, item.rest_s, ""), lead_in(lead_in_for(ex, ex))]
            elif previous[1] != side and ex.sides == Sidedness.EACH:
                before = [
                    (Phase.SWITCH_SIDE, switch_side_s, ""),
                    lead_in(lead_in_for(ex, ex, other_side=True)),
                ]
            elif walk_s > 0:
                before = [(Phase.WALK, walk_s, "")]
            depth = depth_for(set_no, rep, item)
            for phase, length, text in before:
                if length > 0:
                    steps.append(
                        Step(phase, float(length), index, set_no, rep, side, depth, False, text)
                    )
            steps.append(Step(Phase.MOVE_IN, float(ex.move_s), index, set_no, rep, side, depth))
            # Every rep keeps the one step that logs it, even at length 0.
            if item.hold_s > 0:
                steps.append(
                    Step(
                        Phase.HOLD,
                        float(item.hold_s),
                        index,
                        set_no,
                        rep,
                        side,
                        depth,
                        ends_rep=True,
                    )
                )
                steps.append(
                    Step(Phase.RELEASE, float(ex.release_s), index, set_no, rep, side, depth)
                )
            else:
                steps.append(
                    Step(
                        Phase.RELEASE,
                        float(max(ex.release_s, 0)),
                        index,
                        set_no,
                        rep,
                        side,
                        depth,
                        ends_rep=True,
                    )
                )
            previous = (set_no, side)
    return tuple(s for s in steps if s.length > 0 or s.ends_rep)


def planned_seconds(exercises: Sequence[PlannedExercise], routine: PlannedRoutine) -> float:
    """How long the routine runs without pauses: the sum of its planned steps."""
    return sum(step.length for step in plan_steps(exercises, routine))
