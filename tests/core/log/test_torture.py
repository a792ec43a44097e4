"""Many processes on one log, with kill -9: nothing acknowledged is lost.

Each trial (seeded, so a failure can be replayed) starts from an existing
log and runs, all as real processes at once:

- one to three *players*, each writing a session's reps to the log through
  SessionLog and printing a line only after each write returned (so a
  printed rep is an acknowledged rep), then ending the session as
  `completed` and printing that too;
- `coach history --json` in a loop;
- a process opening and closing the log through SessionLog in a loop;
- the `sqlite3` shell reading the log in a loop;

and then kills players (and the others) with SIGKILL at random moments.
Afterwards every acknowledged rep is in the log, every session that said it
ended says `completed`, every killed session is closed as `interrupted`
(or `completed` if it got that far) on the next open, no reader crashed, and
`PRAGMA integrity_check` says ok.

The players use SessionLog directly rather than the engine, so this checks
the log under contention on its own; tests/core/log/test_kill.py checks the
engine + recorder path under a kill.

Run it by hand for figures: `python -m tests.core.log.test_torture 200`.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coach.core.log.store import DB_NAME, SessionLog

ROOT = Path(__file__).resolve().parents[3]
TRIALS = int(os.environ.get("COACH_TORTURE_TRIALS", "50"))
SQLITE3 = shutil.which("sqlite3")

PLAYER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from coach.core.log.store import SessionLog
    data, reps, gap = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    log = SessionLog.open(data)
    sid = log.begin_session("desk-break", "Desk break", reps, pain_before=3)
    print("session", sid, flush=True)
    for n in range(reps):
        time.sleep(gap)
        log.record_rep(sid, item=n // 4, exercise_id="knee-to-chest",
                       side="left" if n % 2 else "right", set=1, rep=n,
                       planned_hold_s=15, actual_hold_s=15, skipped=n % 7 == 3)
        print("rep", n, flush=True)
    log.set_pain(sid, after=2)
    log.end_session(sid, "completed")
    print("end", flush=True)
    log.close()
""")

OPENER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from coach.core.errors import CoachError
    from coach.core.log.store import SessionLog
    while True:
        try:
            with SessionLog.open(Path(sys.argv[1])) as log:
                log.sessions()
        except CoachError as exc:  # a sentence for the user (locked, say): allowed
            print("sentence", exc, file=sys.stderr, flush=True)
        except Exception as exc:
            print("BUG", type(exc).__name__, exc, file=sys.stderr, flush=True)
        time.sleep(0.01)
""")


@dataclass
class Player:
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.split("\n")[0])

    @property
    def session(self) -> int | None:
        found = [int(line.split()[1]) for line in self.lines if line.startswith("session ")]
        return found[0] if found else None

    @property
    def acked(self) -> set[int]:
        return {int(line.split()[1]) for line in self.lines if line.startswith("rep ")}

    @property
    def ended(self) -> bool:
        return "end" in self.lines


@dataclass
class Trial:
    seed: int
    acked: int = 0
    lost: int = 0
    sessions_wrong: int = 0
    integrity: str = "ok"
    reader_crashes: int = 0
    problems: list[str] = field(default_factory=list)


def _spawn(argv: list[str], **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        text=True,
        start_new_session=True,  # its own process group: a kill takes its children too
        **kwargs,  # type: ignore[call-overload]
    )


def _kill(process: subprocess.Popen[str]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _seed_log(data_dir: Path) -> None:
    """An existing log: the lock bug needs one (a first start hid it)."""
    with SessionLog.open(data_dir) as log:
        sid = log.begin_session("bedtime-five", "Bedtime five", 1)
        log.record_rep(
            sid,
            item=0,
            exercise_id="pelvic-tilt",
            side=None,
            set=1,
            rep=1,
            planned_hold_s=5,
            actual_hold_s=5,
            skipped=False,
        )
        log.end_session(sid, "completed")


def run_trial(seed: int, folder: Path) -> Trial:
    rng = random.Random(seed)
    trial = Trial(seed)
    data_dir = folder / f"trial-{seed}"
    _seed_log(data_dir)
    db = data_dir / DB_NAME
    err_log = folder / f"trial-{seed}.stderr"
    python = sys.executable
    codes = folder / f"trial-{seed}.codes"
    others = [
        _spawn(
            [
                "bash",
                "-c",
                f'while :; do "{python}" -m coach history --json --data-dir "$0" >/dev/null'
                f' 2>>"{err_log}"; echo $? >>"{codes}"; done',
                str(data_dir),
            ]
        ),
    ]
    with open(err_log, "a") as opener_err:
        others.append(_spawn([python, "-c", OPENER, str(data_dir)], stderr=opener_err))
    if SQLITE3:
        others.append(
            _spawn(
                [
                    "bash",
                    "-c",
                    f'while :; do "{SQLITE3}" "$0" "SELECT count(*) FROM reps;"'
                    f" >/dev/null 2>&1; sleep 0.01; done",
                    str(db),
                ]
            )
        )
    players: list[Player] = []
    kill_at: list[float | None] = []
    for _n in range(rng.randint(1, 3)):
        reps = rng.randint(6, 24)
        gap = rng.uniform(0.005, 0.03)
        process = _spawn(
            [python, "-c", PLAYER, str(data_dir), str(reps), f"{gap:.4f}"],
            stdout=subprocess.PIPE,
        )
        player = Player(process)
        player.reader = threading.Thread(target=player.drain, daemon=True)
        player.reader.start()
        players.append(player)
        # Most are killed somewhere in their session; some run to the end.
        kill_at.append(None if rng.random() < 0.3 else rng.uniform(0.05, reps * gap + 0.2))
    started = time.monotonic()
    pending = list(zip(players, kill_at, strict=True))
    deadline = started + 8.0
    while pending and time.monotonic() < deadline:
        now = time.monotonic() - started
        for item in list(pending):
            player, at = item
            if player.process.poll() is not None:
                pending.remove(item)
            elif at is not None and now >= at:
                _kill(player.process)
                pending.remove(item)
        time.sleep(0.005)
    for player in players:
        if player.process.poll() is None:
            _kill(player.process)
            trial.problems.append("a player did not finish in time")
        assert player.reader is not None
        player.reader.join(timeout=10)
        if player.process.stdout:
            player.process.stdout.close()
    time.sleep(rng.uniform(0.0, 0.1))  # the readers go on a little after the players stop
    for process in others:
        _kill(process)

    # -- what the log says ---------------------------------------------------
    with closing(sqlite3.connect(db)) as check:
        rows = check.execute("PRAGMA integrity_check").fetchall()
        trial.integrity = "; ".join(str(r[0]) for r in rows[:3])
        logged_reps: dict[int, set[int]] = {}
        for sid, rep in check.execute("SELECT session_id, rep_no FROM reps"):
            logged_reps.setdefault(sid, set()).add(rep)
        outcomes = dict(check.execute("SELECT id, outcome FROM sessions"))
    if trial.integrity != "ok":
        trial.problems.append(f"integrity_check: {trial.integrity}")
    if outcomes.get(1) != "completed":
        trial.problems.append("the session logged before the trial is gone")
        trial.sessions_wrong += 1
    for player in players:
        sid, acked = player.session, player.acked
        trial.acked += len(acked)
        if sid is None:
            continue  # killed before its session was acknowledged
        lost = acked - logged_reps.get(sid, set())
        trial.lost += len(lost)
        if lost:
            trial.problems.append(f"session {sid}: {len(lost)} acknowledged reps missing")
        if sid not in outcomes or (player.ended and outcomes[sid] != "completed"):
            trial.sessions_wrong += 1
            trial.problems.append(
                f"session {sid} ended normally but the log says {outcomes.get(sid, 'nothing')}"
            )
    # The next start closes what the kills left open.
    try:
        with SessionLog.open(data_dir) as log:
            after = {r.id: r.outcome for r in log.sessions()}
    except Exception as exc:
        trial.problems.append(f"the next start failed: {exc}")
        after = {}
    for player in players:
        sid = player.session
        if sid is not None and after.get(sid) not in ("completed", "interrupted"):
            trial.sessions_wrong += 1
            trial.problems.append(f"session {sid} is {after.get(sid)} after the next start")
    if codes.exists():
        trial.reader_crashes = sum(
            1 for code in codes.read_text().split() if code not in ("0", "1", "137")
        )
    trial.reader_crashes += err_log.read_text().count("BUG ")
    if trial.reader_crashes:
        trial.problems.append(f"readers crashed {trial.reader_crashes} times")
    return trial


def run_trials(count: int, folder: Path, first_seed: int = 0) -> list[Trial]:
    return [run_trial(seed, folder) for seed in range(first_seed, first_seed + count)]


def summary(trials: list[Trial]) -> str:
    bad = [t for t in trials if t.problems]
    return (
        f"{len(trials) - len(bad)}/{len(trials)} trials clean; "
        f"acknowledged reps {sum(t.acked for t in trials)}, lost {sum(t.lost for t in trials)}; "
        f"sessions wrong {sum(t.sessions_wrong for t in trials)}; "
        f"integrity failures {sum(t.integrity != 'ok' for t in trials)}; "
        f"reader crashes {sum(t.reader_crashes for t in trials)}"
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the lock semantics tested are Linux's")
def test_many_processes_and_kills_lose_nothing(tmp_path):
    started = time.monotonic()
    trials = run_trials(TRIALS, tmp_path)
    spent = time.monotonic() - started
    bad = [t for t in trials if t.problems]
    details = "\n".join(f"seed {t.seed}: {'; '.join(t.problems)}" for t in bad[:10])
    assert not bad, f"{summary(trials)} in {spent:.0f} s\n{details}"
    assert sum(t.acked for t in trials) > 0


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else TRIALS
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["COACH_DATA_DIR"] = scratch
        t0 = time.monotonic()
        results = run_trials(count, Path(scratch))
        print(f"{summary(results)} in {time.monotonic() - t0:.0f} s")
        for result in results:
            if result.problems:
                print(f"seed {result.seed}: {'; '.join(result.problems)}")
