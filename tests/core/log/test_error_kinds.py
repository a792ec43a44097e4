"""SQLite's environment errors become one sentence of their own kind; any
other error from the log is a bug and stays what it is."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from coach.core import errors
from coach.core.log.opening import failure
from coach.core.log.store import SessionLog

PATH = Path("/data/coach.sqlite3")


def sqlite_error(code: int) -> sqlite3.Error:
    exc = sqlite3.OperationalError("from sqlite")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (5, errors.LogLocked, "locked by another program"),  # SQLITE_BUSY
        (6, errors.LogLocked, "locked by another program"),  # SQLITE_LOCKED
        (5 | (1 << 8), errors.LogLocked, "locked"),  # SQLITE_BUSY_RECOVERY
        (8, errors.LogNotWritable, "read-only"),  # SQLITE_READONLY
        (10, errors.LogIOFailure, "disk I/O error"),  # SQLITE_IOERR
        (10 | (3 << 8), errors.LogIOFailure, "disk I/O error"),  # SQLITE_IOERR_WRITE
        (11, errors.LogDamaged, "damaged"),  # SQLITE_CORRUPT
        (13, errors.LogDiskFull, "full"),  # SQLITE_FULL
        (14, errors.LogNotWritable, "cannot write"),  # SQLITE_CANTOPEN
        (26, errors.LogDamaged, "damaged"),  # SQLITE_NOTADB
    ],
)
def test_environment_errors_are_one_sentence(code, kind, words):
    error = failure(sqlite_error(code), PATH)
    assert isinstance(error, kind) and words in str(error)
    assert str(error).count(".") >= 1 and "\n" not in str(error)


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_from_the_os_is_one_sentence(number):
    assert isinstance(failure(OSError(number, "full"), PATH), errors.LogDiskFull)


@pytest.mark.parametrize(
    "exc",
    [
        sqlite3.ProgrammingError("Cannot operate on a closed database."),
        sqlite_error(1),  # SQLITE_ERROR: a wrong statement is ours
        sqlite_error(19),  # SQLITE_CONSTRAINT
        ValueError("nope"),
    ],
)
def test_anything_else_is_a_bug(exc):
    assert failure(exc, PATH) is None


def test_a_bug_in_a_write_is_raised_as_it_is(data_dir):
    with SessionLog.open(data_dir) as log, pytest.raises(sqlite3.IntegrityError):
        log.record_rep(
            999,  # no such session: the caller's bug, not the user's disk
            item=0,
            exercise_id="x",
            side=None,
            set=1,
            rep=1,
            planned_hold_s=1,
            actual_hold_s=1,
            skipped=False,
        )
