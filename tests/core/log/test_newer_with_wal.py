"""A newer version's log with a leftover WAL (that version was killed) is
refused without being modified: neither the file nor its WAL changes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coach.core.errors import LogTooNew
from coach.core.log import migrations
from coach.core.log.store import DB_NAME, SessionLog

ROOT = Path(__file__).resolve().parents[3]

# Writes in WAL mode and dies without closing: the WAL is left with frames
# (the newer schema and its rows) that were never checkpointed.
NEWER_AND_KILLED = textwrap.dedent("""
    import os, sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA journal_mode = wal")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT)")
    db.execute("INSERT INTO sessions (future) VALUES ('from a newer version')")
    db.execute(f"PRAGMA user_version = {int(sys.argv[2])}")
    os._exit(0)
""")


def test_a_newer_log_with_a_leftover_wal_is_left_untouched(data_dir):
    path = data_dir / DB_NAME
    newer = migrations.LATEST + 6
    subprocess.run(
        [sys.executable, "-c", NEWER_AND_KILLED, str(path), str(newer)], cwd=ROOT, check=True
    )
    wal = data_dir / f"{DB_NAME}-wal"
    assert wal.stat().st_size > 0
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.name != f"{DB_NAME}-shm"}
    with pytest.raises(LogTooNew, match=f"schema {newer}.*left untouched"):
        SessionLog.open(data_dir)
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.name != f"{DB_NAME}-shm"}
    assert after == before
