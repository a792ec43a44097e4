"""The session log: writing, reading, and what it promises about a session."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta, timezone

import pytest

from coach.core.errors import StoreError
from coach.core.log.store import DB_NAME, SessionLog

TZ = timezone(timedelta(hours=2))
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def rep(log, session, n, *, skipped=False, side="left", item=0, at=None):
    log.record_rep(
        session,
        item=item,
        exercise_id="knee-to-chest",
        side=side,
        set=1,
        rep=n,
        planned_hold_s=15,
        actual_hold_s=4.2 if skipped else 15,
        skipped=skipped,
        at=at,
    )


def test_a_session_round_trip(data_dir):
    start = datetime(2024, 5, 1, 8, 30, tzinfo=TZ)
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("desk-break", "Desk break", 6, started=start, pain_before=4)
        rep(log, sid, 1)
        rep(log, sid, 2, skipped=True)
        rep(log, sid, 1, side=None, item=1)
        log.set_pain(sid, after=2)
        log.set_note(sid, "felt looser")
        log.end_session(sid, "completed", ended=start + timedelta(minutes=7, seconds=5))
        [record] = log.sessions()
        reps = log.reps(sid)
    assert (record.routine_id, record.routine_name, record.outcome) == (
        "desk-break",
        "Desk break",
        "completed",
    )
    assert (record.reps_planned, record.reps_done, record.reps_skipped) == (6, 2, 1)
    assert (record.pain_before, record.pain_after, record.note) == (4, 2, "felt looser")
    assert record.started == start and record.duration_s == 425
    assert [(r.rep, r.side, r.skipped, r.actual_hold_s) for r in reps] == [
        (1, "left", False, 15.0),
        (2, "left", True, 4.2),
        (1, None, False, 15.0),
    ]


def test_timestamps_are_local_iso_8601_with_offset(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1)
        rep(log, sid, 1)
        log.end_session(sid, "completed")
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        started, ended = db.execute("SELECT started, ended FROM sessions").fetchone()
        [(at,)] = db.execute("SELECT at FROM reps").fetchall()
    assert all(ISO.fullmatch(text) for text in (started, ended, at))
    local_offset = datetime.now().astimezone().utcoffset()
    assert datetime.fromisoformat(started).utcoffset() == local_offset


def test_the_log_is_in_wal_mode(data_dir):
    """WAL is a property of the file: another connection (the sqlite3 shell,
    a second process) sees it, while the log is open and after."""
    with SessionLog.open(data_dir) as log:
        log.begin_session("r", "R", 1)
        with closing(sqlite3.connect(data_dir / DB_NAME)) as other:
            assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with closing(sqlite3.connect(data_dir / DB_NAME)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_rep_for_no_session_is_refused(data_dir):
    """Foreign keys are enforced: a rep for a session that does not exist is
    refused (it is a bug, so the error stays SQLite's), and nothing is written."""
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1)
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            rep(log, sid + 999, 1)
        rep(log, sid, 1)  # the log goes on working
        assert [r.rep for r in log.reps(sid)] == [1]
    with closing(sqlite3.connect(data_dir / DB_NAME)) as other:
        assert other.execute("SELECT COUNT(*) FROM reps").fetchone() == (1,)


def test_each_rep_is_committed_when_recorded(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 3)
        rep(log, sid, 1)
        # A separate connection (another process, or after a crash) sees it now.
        other = sqlite3.connect(data_dir / DB_NAME)
        assert other.execute("SELECT COUNT(*) FROM reps").fetchone() == (1,)
        other.close()


def test_a_rep_recorded_again_replaces_the_first(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 2)
        rep(log, sid, 1, skipped=True)
        rep(log, sid, 2)
        rep(log, sid, 1)
        [record] = log.sessions()
        assert (record.reps_done, record.reps_skipped) == (2, 0)
        assert [r.rep for r in log.reps(sid)] == [1, 2]  # first-done order kept


def test_sessions_since_a_date_oldest_first(data_dir):
    with SessionLog.open(data_dir) as log:
        for day in (3, 1, 2):
            sid = log.begin_session(
                "r", f"day {day}", 1, started=datetime(2024, 6, day, 23, 50, tzinfo=TZ)
            )
            log.end_session(sid, "completed")
        assert [s.routine_name for s in log.sessions()] == ["day 1", "day 2", "day 3"]
        assert [s.routine_name for s in log.sessions(date(2024, 6, 2))] == ["day 2", "day 3"]
        assert log.sessions(date(2024, 7, 1)) == []


def test_sessions_count_done_and_skipped_reps_from_an_index(data_dir):
    """Each session's counts of done and skipped reps, read through a covering
    index. (How many SQL statements `sessions()` runs is how it is built, not
    what it promises, and could only be seen through the log's private
    connection; the promise, History opening fast over 7,245 sessions, is
    the benchmark `history_open_ms`.)"""
    with SessionLog.open(data_dir) as log:
        for n in range(30):
            sid = log.begin_session("r", "R", 3)
            for k in range(1, 4):
                rep(log, sid, k, skipped=k == n % 4)
            log.end_session(sid, "completed")
        records = log.sessions()
    assert [r.reps_skipped for r in records] == [int(1 <= n % 4 <= 3) for n in range(30)]
    assert [r.reps_done for r in records] == [3 - int(1 <= n % 4 <= 3) for n in range(30)]
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        plan = [
            row[-1]
            for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM reps WHERE session_id = 1 AND skipped = 0"
            )
        ]
    assert any("COVERING INDEX" in step for step in plan)


def test_pain_is_zero_to_ten_and_kept_when_not_given(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1, pain_before=3)
        log.set_pain(sid, after=0)
        with pytest.raises(ValueError):
            log.set_pain(sid, before=11)
        with pytest.raises(ValueError):
            log.begin_session("r", "R", 1, pain_before=-1)
        [record] = log.sessions()
    assert (record.pain_before, record.pain_after) == (3, 0)


def test_delete_takes_the_reps_along_but_not_a_session_being_played(data_dir):
    with SessionLog.open(data_dir) as log:
        done = log.begin_session("r", "R", 1)
        rep(log, done, 1)
        log.end_session(done, "stopped")
        live = log.begin_session("r", "R", 1)
        log.delete_session(done)
        assert log.reps(done) == []
        with pytest.raises(StoreError):
            log.delete_session(live)
        assert [s.id for s in log.sessions()] == [live]


def test_end_session_checks_the_outcome(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1)
        with pytest.raises(ValueError):
            log.end_session(sid, "finished")


def test_ending_a_session_removes_its_lock_file(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1)
        assert len(list((data_dir / "live-sessions").iterdir())) == 1
        log.end_session(sid, "completed")
        assert list((data_dir / "live-sessions").iterdir()) == []


def test_the_data_folder_is_created(tmp_path):
    with SessionLog.open(tmp_path / "a" / "b") as log:
        assert log.path == tmp_path / "a" / "b" / DB_NAME and log.notice is None
