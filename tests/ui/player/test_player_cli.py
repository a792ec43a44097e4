"""`coach play` as a user runs it: a real process, offscreen, a fast clock.

The whole routine ends in the log as one completed session with every rep
(the window then stays on the summary, as for a person, so the test ends
the process once the log says the session is over); a process killed
mid-session leaves an `interrupted` session with the reps done so far; an
unknown routine is one sentence before any window opens.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def coach(data_dir: Path, *args: str, **popen) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    env = dict(os.environ, COACH_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "coach", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def history(data_dir: Path) -> list[dict]:  # type: ignore[type-arg]
    proc = coach(data_dir, "history", "--json")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return json.loads(out)


def test_unknown_routine_is_one_sentence(data_dir: Path) -> None:
    proc = coach(data_dir, "play", "no-such-routine")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.startswith("coach: There is no routine called 'no-such-routine'")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (data_dir / "settings").exists(), "nothing was opened"


def test_play_runs_the_whole_routine_and_logs_every_rep(data_dir: Path) -> None:
    proc = coach(data_dir, "play", "desk-break", "--time-scale", "60")
    try:
        wait_for_end(data_dir, proc, timeout=120)
        assert proc.poll() is None, "the player stays open on the summary"
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "Fatal" not in err
    sessions = history(data_dir)
    assert len(sessions) == 1
    session = sessions[0]
    assert session["routine_id"] == "desk-break" and session["outcome"] == "completed"
    assert session["reps_done"] == session["reps_planned"] == len(session["reps"]) > 0
    assert not any(rep["skipped"] for rep in session["reps"])


def test_a_killed_session_is_interrupted_with_its_reps(data_dir: Path) -> None:
    proc = coach(data_dir, "play", "desk-break", "--time-scale", "20")
    try:
        done = wait_for_reps(data_dir / "coach.sqlite3", 2, timeout=90)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    sessions = history(data_dir)
    assert len(sessions) == 1
    session = sessions[0]
    assert session["outcome"] == "interrupted"
    assert len(session["reps"]) >= done >= 2
    assert session["reps_done"] < session["reps_planned"]


def wait_for_end(data_dir: Path, proc: subprocess.Popen, *, timeout: float) -> None:  # type: ignore[type-arg]
    """Poll the log, as `coach history --json` shows it, until its one session has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the player exited early: {proc.communicate()[1][-500:]}"
        sessions = history(data_dir)
        if sessions and sessions[0]["outcome"] is not None:
            return
        time.sleep(0.5)
    raise AssertionError(f"the session had not ended after {timeout} s")


def wait_for_reps(db: Path, count: int, *, timeout: float) -> int:
    """Poll the log read-only until `count` reps are committed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
                    done = con.execute("SELECT COUNT(*) FROM reps").fetchone()[0]
                con.close()
                if done >= count:
                    return int(done)
            except sqlite3.OperationalError:
                pass  # not created yet
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} reps after {timeout} s")
