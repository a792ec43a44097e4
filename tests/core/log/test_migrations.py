"""Upgrading logs written by every earlier schema version, and refusing newer ones."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from coach.core.errors import StoreError
from coach.core.log import migrations
from coach.core.log.store import DB_NAME, SessionLog

FIXTURES = Path(__file__).parent / "fixtures" / "db"
EARLIER = range(1, migrations.LATEST)


def schema(path: Path) -> set[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as db:
        return set(db.execute("SELECT type, name, sql FROM sqlite_master"))


def install(version: int, data_dir: Path) -> Path:
    target = data_dir / DB_NAME
    shutil.copyfile(FIXTURES / f"v{version}.sqlite3", target)
    return target


def test_there_is_a_fixture_for_every_earlier_version():
    assert migrations.LATEST >= 2  # at least one real upgrade path
    for version in EARLIER:
        with closing(sqlite3.connect(FIXTURES / f"v{version}.sqlite3")) as db:
            assert migrations.user_version(db) == version


@pytest.mark.parametrize("version", EARLIER)
def test_an_earlier_log_is_upgraded_keeping_every_session(version, data_dir, tmp_path):
    install(version, data_dir)
    with SessionLog.open(data_dir) as log:
        records = {r.id: r for r in log.sessions()}
        first_reps = log.reps(1)
        added = log.begin_session("desk-break", "Desk break", 1)
        log.record_rep(
            added,
            item=0,
            exercise_id="x",
            side=None,
            set=1,
            rep=1,
            planned_hold_s=5,
            actual_hold_s=5,
            skipped=False,
        )
        log.end_session(added, "completed")
    first = records[1]
    assert (first.outcome, first.reps_planned, first.reps_done, first.reps_skipped) == (
        "completed",
        4,
        4,
        0,
    )  # the redone rep replaced its skipped first try
    assert [(r.item, r.side, r.rep, r.skipped) for r in first_reps] == [
        (0, None, 1, False),
        (0, None, 2, False),
        (1, "left", 1, False),
        (1, "right", 1, False),
    ]
    crashed = records[2]
    assert crashed.outcome == "interrupted" and crashed.reps_done == 2
    assert crashed.ended == datetime.fromisoformat("2024-03-02T22:01:40+01:00")
    if version == 1:
        assert (first.pain_before, first.pain_after, first.note) == (None, None, "")
    else:
        assert (first.pain_before, first.pain_after, first.note) == (5, 3, "stiff morning")
        assert (records[3].outcome, records[3].reps_skipped) == ("pain", 1)
    # The upgraded file has exactly the schema of a log created new.
    SessionLog.open(tmp_path / "fresh").close()
    assert schema(data_dir / DB_NAME) == schema(tmp_path / "fresh" / DB_NAME)
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        assert migrations.user_version(db) == migrations.LATEST


def test_a_failing_step_leaves_the_file_as_it_was(data_dir, monkeypatch):
    path = install(1, data_dir)
    before = path.read_bytes()

    def broken_step(db):
        db.execute("ALTER TABLE sessions ADD COLUMN half_done TEXT")
        raise RuntimeError("step failed halfway")

    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS[:2], broken_step))
    with pytest.raises(RuntimeError):
        SessionLog.open(data_dir)
    with closing(sqlite3.connect(path)) as db:
        assert migrations.user_version(db) == 1  # v2 was rolled back along with v3
        columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    assert "pain_before" not in columns and "half_done" not in columns
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]


def test_two_first_starts_at_once_run_each_step_once(data_dir, monkeypatch):
    """Another process upgrades the file between our first look at its
    version and our getting the lock: we must look again under the lock."""
    real_look = migrations.user_version
    looks = []

    def racing_look(db):
        looks.append(None)
        if len(looks) == 2:  # upgrade()'s first look: the other process wins the race now
            monkeypatch.setattr(migrations, "user_version", real_look)
            SessionLog.open(data_dir).close()
            monkeypatch.setattr(migrations, "user_version", racing_look)
            return 0
        return real_look(db)

    monkeypatch.setattr(migrations, "user_version", racing_look)
    with SessionLog.open(data_dir) as log:
        assert log.sessions() == []
    assert len(looks) >= 3
    with closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        assert real_look(db) == migrations.LATEST


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_newer_log_is_refused_and_left_untouched(data_dir, journal):
    path = data_dir / DB_NAME
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT)")
        db.execute("INSERT INTO sessions (future) VALUES ('from version 9')")
        db.execute(f"PRAGMA user_version = {migrations.LATEST + 6}")
        db.commit()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Stretch Coach") as info:
        SessionLog.open(data_dir)
    message = str(info.value)
    assert str(path) in message and message.endswith(".") and "\n" not in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]
