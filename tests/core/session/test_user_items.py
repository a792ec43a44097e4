"""The engine plays a user routine's own item settings (issue 17): `walk_s`
(0: no walk, None: the exercise's own, N: N seconds), `sides` "left" or
"right" (that side only), and the estimate stays the engine's own plan to the
second for any routine the editor can make."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.catalog.limits import item_limits
from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Catalog, Frequency, Routine, RoutineItem
from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session
from coach.core.session.events import Event, Phase, RepCompleted, SessionStarted
from coach.core.vocabulary import Side, Sidedness


@cache
def shipped() -> Catalog:
    return load_shipped()


def play(routine: Routine) -> tuple[float, list[Event], Session]:
    """Play `routine` untouched; the seconds it took and its events."""
    clock = FakeClock(0.0)
    session = Session(routine, shipped(), clock)
    events = session.start()
    while not session.finished:
        clock.advance(0.5)
        events += session.tick()
    return clock.now(), events, session


def routine_of(*items: RoutineItem) -> Routine:
    return Routine("mine", "Mine", "", items, Frequency(2, 5), user=True)


def item(exercise_id: str, **changes: object) -> RoutineItem:
    ex = shipped().exercise(exercise_id)
    values: dict[str, object] = {
        "hold_s": ex.hold_s.default,
        "reps": ex.reps.default,
        "sets": ex.sets,
        "rest_s": ex.rest_s,
    }
    values.update(changes)
    return RoutineItem(exercise_id, **values)  # type: ignore[arg-type]


def walks(session: Session) -> list[float]:
    return [s.length for s in session.steps if s.phase is Phase.WALK]


def test_walk_none_is_the_exercise_own_walk_zero_none_n_seconds() -> None:
    bend = shipped().exercise("seated-forward-bend")
    assert bend.walk_between_reps
    reps = 8
    _, _, own = play(routine_of(item("seated-forward-bend", reps=reps)))
    assert walks(own) == [float(bend.walk_s)] * (reps - 1)
    _, _, none = play(routine_of(item("seated-forward-bend", reps=reps, walk_s=0)))
    assert walks(none) == []
    _, _, longer = play(routine_of(item("seated-forward-bend", reps=reps, walk_s=40)))
    assert walks(longer) == [40.0] * (reps - 1)


@pytest.mark.parametrize("side", ["left", "right"])
def test_one_side_only_plays_that_side(side: str) -> None:
    for exercise_id in ("piriformis-stretch", "knee-to-chest"):  # each, alternate
        assert shipped().exercise(exercise_id).sides != Sidedness.NONE
        both = play(routine_of(item(exercise_id, reps=2)))
        one = play(routine_of(item(exercise_id, reps=2, sides=side)))
        reps = [e for e in one[1] if isinstance(e, RepCompleted)]
        assert [(r.side, r.rep) for r in reps] == [(Side(side), 1), (Side(side), 2)]
        assert {s.side for s in one[2].steps} == {Side(side)}
        assert not [s for s in one[2].steps if s.phase is Phase.SWITCH_SIDE]
        started = next(e for e in one[1] if isinstance(e, SessionStarted))
        assert started.reps_planned == 2 == one[2].reps_planned
        assert both[2].reps_planned == 4
        assert one[0] < both[0]


# Every item the editor may make: any exercise, any value within its limits.
@st.composite
def items(draw: st.DrawFn) -> RoutineItem:
    catalog = shipped()
    ex = catalog.exercise(draw(st.sampled_from(sorted(catalog.exercises))))
    limits = item_limits(ex)

    def pick(field: str) -> int:
        limit = limits[field]
        return draw(st.integers(limit.minimum, min(limit.maximum, limit.minimum + 40)))

    sides = draw(st.sampled_from(["both", "left", "right"] if ex.side_count == 2 else ["both"]))
    return RoutineItem(
        ex.id,
        hold_s=pick("hold_s"),
        reps=draw(
            st.integers(
                limits["reps"].minimum, min(limits["reps"].maximum, limits["reps"].minimum + 2)
            )
        ),
        sets=draw(st.integers(1, 2)),
        rest_s=pick("rest_s"),
        walk_s=draw(st.one_of(st.none(), st.just(0), st.integers(1, 30)))
        if ex.walk_between_reps
        else draw(st.sampled_from([None, 0])),
        sides=sides,
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items(), min_size=1, max_size=4))
def test_the_estimate_is_the_engine_for_any_user_routine(chosen: list[RoutineItem]) -> None:
    routine = routine_of(*chosen)
    seconds, events, session = play(routine)
    estimate = shipped().estimated_seconds(routine)
    assert seconds == pytest.approx(estimate, abs=0.5)
    done = [e for e in events if isinstance(e, RepCompleted)]
    assert len(done) == session.reps_planned
