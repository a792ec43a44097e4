"""SessionRecorder: the engine's events become the log, with no help from the UI."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.errors import StoreError
from coach.core.log.recorder import SessionRecorder
from coach.core.log.store import SessionLog
from coach.core.session.events import PainRated, RepCompleted, SessionEnded, SessionStarted
from tests.core.session.support import exercise, run_for, run_to_end, session_of

TZ = timezone(timedelta(hours=-5))


def fixed_now():
    ticks = count()
    return lambda: datetime(2024, 2, 1, 7, 0, tzinfo=TZ) + timedelta(seconds=next(ticks))


def test_a_played_session_is_logged_rep_by_rep(data_dir):
    session, clock = session_of(exercise(sides="each", reps=2, hold=5), exercise("b", reps=1))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log, now=fixed_now())
        assert recorder.handle(session.rate_pain("before", 6)) == [], (
            "kept until the session begins"
        )
        recorder.handle(session.start())
        assert log.sessions()[0].outcome is None  # begun at SessionStarted
        recorder.handle(run_for(session, clock, 5 + 2 + 5))  # first hold over
        assert [r.rep for r in log.reps(recorder.session_id)] == [1]  # committed already
        recorder.handle(run_to_end(session, clock))
        [record] = log.sessions()
        reps = log.reps(recorder.session_id)
    assert record.outcome == "completed" and record.pain_before == 6
    assert (record.reps_done, record.reps_skipped, record.reps_planned) == (5, 0, 5)
    assert [(r.exercise_id, r.side, r.rep) for r in reps] == [
        ("knee-hug", "left", 1),
        ("knee-hug", "left", 2),
        ("knee-hug", "right", 1),
        ("knee-hug", "right", 2),
        ("b", None, 1),
    ]
    assert record.started == datetime(2024, 2, 1, 7, 0, tzinfo=TZ)
    assert record.ended > reps[-1].at


def test_pain_ratings_are_logged_from_their_events(data_dir):
    session, clock = session_of(exercise(reps=1, hold=5))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)
        recorder.handle(session.start())
        assert recorder.handle(session.rate_pain("before", None)) == [], "skipped: nothing kept"
        assert recorder.handle(session.rate_pain("before", 3)) == [PainRated("before", 3)]
        recorder.handle(run_to_end(session, clock))
        recorder.handle(session.rate_pain("after", 1))  # on the summary, after the end
        [record] = log.sessions()
    assert (record.pain_before, record.pain_after) == (3, 1)
    assert record.outcome == "completed"


def test_handle_returns_what_reached_the_log(data_dir):
    session, clock = session_of(exercise(reps=1, hold=5))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)
        written = recorder.handle(session.start()) + recorder.handle(run_to_end(session, clock))
    assert [type(event) for event in written] == [SessionStarted, RepCompleted, SessionEnded]


def test_skips_and_a_pain_stop_are_logged(data_dir):
    session, clock = session_of(exercise(reps=3, hold=10))
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)
        recorder.handle(session.start())
        recorder.handle(run_for(session, clock, 7 + 3))
        recorder.handle(session.skip())
        recorder.handle(session.stop("pain"))
        [record] = log.sessions()
        [rep] = log.reps(recorder.session_id)
    assert (record.outcome, record.reps_done, record.reps_skipped) == ("pain", 0, 1)
    assert rep.skipped and rep.actual_hold_s == 3


def test_a_failing_log_does_not_stop_the_session(data_dir):
    session, clock = session_of(exercise(reps=2, hold=5))
    seen = []
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)
        recorder.handle(session.start())
        real = log.record_rep

        def full_disk(*args, **kwargs):
            raise StoreError("The disk is full.")

        log.record_rep = full_disk  # type: ignore[method-assign]
        seen += recorder.handle(run_for(session, clock, 13))
        assert str(recorder.error) == "The disk is full."
        assert not [e for e in seen if isinstance(e, RepCompleted)]
        log.record_rep = real  # type: ignore[method-assign]
        seen += recorder.handle(run_to_end(session, clock))
        [record] = log.sessions()
    assert record.outcome == "completed" and record.reps_done == 1
    assert len([e for e in seen if isinstance(e, RepCompleted)]) == 1


def test_events_before_the_session_began_are_ignored(data_dir):
    session, clock = session_of(exercise())
    with SessionLog.open(data_dir) as log:
        recorder = SessionRecorder(log)
        session.start()  # the recorder missed SessionStarted
        recorder.handle(run_to_end(session, clock))
        assert log.sessions() == [] and recorder.session_id is None


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(["tick", "skip", "back", "pause", "resume"]), max_size=30),
    st.sampled_from(["none", "each", "alternate"]),
)
def test_a_completed_session_logs_every_planned_rep_once(commands, sides):
    session, clock = session_of(
        exercise(sides=sides, reps=2, sets=2, rest=3, hold=2), exercise("b", hold=0, reps=2)
    )
    folder = Path(tempfile.mkdtemp())
    try:
        with SessionLog.open(folder) as log:
            recorder = SessionRecorder(log)
            recorder.handle(session.start())
            for command in commands:
                clock.advance(1.5)
                recorder.handle(getattr(session, command)())
            recorder.handle(session.resume())
            recorder.handle(run_to_end(session, clock))
            [record] = log.sessions()
            reps = log.reps(record.id)
    finally:
        shutil.rmtree(folder)
    assert record.outcome == "completed" and recorder.error is None
    assert record.reps_done + record.reps_skipped == record.reps_planned == len(reps)
    assert (record.reps_done, record.reps_skipped) == (session.reps_done, session.reps_skipped)
