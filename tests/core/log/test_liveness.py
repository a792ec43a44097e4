"""A session whose process died becomes `interrupted`; one still being played
by a live process never does, whoever opens the log."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from coach.core.log.store import DB_NAME, SessionLog

ROOT = Path(__file__).resolve().parents[3]

# A second process that begins a session, logs one rep, says so, then waits.
PLAYER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.core.log.store import SessionLog
    log = SessionLog.open(Path(sys.argv[1]))
    sid = log.begin_session("desk-break", "Desk break", 4)
    log.record_rep(sid, item=0, exercise_id="x", side=None, set=1, rep=1,
                   planned_hold_s=10, actual_hold_s=10, skipped=False)
    print(sid, flush=True)
    sys.stdin.read()  # play until the test closes stdin (or kills us)
    log.end_session(sid, "completed")
""")


@pytest.fixture
def player(data_dir):
    proc = subprocess.Popen(
        [sys.executable, "-c", PLAYER, str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    session_id = int(proc.stdout.readline())
    yield proc, session_id
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    proc.stdin.close()
    proc.stdout.close()


def outcome(log, session_id):
    return {s.id: s.outcome for s in log.sessions()}[session_id]


def test_a_live_session_in_another_process_is_left_alone(data_dir, player):
    proc, sid = player
    for _ in range(3):  # the History window, `coach history`, a second player...
        with SessionLog.open(data_dir) as log:
            assert log.mark_interrupted() == 0
            assert outcome(log, sid) is None
    proc.stdin.close()
    assert proc.wait(timeout=10) == 0
    with SessionLog.open(data_dir) as log:
        assert outcome(log, sid) == "completed"


def test_a_killed_owner_makes_the_session_interrupted_with_its_reps(data_dir, player):
    proc, sid = player
    with SessionLog.open(data_dir) as log:  # opened while the owner lives...
        assert outcome(log, sid) is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        record = log.sessions()[0]  # ...and still notices the death
        last_rep = log.reps(sid)[-1]
    assert record.outcome == "interrupted" and record.reps_done == 1
    assert record.ended == last_rep.at
    assert list((data_dir / "live-sessions").iterdir()) == []  # the leftover lock is gone


def test_a_reused_pid_does_not_keep_a_dead_session_open(data_dir, player):
    proc, sid = player
    proc.kill()
    proc.wait(timeout=10)
    # The dead owner's pid now belongs to a live process (here: this one's parent).
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("UPDATE sessions SET pid = ? WHERE id = ?", (os.getppid(), sid))
    with SessionLog.open(data_dir) as log:
        assert outcome(log, sid) == "interrupted"


def test_a_second_log_in_the_same_process_sees_the_session_as_live(data_dir):
    with SessionLog.open(data_dir) as first:
        sid = first.begin_session("r", "R", 1)
        with SessionLog.open(data_dir) as second:
            assert second.mark_interrupted() == 0 and outcome(second, sid) is None
        first.end_session(sid, "stopped")
        assert outcome(first, sid) == "stopped"


def test_closing_the_log_mid_session_leaves_it_to_be_marked_interrupted(data_dir):
    log = SessionLog.open(data_dir)
    sid = log.begin_session("r", "R", 1)
    log.close()
    with SessionLog.open(data_dir) as log:
        assert outcome(log, sid) == "interrupted"


def test_rows_from_before_lock_files_fall_back_to_the_pid(data_dir):
    with SessionLog.open(data_dir) as log:
        alive = log.begin_session("r", "alive", 1)
        dead = log.begin_session("r", "dead", 1)
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("UPDATE sessions SET owner = NULL, outcome = NULL, ended = NULL")
        db.execute("UPDATE sessions SET pid = ? WHERE id = ?", (os.getppid(), alive))
        db.execute("UPDATE sessions SET pid = 4194305 WHERE id = ?", (dead,))
    with SessionLog.open(data_dir) as log:
        assert outcome(log, alive) is None
        assert outcome(log, dead) == "interrupted"


def test_a_forged_owner_token_cannot_point_outside_the_lock_folder(data_dir):
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("r", "R", 1)
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("UPDATE sessions SET owner = '../../etc/passwd', outcome = NULL")
    with SessionLog.open(data_dir) as log:
        assert outcome(log, sid) == "interrupted"
