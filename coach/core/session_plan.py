"""A routine flattened into the list of timed steps the engine walks through.

Every gap between two reps belongs to the rep that follows it: the lead-in,
side switch, rest or walk before rep 3 carries rep 3's numbers and side, so the
player can say what comes next. A step of length 0 is left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from coach.core.catalog import Exercise, Routine, RoutineItem
from coach.core.events import Phase

# The first rep is gentle and each one goes a little further (seeds: "start
# slowly, a bit more each time"); the figure scales its stretch by this.
DEPTH_FIRST = 0.6
DEPTH_LAST = 1.0


@dataclass(frozen=True)
class Step:
    phase: Phase
    length: float
    item: int               # index into routine.items
    set: int
    rep: int
    side: str | None        # 'left' | 'right' | None
    depth: float
    ends_rep: bool = False  # leaving this step completes the rep (hold, or release if no hold)


def rep_order(exercise: Exercise, item: RoutineItem) -> Iterator[tuple[int, str | None, int]]:
    """(set, side, rep) in the order they are done. 'each': all reps on the
    left, then all on the right; 'alternate': left, right, left... with reps
    counted per side."""
    for set_no in range(1, item.sets + 1):
        if exercise.sides == "each":
            for side in ("left", "right"):
                for rep in range(1, item.reps + 1):
                    yield set_no, side, rep
        elif exercise.sides == "alternate":
            for rep in range(1, item.reps + 1):
                for side in ("left", "right"):
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
    return sum(item.reps * item.sets * ex.side_count for ex, item in zip(exercises, routine.items))


def plan_steps(exercises: Sequence[Exercise], routine: Routine, *,
               lead_in_s: float, switch_side_s: float) -> tuple[Step, ...]:
    steps: list[Step] = []
    for index, (ex, item) in enumerate(zip(exercises, routine.items)):
        previous: tuple[int, str | None] | None = None
        for set_no, side, rep in rep_order(ex, item):
            depth = depth_for(set_no, rep, item)

            def add(phase: Phase, length: float, ends_rep: bool = False) -> None:
                if length > 0 or ends_rep:  # every rep keeps the step that logs it
                    steps.append(Step(phase, float(max(length, 0)), index, set_no, rep, side, depth,
                                      ends_rep))

            if previous is None:
                add(Phase.LEAD_IN, lead_in_s)
            elif previous[0] != set_no and item.rest_s > 0:
                add(Phase.REST, item.rest_s)
                add(Phase.LEAD_IN, lead_in_s)
            elif previous[1] != side and ex.sides == "each":
                add(Phase.SWITCH_SIDE, switch_side_s)
                add(Phase.LEAD_IN, lead_in_s)
            elif ex.walk_between_reps:
                add(Phase.WALK, ex.walk_s)
            has_hold = item.hold_s > 0
            add(Phase.MOVE_IN, ex.move_s)
            if has_hold:
                add(Phase.HOLD, item.hold_s, ends_rep=True)
            add(Phase.RELEASE, ex.release_s, ends_rep=not has_hold)
            previous = (set_no, side)
    return tuple(steps)
