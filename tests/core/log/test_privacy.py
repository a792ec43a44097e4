"""Pain ratings and notes are health data: the log's folder is 0700 and its
database, WAL, shared-memory, lock and marker files 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach.core.log.store import DB_NAME, SessionLog


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_log_is_private(tmp_path, umask_022):
    data = tmp_path / "new" / "coach"
    with SessionLog.open(data) as log:
        sid = log.begin_session("desk-break", "Desk break", 1)
        log.record_rep(
            sid,
            item=0,
            exercise_id="x",
            side=None,
            set=1,
            rep=1,
            planned_hold_s=1,
            actual_hold_s=1,
            skipped=False,
        )
        files = {p.name: mode(p) for p in data.iterdir() if p.is_file()}
        locks = {p.name: mode(p) for p in (data / "live-sessions").iterdir()}
        assert mode(data) == 0o700 and mode(data / "live-sessions") == 0o700
        assert {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"} <= set(files)
        assert set(files.values()) == {0o600}, files
        assert locks and set(locks.values()) == {0o600}, locks
        log.end_session(sid, "completed")


def test_an_older_world_readable_log_is_tightened(data_dir, umask_022):
    SessionLog.open(data_dir).close()
    os.chmod(data_dir / DB_NAME, 0o644)
    with SessionLog.open(data_dir) as log:
        log.end_session(log.begin_session("r", "R", 1), "completed")
        assert mode(data_dir / DB_NAME) == 0o600
        assert mode(data_dir / f"{DB_NAME}-wal") == 0o600
