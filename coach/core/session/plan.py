"""A routine flattened into the list of timed steps the engine walks through.

Every gap between two reps belongs to the rep that follows it: the lead-in,
side switch, rest or walk before rep 3 carries rep 3's numbers and side, so the
player can say what comes next. A step of length 0 is left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from coach.core.catalog.loader import Exercise, Routine, RoutineItem
from coach.core.session.events import Phase
from coach.core.vocabulary import Side, Sidedness

# The first rep is gentle and each one goes a little further (seeds: "start
# slowly, a bit more each time"); the figure scales its stretch by this.
DEPTH_FIRST = 0.6
DEPTH_LAST = 1.0


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


def rep_order(exercise: Exercise, item: RoutineItem) -> Iterator[tuple[int, Side | None, int]]:
    """(set, side, rep) in the order they are done. 'each': all reps on the
    left, then all on the right; 'alternate': left, right, left... with reps
    counted per side."""
    for set_no in range(1, item.sets + 1):
        if exercise.sides == Sidedness.EACH:
            for side in (Side.LEFT, Side.RIGHT):
                for rep in range(1, item.reps + 1):
                    yield set_no, side, rep
        elif exercise.sides == Sidedness.ALTERNATE:
            for rep in range(1, item.reps + 1):
                for side in (Side.LEFT, Side.RIGHT):
                    yield set_no, side, rep
        else:
            for rep in range(1, item.reps + 1):
                yield set_no, None, rep


def depth_for(set_no: int, rep: int, item: RoutineItem) -> float:
    """Grows from DEPTH_FIRST on the first rep of a side to DEPTH_LAST on its last."""
    total = item.sets * item.reps
    if total <= 1:
        return DEPTH_LAST
    done = (set_no - 1) * item.reps + (rep - 1)
    return DEPTH_FIRST + (DEPTH_LAST - DEPTH_FIRST) * done / (total - 1)


def reps_planned(exercises: Sequence[Exercise], routine: Routine) -> int:
    return sum(
        item.reps * item.sets * ex.side_count
        for ex, item in zip(exercises, routine.items, strict=True)
    )


def plan_steps(
    exercises: Sequence[Exercise], routine: Routine, *, lead_in_s: float, switch_side_s: float
) -> tuple[Step, ...]:
    steps: list[Step] = []
    for index, (ex, item) in enumerate(zip(exercises, routine.items, strict=True)):
        previous: tuple[int, Side | None] | None = None
        for set_no, side, rep in rep_order(ex, item):
            before: list[tuple[Phase, float]] = []
            if previous is None:
                before = [(Phase.LEAD_IN, lead_in_s)]
            elif previous[0] != set_no and item.rest_s > 0:
                before = [(Phase.REST, item.rest_s), (Phase.LEAD_IN, lead_in_s)]
            elif previous[1] != side and ex.sides == Sidedness.EACH:
                before = [(Phase.SWITCH_SIDE, switch_side_s), (Phase.LEAD_IN, lead_in_s)]
            elif ex.walk_between_reps:
                before = [(Phase.WALK, ex.walk_s)]
            depth = depth_for(set_no, rep, item)
            for phase, length in before:
                if length > 0:
                    steps.append(Step(phase, float(length), index, set_no, rep, side, depth))
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
