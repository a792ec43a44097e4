"""The session engine on a fake clock: phases, sides, sets, walks, depth."""

from __future__ import annotations

import dataclasses

import pytest

from coach.core.session.clock import FakeClock, ScaledClock
from coach.core.session.events import (
    HoldStarted,
    PainRated,
    Phase,
    PhaseStarted,
    RepCompleted,
    SessionEnded,
    SessionStarted,
    TonesSwitched,
)
from coach.core.vocabulary import Outcome, Side
from tests.core.session.support import exercise, run_for, run_to_end, session_of


def phases(events):
    return [e.phase for e in events if isinstance(e, PhaseStarted)]


def reps(events):
    return [e for e in events if isinstance(e, RepCompleted)]


M, H, R = Phase.MOVE_IN, Phase.HOLD, Phase.RELEASE


def test_state_before_and_at_start():
    session, _ = session_of(exercise(reps=3, hold=10), exercise("cat-cow"))
    state = session.state
    assert (state.phase, state.seconds_left, state.finished) == (Phase.LEAD_IN, 5, False)
    events = session.start()
    assert events[0] == SessionStarted("test-routine", "Test routine", 6)
    assert events[1:] == [PhaseStarted(Phase.LEAD_IN, 5.0)]
    assert session.start() == []  # starting twice does nothing
    state = session.state
    assert (state.rep, state.reps, state.set, state.sets, state.side) == (1, 3, 1, 1, None)
    assert state.exercise.id == "knee-hug" and state.next_exercise.id == "cat-cow"
    assert state.next_phase is Phase.MOVE_IN and state.reps_planned == 6


def test_one_sided_exercise_runs_lead_in_move_hold_release_per_rep():
    session, clock = session_of(exercise(reps=2, hold=10, move=2, release=3))
    events = session.start() + run_to_end(session, clock, step=0.5)
    assert phases(events) == [Phase.LEAD_IN, M, H, R, M, H, R, Phase.DONE]
    assert [(r.rep, r.side, r.actual_hold_s, r.skipped) for r in reps(events)] == [
        (1, None, 10.0, False),
        (2, None, 10.0, False),
    ]
    assert events[-1] == SessionEnded(Outcome.COMPLETED, 2, 0)
    assert clock.now() - 100 == pytest.approx(5 + 2 * (2 + 10 + 3), abs=0.5)
    assert session.state.phase is Phase.DONE and session.state.finished


def test_seconds_left_comes_from_the_deadline_not_from_ticks():
    session, clock = session_of(exercise(reps=1, hold=10, move=2))
    session.start()
    clock.advance(3.7)  # a late tick, still inside the 5 s lead-in
    session.tick()
    assert session.state.seconds_left == pytest.approx(1.3)
    clock.advance(4.0)  # one tick covers the rest of lead-in and all of move-in
    events = session.tick()
    assert phases(events) == [M, H]
    assert session.state.phase is H
    assert session.state.seconds_left == pytest.approx(10 - 0.7)  # hold began at t=7, not now
    # Reading the state many times between ticks changes nothing.
    assert [session.state.seconds_left for _ in range(3)] == [pytest.approx(9.3)] * 3


def test_each_side_does_all_left_reps_then_switches_with_a_lead_in():
    session, clock = session_of(exercise(sides="each", reps=2, hold=5))
    events = session.start() + run_to_end(session, clock)
    assert phases(events) == [
        Phase.LEAD_IN,
        M,
        H,
        R,
        M,
        H,
        R,
        Phase.SWITCH_SIDE,
        Phase.LEAD_IN,
        M,
        H,
        R,
        M,
        H,
        R,
        Phase.DONE,
    ]
    assert [(r.side, r.rep) for r in reps(events)] == [
        ("left", 1),
        ("left", 2),
        ("right", 1),
        ("right", 2),
    ]
    assert [e.side for e in events if isinstance(e, HoldStarted)] == [Side.LEFT] * 2 + [
        Side.RIGHT
    ] * 2
    assert session.reps_planned == 4


def test_alternate_sides_count_reps_per_side():
    session, clock = session_of(exercise(sides="alternate", reps=2, hold=4))
    events = session.start() + run_to_end(session, clock)
    assert phases(events) == [Phase.LEAD_IN] + [M, H, R] * 4 + [Phase.DONE]
    assert [(r.side, r.rep) for r in reps(events)] == [
        ("left", 1),
        ("right", 1),
        ("left", 2),
        ("right", 2),
    ]
    assert [e.side for e in events if isinstance(e, HoldStarted)] == ["left", "right"] * 2
    assert session.state.reps_done == 4 == session.reps_planned


def test_state_during_the_right_side():
    session, clock = session_of(exercise(sides="each", reps=2, hold=5, move=1, release=1))
    session.start()
    run_for(session, clock, 5 + 2 * 7 + 5 + 5 + 1 + 1)  # into the first right-side hold
    state = session.state
    assert (state.phase, state.side, state.rep, state.reps) == (H, "right", 1, 2)
    assert state.seconds_left == pytest.approx(4)


def test_sets_rest_between_them_then_lead_in():
    session, clock = session_of(exercise(reps=2, sets=2, rest=30, hold=5))
    events = session.start() + run_to_end(session, clock)
    assert phases(events) == [
        Phase.LEAD_IN,
        M,
        H,
        R,
        M,
        H,
        R,
        Phase.REST,
        Phase.LEAD_IN,
        M,
        H,
        R,
        M,
        H,
        R,
        Phase.DONE,
    ]
    assert PhaseStarted(Phase.REST, 30.0) in events
    assert [(r.set, r.rep) for r in reps(events)] == [(1, 1), (1, 2), (2, 1), (2, 2)]


def test_rest_state_names_the_set_that_comes_next():
    session, clock = session_of(exercise(reps=1, sets=3, rest=20, hold=5, move=1, release=1))
    session.start()
    run_for(session, clock, 5 + 7 + 1)
    state = session.state
    assert (state.phase, state.set, state.sets, state.rep) == (Phase.REST, 2, 3, 1)


def test_walk_between_reps_but_not_after_the_last():
    session, clock = session_of(exercise(reps=3, walk=20, hold=5))
    events = session.start() + run_to_end(session, clock)
    assert phases(events) == [
        Phase.LEAD_IN,
        M,
        H,
        R,
        Phase.WALK,
        M,
        H,
        R,
        Phase.WALK,
        M,
        H,
        R,
        Phase.DONE,
    ]
    assert PhaseStarted(Phase.WALK, 20.0) in events


def test_walk_is_not_added_before_a_rest_or_a_side_switch():
    session, clock = session_of(exercise(sides="each", reps=2, sets=2, rest=10, walk=8))
    events = session.start() + run_to_end(session, clock)
    got = phases(events)
    for i, phase in enumerate(got):
        if phase is Phase.WALK:
            assert got[i + 1] is M
    assert got.count(Phase.WALK) == 4  # one between the two reps of each side, in each set


def test_hold_zero_skips_the_hold_and_logs_the_rep_after_release():
    session, clock = session_of(exercise("cat-cow", reps=2, hold=0))
    events = session.start() + run_to_end(session, clock)
    assert phases(events) == [Phase.LEAD_IN, M, R, M, R, Phase.DONE]
    assert not [e for e in events if isinstance(e, HoldStarted)]
    assert [(r.planned_hold_s, r.actual_hold_s, r.skipped) for r in reps(events)] == [
        (0.0, 0.0, False)
    ] * 2


def test_next_exercise_starts_with_its_own_lead_in():
    session, clock = session_of(exercise(reps=1, hold=3), exercise("b", reps=1, hold=3))
    events = session.start() + run_to_end(session, clock)
    assert [e.exercise_id for e in events if isinstance(e, HoldStarted)] == ["knee-hug", "b"]
    assert phases(events) == [Phase.LEAD_IN, M, H, R, Phase.LEAD_IN, M, H, R, Phase.DONE]
    assert [r.item for r in reps(events)] == [0, 1]


def test_depth_grows_from_gentle_to_full_on_each_side():
    session, clock = session_of(exercise(sides="each", reps=5, hold=2, move=1, release=1))
    session.start()
    depths: dict[tuple[str, int], float] = {}
    while not session.finished:
        state = session.state
        if state.phase is H:
            depths[(state.side, state.rep)] = state.depth
        clock.advance(0.5)
        session.tick()
    left = [depths[("left", n)] for n in range(1, 6)]
    assert left == pytest.approx([0.6, 0.7, 0.8, 0.9, 1.0])
    assert [depths[("right", n)] for n in range(1, 6)] == left


def test_single_rep_is_done_at_full_depth():
    session, _ = session_of(exercise(reps=1))
    assert session.state.depth == 1.0


def test_routine_items_may_repeat_an_exercise():
    session, clock = session_of(exercise(reps=1, hold=2), exercise(reps=1, hold=2))
    events = session.start() + run_to_end(session, clock)
    assert [(r.exercise_id, r.item) for r in reps(events)] == [("knee-hug", 0), ("knee-hug", 1)]


def test_pain_and_tones_are_commands_that_come_back_as_events():
    session, clock = session_of(exercise(reps=1, hold=2))
    assert session.rate_pain("before", 4) == [PainRated("before", 4)], "also before the start"
    session.start()
    assert session.switch_tones(True) == [TonesSwitched(muted=True)]
    assert session.rate_pain("before", None) == [PainRated("before", None)]
    run_to_end(session, clock)
    assert session.rate_pain("after", 0) == [PainRated("after", 0)], "also after the end"
    with pytest.raises(ValueError):
        session.rate_pain("after", 11)
    with pytest.raises(ValueError):
        session.rate_pain("during", 2)  # type: ignore[arg-type]


def test_events_are_frozen():
    event = RepCompleted("x", None, 1, 1, 10.0, 10.0, False, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.skipped = True  # type: ignore[misc]


def test_fake_and_scaled_clocks():
    clock = FakeClock(3)
    clock.advance(2)
    clock.set(10)
    assert clock.now() == 10
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.set(9)
    real = FakeClock(50)
    scaled = ScaledClock(60, source=real.now)
    real.advance(1.5)
    assert scaled.now() == pytest.approx(90) and scaled.scale == 60
    with pytest.raises(ValueError):
        ScaledClock(0)


def test_the_system_clock_is_monotonic_real_time():
    import time

    from coach.core.session.clock import SystemClock

    clock = SystemClock()
    first = clock.now()
    time.sleep(0.02)
    assert clock.scale == 1 and 0.015 < clock.now() - first < 1
