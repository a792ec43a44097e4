"""Damage is set aside on the next start at the latest, even a damage that
SQLite's quick check cannot see: the log is never refused forever while
players go on writing into it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coach.core.errors import LogDamaged
from coach.core.log.store import DB_NAME, SessionLog


def sessions(data_dir: Path, count: int) -> None:
    with SessionLog.open(data_dir) as log:
        for _n in range(count):
            log.end_session(log.begin_session("desk-break", "Desk break", 1), "completed")


def index_out_of_step(data_dir: Path) -> None:
    """The sessions table as it was with 3 rows under an index of 5: every
    page is well formed (quick_check says ok) but reading a session through
    the index finds no row."""
    path = data_dir / DB_NAME
    sessions(data_dir, 3)
    before = path.read_bytes()
    sessions(data_dir, 2)
    after = bytearray(path.read_bytes())
    with closing(sqlite3.connect(path)) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
        page = slice((root[0] - 1) * size, root[0] * size)
    after[page] = before[page]
    path.write_bytes(bytes(after))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]


def aside(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if ".damaged-" in p.name)


def test_damage_quick_check_misses_is_set_aside_at_the_next_start(data_dir):
    index_out_of_step(data_dir)
    with SessionLog.open(data_dir) as log, pytest.raises(LogDamaged):
        log.sessions()
    with SessionLog.open(data_dir) as log:
        [moved] = aside(data_dir)
        assert log.notice is not None and str(moved) in log.notice
        assert log.sessions() == []
        log.end_session(log.begin_session("r", "R", 1), "completed")  # the new log works
    with closing(sqlite3.connect(moved)) as db:  # kept as it was, for rescue
        assert db.execute("SELECT COUNT(*) FROM sessions NOT INDEXED").fetchone() == (3,)
        assert db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    assert sorted(p.name for p in data_dir.iterdir() if "needs-check" in p.name) == []


def test_damage_reported_again_after_a_clean_check_is_set_aside(data_dir):
    """A damage no check finds: the second report sets the file aside."""
    sessions(data_dir, 2)
    marker = data_dir / f"{DB_NAME}.needs-check"
    marker.touch()  # what a read meeting SQLITE_CORRUPT leaves
    with SessionLog.open(data_dir) as log:
        assert log.notice is None and len(log.sessions()) == 2  # the full check found nothing
    assert not marker.exists()
    marker.touch()  # reported again
    with SessionLog.open(data_dir) as log:
        assert log.notice is not None and "moved to" in log.notice
        assert log.sessions() == []
    assert len(aside(data_dir)) == 1
