"""Benchmark: how long History takes to open over ten years of daily use.

About 7,300 sessions and 300,000 rep events are written with executemany
into a temporary database (built once, then cached in the temp folder), and
the History window is constructed, shown and painted once. `run()` returns
the median of ten opens in milliseconds; `python -m tests.bench.history_open`
prints it, once with pyqtgraph imported cold (in a fresh process) and once
warm. The goal is 300 ms or less.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

YEARS = 10
GENERATOR_VERSION = 1  # bump when the generated data changes
ROUTINES = (
    ("desk-break", "Desk break", 8),
    ("bedtime-five", "Bedtime five", 6),
    ("morning-and-night", "Morning and night", 12),
    ("directed-forward-bend", "Directed forward bends", 10),
    ("strength-and-stability", "Strength and stability", 24),
)
EXERCISES = ("knees-to-chest", "forward-fold", "childs-pose", "crossovers", "bridge")
TZ = timezone(timedelta(hours=1))

_SESSION = (
    "INSERT INTO sessions (id, routine_id, routine_name, started, ended, outcome,"
    " reps_planned, pain_before, pain_after, note) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
_REP = (
    "INSERT INTO reps (session_id, item, exercise_id, side, set_no, rep_no, planned_hold_s,"
    " actual_hold_s, skipped, at) VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"stretch-coach-bench-history-v{GENERATOR_VERSION}"


def build_db(folder: Path, today: date, years: int = YEARS, seed: int = 6) -> Path:
    """A log of `years` of near-daily sessions (two a day on average, ~41
    reps each) in `folder`, written in two executemany calls."""
    from coach.core.log.store import SessionLog

    folder.mkdir(parents=True, exist_ok=True)
    SessionLog.open(folder).close()  # creates the schema
    rng = random.Random(seed)
    sessions: list[tuple] = []
    reps: list[tuple] = []
    day = today - timedelta(days=365 * years)
    sid = 0
    while day <= today:
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
            sid += 1
            rid, name, per_item = rng.choice(ROUTINES)
            start = datetime(
                day.year, day.month, day.day, rng.randint(6, 21), rng.randint(0, 59), tzinfo=TZ
            )
            items = rng.randint(3, 5)
            planned = items * per_item
            outcome = rng.choices(("completed", "stopped", "interrupted", "pain"), (85, 9, 4, 2))[0]
            done = planned if outcome == "completed" else rng.randint(1, planned)
            at = start
            for k in range(done):
                hold = rng.choice((10.0, 20.0, 30.0))
                at += timedelta(seconds=hold + 12)
                skipped = rng.random() < 0.05
                reps.append(
                    (
                        sid,
                        k // per_item,
                        EXERCISES[k // per_item % len(EXERCISES)],
                        "",
                        1,
                        k % per_item + 1,
                        hold,
                        0.0 if skipped else hold - rng.random(),
                        int(skipped),
                        at.isoformat(timespec="seconds"),
                    )
                )
            pain = rng.random() < 0.6
            before = rng.randint(2, 8) if pain else None
            sessions.append(
                (
                    sid,
                    rid,
                    name,
                    start.isoformat(timespec="seconds"),
                    at.isoformat(timespec="seconds"),
                    outcome,
                    planned,
                    before,
                    None if before is None else max(0, before - rng.randint(0, 3)),
                    "felt looser" if rng.random() < 0.1 else "",
                )
            )
        day += timedelta(days=1)
    db = sqlite3.connect(folder / "coach.sqlite3")
    with db:
        db.executemany(_SESSION, sessions)
        db.executemany(_REP, reps)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return folder


def cached_db(today: date) -> Path:
    """The generated log for `today`, built on first use and kept in the temp
    folder (a new day builds it afresh, so "the last 30 days" stay full)."""
    folder = cache_dir() / today.isoformat()
    if not (folder / "coach.sqlite3").exists():
        shutil.rmtree(cache_dir(), ignore_errors=True)
        build = folder.with_name(folder.name + f".building-{os.getpid()}")
        build_db(build, today)
        build.rename(folder)
    return folder / "coach.sqlite3"


def working_copy(today: date) -> Path:
    """A fresh copy of the cached log, so a run never changes the cache."""
    work = Path(tempfile.mkdtemp(prefix="stretch-coach-bench-"))
    shutil.copy2(cached_db(today), work / "coach.sqlite3")
    return work


def _open_once(app, log) -> float:
    from coach.ui.history.window import HistoryWindow

    start = time.perf_counter()
    window = HistoryWindow(log)
    window.show()
    window.repaint()  # the first paint, synchronously
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed


def run(quick: bool = False) -> dict:
    """Open History over ten years of sessions; {"history_open_ms": median}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from coach.core.log.store import SessionLog

    work = working_copy(date.today())
    saved = os.environ.get("COACH_DATA_DIR")
    os.environ["COACH_DATA_DIR"] = str(work)  # settings (geometry) stay in the temp copy
    app = QApplication.instance() or QApplication([])
    times = []
    try:
        with SessionLog.open(work) as log:
            for _ in range(3 if quick else 10):
                times.append(_open_once(app, log))
    finally:
        if saved is None:
            os.environ.pop("COACH_DATA_DIR", None)
        else:
            os.environ["COACH_DATA_DIR"] = saved
        shutil.rmtree(work, ignore_errors=True)
    return {
        "history_open_ms": round(statistics.median(times), 1),
        "first_open_ms": round(times[0], 1),
    }


def main() -> int:
    quick = "--quick" in sys.argv
    if "--child" in sys.argv:
        print(run(quick)["first_open_ms"])
        return 0
    cached_db(date.today())  # build the cache outside the timed child
    colds = [
        float(
            subprocess.run(
                [sys.executable, "-m", "tests.bench.history_open", "--child", "--quick"],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(1 if quick else 5)
    ]
    result = run(quick)
    print(f"history_open_ms {result['history_open_ms']} (median, pyqtgraph already imported)")
    print(
        f"history_open_cold_ms {statistics.median(colds)} (median first open in a fresh "
        f"process, pyqtgraph not yet imported)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
