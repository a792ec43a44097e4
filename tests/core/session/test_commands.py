"""Pause, the heartbeat-gap pause, skip, back and stop, on a fake clock."""

from __future__ import annotations

import pytest

from coach.core.session.clock import FakeClock, ScaledClock
from coach.core.session.engine import Session
from coach.core.session.events import (
    HoldEnded,
    Paused,
    Phase,
    PhaseStarted,
    RepCompleted,
    Resumed,
    SessionEnded,
)
from coach.core.vocabulary import Outcome
from tests.core.session.support import (
    exercise,
    routine_of,
    run_for,
    run_to_end,
    session_of,
)

M, H, R = Phase.MOVE_IN, Phase.HOLD, Phase.RELEASE


def into_first_hold(seconds_in: float = 0.0, **kwargs):
    """A session 5 s lead-in + 2 s move-in + `seconds_in` into a 10 s hold."""
    session, clock = session_of(exercise(**{"reps": 3, "hold": 10, **kwargs}))
    session.start()
    run_for(session, clock, 7 + seconds_in)
    assert session.state.phase is H
    return session, clock


def reps(events):
    return [e for e in events if isinstance(e, RepCompleted)]


def test_pause_freezes_the_deadline_and_resume_continues_it():
    session, clock = into_first_hold(3)
    assert session.pause() == [Paused("user")]
    assert session.pause() == []  # already paused
    for _ in range(40):  # ticks keep coming while paused: nothing moves
        clock.advance(5)
        assert session.tick() == []
    state = session.state
    assert state.paused and state.pause_reason == "user"
    assert state.seconds_left == pytest.approx(7) and state.phase is H
    assert session.resume() == [Resumed()]
    assert session.resume() == []
    events = run_for(session, clock, 7.2)
    assert reps(events)[0].actual_hold_s == pytest.approx(10)
    assert session.state.phase is R


def test_toggle_pause():
    session, clock = into_first_hold(1)
    assert session.toggle_pause() == [Paused("user")]
    clock.advance(30)
    assert session.toggle_pause() == [Resumed()]
    assert session.state.seconds_left == pytest.approx(9)


def test_a_heartbeat_gap_pauses_as_of_the_last_heartbeat():
    session, clock = into_first_hold(2)
    clock.advance(600)  # lid closed for ten minutes: no ticks at all
    events = session.tick()
    assert events == [Paused("gap")]  # the hold is NOT counted as done
    state = session.state
    assert state.paused and state.pause_reason == "gap"
    assert state.phase is H and state.seconds_left == pytest.approx(8)
    clock.advance(1)
    session.resume()
    events = run_for(session, clock, 8.1)
    assert [(r.actual_hold_s, r.skipped) for r in reps(events)] == [(pytest.approx(10), False)]


def test_a_gap_found_by_a_command_pauses_before_the_command_acts():
    session, clock = into_first_hold(2)
    clock.advance(60)
    events = session.skip()
    assert events[0] == Paused("gap")
    rep = reps(events)[0]
    assert rep.skipped and rep.actual_hold_s == pytest.approx(2)  # not 62


def test_a_gap_shorter_than_the_limit_is_just_a_late_tick():
    session, clock = into_first_hold(2)
    clock.advance(4.9)
    assert session.tick() == []
    assert not session.state.paused and session.state.seconds_left == pytest.approx(3.1)


def test_gap_limit_is_in_real_seconds_on_a_scaled_clock():
    real = FakeClock(0)
    routine, catalog = routine_of(exercise(reps=2, hold=600))
    session = Session(routine, catalog, ScaledClock(100, source=real.now), max_gap_s=5)
    session.start()
    real.advance(0.5)  # 50 clock seconds in one tick: fine at 100x
    assert Paused("gap") not in session.tick()
    real.advance(6)  # six real seconds of silence: a real gap
    assert session.tick() == [Paused("gap")]


def test_skip_during_a_hold_logs_the_rep_as_skipped_with_the_time_held():
    session, _ = into_first_hold(4)
    events = session.skip()
    assert events[0] == HoldEnded(pytest.approx(4), True)
    rep = reps(events)[0]
    assert (rep.rep, rep.skipped, rep.planned_hold_s) == (1, True, 10.0)
    assert rep.actual_hold_s == pytest.approx(4)
    assert events[-1] == PhaseStarted(R, 2.0)
    assert session.state.seconds_left == pytest.approx(2)  # the next step starts now, full
    assert (session.state.reps_done, session.state.reps_skipped) == (0, 1)


def test_skip_outside_a_hold_just_moves_on():
    session, _ = session_of(exercise(reps=2, hold=10))
    session.start()
    assert session.skip() == [PhaseStarted(M, 2.0)]
    events = session.skip()
    assert events[0] == PhaseStarted(H, 10.0) and not reps(events)


def test_skip_while_paused_stays_paused_on_the_next_step():
    session, clock = into_first_hold(4)
    session.pause()
    events = session.skip()
    assert reps(events)[0].actual_hold_s == pytest.approx(4)
    clock.advance(30)
    session.tick()
    state = session.state
    assert state.paused and state.phase is R and state.seconds_left == 2


def test_skipping_the_last_step_completes_the_session():
    session, _ = session_of(exercise(reps=2, hold=10))
    events = session.start()
    while not session.finished:
        events += session.skip()
    assert events[-1] == SessionEnded("completed", 0, 2)
    assert [r.actual_hold_s for r in reps(events)] == [0.0, 0.0]


def test_back_from_a_hold_returns_to_move_in_without_logging():
    session, _ = into_first_hold(6)
    events = session.back()
    assert events == [HoldEnded(pytest.approx(6), True), PhaseStarted(M, 2.0)]
    assert session.state.seconds_left == 2 and session.state.rep == 1


def test_back_on_the_first_step_restarts_it():
    session, clock = session_of(exercise())
    session.start()
    run_for(session, clock, 3)
    assert session.back() == [PhaseStarted(Phase.LEAD_IN, 5.0)]
    assert session.state.seconds_left == 5


def test_a_rep_done_again_after_back_replaces_the_first_record():
    session, clock = into_first_hold(2)
    session.skip()  # rep 1 skipped after 2 s
    events = session.back()  # back into rep 1's hold
    assert events == [PhaseStarted(H, 10.0), *events[1:]]
    events = run_for(session, clock, 10.1)
    assert [(r.rep, r.skipped) for r in reps(events)] == [(1, False)]
    assert (session.state.reps_done, session.state.reps_skipped) == (1, 0)
    events = run_to_end(session, clock)
    assert events[-1] == SessionEnded("completed", 3, 0)


def test_back_across_exercises_restarts_the_previous_one_s_last_step():
    session, clock = session_of(exercise(reps=1, hold=3), exercise("b", reps=1, hold=3))
    session.start()
    run_for(session, clock, 5 + 2 + 3 + 2 + 1)  # into b's lead-in
    assert session.state.exercise.id == "b"
    events = session.back()
    assert events == [PhaseStarted(R, 2.0)]
    assert session.state.exercise.id == "knee-hug"


def test_stop_mid_hold_keeps_what_was_done():
    session, clock = session_of(exercise(reps=3, hold=10))
    session.start()
    run_for(session, clock, 7 + 10 + 2 + 2 + 4)  # rep 1 done, 4 s into rep 2's hold
    events = session.stop()
    assert [(r.rep, r.skipped) for r in reps(events)] == [(2, True)]
    assert reps(events)[0].actual_hold_s == pytest.approx(4)
    assert events[-2:] == [PhaseStarted(Phase.STOPPED, 0.0), SessionEnded("stopped", 1, 1)]
    state = session.state
    assert state.finished and state.phase is Phase.STOPPED and state.seconds_left == 0
    for command in (
        session.stop,
        session.tick,
        session.skip,
        session.back,
        session.pause,
        session.resume,
        session.start,
    ):
        assert command() == []  # a session ends exactly once


def test_stop_outside_a_hold_logs_nothing_more_and_pain_is_an_outcome():
    session, clock = session_of(exercise(reps=3, hold=10))
    session.start()
    run_for(session, clock, 1)
    assert session.stop(Outcome.PAIN) == [
        PhaseStarted(Phase.STOPPED, 0.0),
        SessionEnded(Outcome.PAIN, 0, 0),
    ]


def test_stop_while_paused_uses_the_frozen_time():
    session, clock = into_first_hold(3)
    session.pause()
    clock.advance(500)
    events = session.stop()
    assert reps(events)[0].actual_hold_s == pytest.approx(3)


def test_stop_refuses_an_unknown_outcome():
    session, _ = session_of(exercise())
    session.start()
    with pytest.raises(ValueError):
        session.stop(Outcome.COMPLETED)


def test_commands_before_start_do_nothing():
    session, _ = session_of(exercise())
    for command in (session.tick, session.skip, session.back, session.pause, session.stop):
        assert command() == []
    assert not session.state.finished


def test_any_command_counts_as_a_heartbeat():
    session, clock = into_first_hold(1)
    for _ in range(4):  # 12 s without a tick, but commands kept coming
        clock.advance(3)
        assert Paused("gap") not in session.resume()
    state = session.state  # 13 s on: hold and release done, 1 s into rep 2's move-in
    assert (state.phase, state.rep, state.reps_done, state.paused) == (M, 2, 1, False)
