"""Benchmark suite: `python -m tests.bench [--json] [--quick] [--only NAME ...]`.

Prints one line per metric (name, value, unit, goal). Each metric lives in a
module of this package with `run(quick: bool) -> dict[str, float]`; a module
that fails is reported and the others still run. With `--gate K` the exit
status is 1 when a figure is worse than K times its goal (CI uses K=3, so
noise on a shared machine never turns it red but a gross regression does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARK = "BENCH-JSON "


@dataclass(frozen=True)
class Metric:
    name: str
    module: str
    unit: str
    goal: float
    what: str


METRICS = (
    Metric("startup_s", "startup", "s", 0.35, "process start to main window shown (median, cold)"),
    Metric("paint_p99_ms", "paint", "ms", 4.0, "figure paint per frame at 800x800, p99"),
    Metric("play_cpu_hold_percent", "play", "%", 1.0, "desk-break's 10 s hold, real window (Xvfb)"),
    Metric("play_cpu_walk_percent", "play", "%", 3.0, "desk-break's walk, real window (Xvfb)"),
    Metric("play_cpu_leadin_percent", "play", "%", 1.0, "a desk-break lead-in, real window"),
    Metric("play_rss_mb", "play", "MB", 75.0, "resident memory while playing, tones and voice on"),
    Metric("play_rss_muted_mb", "play", "MB", 75.0, "the same, tones and voice off"),
    Metric("rss_growth_mb", "long_session", "MB", 2.0, "RSS growth over 2 h 5 min, ~75,000 frames"),
    Metric(
        "drift_ms", "long_session", "ms", 17.0, "displayed time-left error after 30+ simulated min"
    ),
    Metric("history_open_ms", "history_open", "ms", 300.0, "History over ten years of data"),
    Metric(
        "first_open_ms",
        "history_open",
        "ms",
        300.0,
        "the same, first open in a fresh process (imports pyqtgraph)",
    ),
    Metric("pdf_20_cards_s", "pdf_cards", "s", 1.5, "a 20-card routine to PDF"),
    Metric("rep_commit_p99_ms", "rep_commit", "ms", 5.0, "committing one rep, p99"),
)


def run(names: set[str] | None, quick: bool) -> tuple[dict[str, float], dict[str, str]]:
    results: dict[str, float] = {}
    failures: dict[str, str] = {}
    done_modules: set[str] = set()
    for metric in METRICS:
        if names and metric.name not in names:
            continue
        if metric.module in done_modules:
            continue
        done_modules.add(metric.module)
        try:
            results.update(_run_module(metric.module, quick))
        except Exception as exc:  # one broken benchmark must not hide the others
            failures[metric.module] = f"{type(exc).__name__}: {exc}"
    return results, failures


def _run_module(name: str, quick: bool) -> dict[str, float]:
    """Each module runs in its own process: one QApplication each, and memory
    figures that no other benchmark has touched."""
    code = (
        f"import json; from tests.bench import {name} as m; "
        f"print('{MARK}' + json.dumps(m.run(quick={quick!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=1200
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"exit {done.returncode}: {tail}")
    return {key: float(value) for key, value in json.loads(lines[-1][len(MARK) :]).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (CI)")
    parser.add_argument("--only", nargs="*", metavar="NAME", help="only these metrics")
    parser.add_argument(
        "--gate",
        type=float,
        default=0.0,
        metavar="K",
        help="exit 1 when a figure is worse than K x its goal",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = set(args.only) if args.only else None
    results, failures = run(names, args.quick)

    wanted = [m for m in METRICS if not names or m.name in names]
    bad = [m.name for m in wanted if m.name not in results]
    if args.json:
        shown_json = {m.name: results.get(m.name) for m in wanted}
        # Everything else the modules measured: spreads over runs, run counts.
        shown_json.update({k: v for k, v in results.items() if k not in shown_json})
        print(json.dumps(shown_json, indent=2))
    else:
        for m in wanted:
            value = results.get(m.name)
            shown = "missing" if value is None else f"{value:.3g}"
            mark = "" if value is None else ("ok" if value <= m.goal else "OVER GOAL")
            goal = f"goal {m.goal:g} {m.unit}"
            spread = results.get(f"{m.name}_spread")
            what = m.what if spread is None else f"{m.what} (spread {spread:.2g})"
            print(f"{m.name:<23} {shown:>8} {m.unit:<3} {goal:<13} {mark:<9} {what}")
    for module, error in failures.items():
        print(f"bench: {module} failed: {error}", file=sys.stderr)
    if args.gate:
        gross = [
            m.name for m in wanted if m.name in results and results[m.name] > args.gate * m.goal
        ]
        if gross or bad:
            print(
                f"bench: gross regression or missing figure: {', '.join(gross + bad)}",
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
