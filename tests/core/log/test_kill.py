"""Kill -9 a player mid-session: every rep it committed is in the log, and the
session shows as `interrupted` the next time the log is opened."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coach.core.log.store import SessionLog

ROOT = Path(__file__).resolve().parents[3]
TIME_SCALE = 25  # a ~4 s rep takes ~0.16 s

# The same engine + recorder the player uses, headless, on a fast clock. It
# prints "session ID", then one line per rep after that rep is committed.
RUNNER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.core.headless import play_headless
    from tests.core.log.headless_runner import echo
    from tests.core.session.support import exercise, routine_of
    routine, catalog = routine_of(
        exercise("knee-hug", sides="each", reps=4, hold=2, move=1, release=1, walk=1),
        exercise("cat-cow", hold=0, reps=4, move=1, release=1),
        exercise("child-pose", reps=2, hold=10, move=1, release=1))
    play_headless(routine, Path(sys.argv[1]), float(sys.argv[2]), catalog=catalog,
                  on_logged=echo(sys.stdout))
""")
PLANNED = 14


def rep_key(line: str) -> tuple[int, str | None, int, int]:
    _, item, side, set_no, rep, _state = line.split()
    return int(item), None if side == "-" else side, int(set_no), int(rep)


def play_and_kill(
    data_dir: Path, *, after_reps: int | None = None, after_seconds: float | None = None
) -> tuple[int, list[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(data_dir), str(TIME_SCALE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        session_id = int(child.stdout.readline().split()[1])
        printed: list[str] = []
        if after_reps is not None:
            while len(printed) < after_reps:
                line = child.stdout.readline()
                assert line, "the runner finished before the kill point"
                printed.append(line)
            # Still being played: a second opener must not call it interrupted.
            with SessionLog.open(data_dir) as log:
                assert log.sessions()[0].outcome is None
        else:
            time.sleep(after_seconds or 0)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        printed += child.stdout.readlines()  # reps committed while we were not reading
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return session_id, printed


def check_log(data_dir: Path, session_id: int, printed: list[str]) -> None:
    assert 0 < len(printed) < PLANNED, "the kill must land mid-session"
    with SessionLog.open(data_dir) as log:
        [record] = log.sessions()
        logged = {(r.item, r.side, r.set, r.rep) for r in log.reps(session_id)}
    must_have = {rep_key(line) for line in printed}
    assert must_have <= logged  # nothing committed was lost
    assert len(logged) <= len(must_have) + 1  # at most the rep whose line was not printed yet
    assert record.outcome == "interrupted" and record.reps_done == len(logged)
    assert list((data_dir / "live-sessions").iterdir()) == []

    history = subprocess.run(
        [sys.executable, "-m", "coach", "history", "--json", "--data-dir", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert history.returncode == 0, history.stderr
    [shown] = json.loads(history.stdout)
    assert shown["outcome"] == "interrupted" and len(shown["reps"]) == len(logged)


@pytest.mark.parametrize("after_reps", [1, 4, 8, 12])
def test_reps_committed_before_a_kill_survive_it(data_dir, after_reps):
    session_id, printed = play_and_kill(data_dir, after_reps=after_reps)
    check_log(data_dir, session_id, printed)


def test_a_kill_at_an_arbitrary_moment(data_dir):
    """Not lined up with a rep: usually mid-hold or mid-walk."""
    session_id, printed = play_and_kill(data_dir, after_seconds=1.37)
    check_log(data_dir, session_id, printed)
