"""startup_s: process start to main window shown, median of several cold runs.

Each run is a fresh process on an empty data directory that runs `coach`
exactly as the command does (`coach.cli.main([])`), with one thing added
from outside: a zero-delay timer, queued before the app starts, that fires
once the event loop runs (the first window is shown and painted by then),
prints the monotonic time and quits. CLOCK_MONOTONIC is system-wide on
Linux, so parent and child times compare directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from tests.bench.procstat import median

# The child: the app's own QApplication (make_qapp, which run_app then
# reuses), the timer, and the command line's entry point.
CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from coach.ui.app import make_qapp
qapp = make_qapp()
def shown():
    print(f"shown {time.monotonic():.6f}", file=sys.stderr, flush=True)
    qapp.quit()
QTimer.singleShot(0, shown)
from coach.cli import main
raise SystemExit(main([]))
"""


def one_run() -> float:
    with tempfile.TemporaryDirectory() as data:
        env = dict(
            os.environ,
            COACH_DATA_DIR=data,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        start = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
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
