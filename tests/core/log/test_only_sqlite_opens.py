"""Nothing but SQLite opens the log's files while a connection is open.

On Linux, closing *any* descriptor of a file drops every POSIX lock the
process holds on it; another process then believes it is the last user and
deletes the live WAL (SQLite's "How To Corrupt An SQLite Database File",
2.2). An audit hook sees every Python-level open (builtins.open, io.open,
os.open, Path.read_bytes, ...); SQLite's own C-level opens raise no event.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coach.core.log.store import DB_NAME, SessionLog

_watch: dict[str, list[str]] = {}  # watched path -> opens seen (empty when not watching)
_installed = False


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _watch or not args:
        return
    target = args[0]
    if isinstance(target, bytes):
        target = target.decode(errors="replace")
    if isinstance(target, str) and target in _watch:
        _watch[target].append(f"{event} {args[1:]}")


def watch(path: Path) -> dict[str, list[str]]:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)  # hooks cannot be removed: one, idle when nothing is watched
        _installed = True
    _watch.clear()
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        _watch[str(name)] = []
        _watch[str(name.resolve())] = []
    return _watch


def play_some(log: SessionLog, reps: int = 3) -> int:
    sid = log.begin_session("desk-break", "Desk break", reps)
    for n in range(reps):
        log.record_rep(
            sid,
            item=0,
            exercise_id="knee-to-chest",
            side="left",
            set=1,
            rep=n,
            planned_hold_s=15,
            actual_hold_s=15,
            skipped=False,
        )
    return sid


def test_no_python_open_of_the_log_during_open_writes_and_reads(data_dir):
    with SessionLog.open(data_dir) as log:  # an existing log: the case the bug needs
        log.end_session(play_some(log), "completed")
    seen = watch(data_dir / DB_NAME)
    try:
        for _round in range(2):  # the second open finds a WAL or a clean file
            with SessionLog.open(data_dir) as log:
                sid = play_some(log)
                log.set_pain(sid, after=3)
                log.set_note(sid, "fine")
                log.end_session(sid, "completed")
                log.sessions()
                log.reps(sid)
                log.mark_interrupted()
        opened = {path: opens for path, opens in seen.items() if opens}
    finally:
        _watch.clear()
    assert opened == {}


def test_the_hook_sees_a_python_open(data_dir):
    """The check above would pass vacuously if the hook saw nothing."""
    SessionLog.open(data_dir).close()
    seen = watch(data_dir / DB_NAME)
    try:
        (data_dir / DB_NAME).read_bytes()
        hits = sum(len(opens) for opens in seen.values())
    finally:
        _watch.clear()
    assert hits >= 1
