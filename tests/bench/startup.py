"""startup_s: process start to main window shown, median of several cold runs.

Each run is a fresh `python -m coach` process on an empty data directory; the
app prints the monotonic time once its first window has been shown (hidden
COACH_REPORT_SHOWN switch) and quits. CLOCK_MONOTONIC is system-wide on Linux,
so parent and child times compare directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from tests.bench.procstat import median


def one_run() -> float:
    with tempfile.TemporaryDirectory() as data:
        env = dict(
            os.environ,
            COACH_DATA_DIR=data,
            COACH_REPORT_SHOWN="1",
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        start = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "coach"], env=env, capture_output=True, text=True, timeout=60
        )
    shown = [line for line in result.stderr.splitlines() if line.startswith("shown ")]
    if result.returncode != 0 or not shown:
        raise RuntimeError(f"the app did not report its window: {result.stderr.strip()[-300:]}")
    return float(shown[-1].split()[1]) - start


def run(quick: bool = False) -> dict[str, float]:
    one_run()  # warm the disk cache once: "cold" means a new process, not a cold disk
    times = [one_run() for _ in range(3 if quick else 9)]
    return {"startup_s": median(times)}


if __name__ == "__main__":
    print(run())
