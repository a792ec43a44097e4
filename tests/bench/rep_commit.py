"""Committing one rep to the session log (what happens at the end of every
hold while the player runs): median and p99 over many reps, WAL checkpoints
included. `python -m tests.bench.rep_commit` prints the figures."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from coach.core.log.store import SessionLog


def run(quick: bool = False) -> dict[str, float]:
    reps = 300 if quick else 3000
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder, SessionLog.open(Path(folder)) as log:
        session = log.begin_session("bench", "Benchmark", reps)
        for n in range(reps):
            start = time.perf_counter()
            log.record_rep(
                session,
                item=n // 40,
                exercise_id="knee-to-chest",
                side=("left", "right")[n % 2],
                set=1,
                rep=n % 40 + 1,
                planned_hold_s=15,
                actual_hold_s=14.98,
                skipped=n % 9 == 0,
            )
            timings.append((time.perf_counter() - start) * 1000)
        log.end_session(session, "completed")
    timings.sort()
    return {
        "rep_commit_p99_ms": timings[min(len(timings) - 1, int(len(timings) * 0.99))],
        "rep_commit_median_ms": statistics.median(timings),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:<22} {value:.3f} ms")
