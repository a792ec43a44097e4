"""Opening the session log file: version check, migration, damage check, and
turning SQLite's and the OS's errors into one sentence for the user."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from coach.core.errors import (
    LogDamaged,
    LogDiskFull,
    LogIOFailure,
    LogLocked,
    LogNotWritable,
    LogPathUnusable,
    LogTooNew,
    StoreError,
)
from coach.core.log import migrations
from coach.paths import make_private_dir

# Primary SQLite result codes (the low byte of extended codes).
_CORRUPT, _NOTADB = 11, 26
_READONLY, _CANTOPEN, _PERM, _AUTH = 8, 14, 3, 23
_FULL, _BUSY, _LOCKED, _IOERR = 13, 5, 6, 10

_READONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


class _Damaged(Exception):
    """quick_check found a problem in a file that otherwise opened."""


def connect(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating if need be) and upgrade the log; returns the connection
    and a notice when a damaged file had to be moved aside."""
    _check_path(path)
    try:
        make_private_dir(path.parent)
        _make_private_file(path)
    except OSError as exc:
        raise_for_user(exc, path)
    try:
        return _open(path), None
    except (sqlite3.Error, OSError, _Damaged) as exc:
        if not is_damage(exc):
            raise_for_user(exc, path)
    aside = _move_aside(path)
    try:
        _make_private_file(path)
    except OSError as exc:
        raise_for_user(exc, path)
    notice = (
        f"The session log was damaged, so it was moved to {aside} and a new, empty log was started."
    )
    try:
        return _open(path), notice
    except (sqlite3.Error, OSError, _Damaged) as exc:
        raise_for_user(exc, path)


def raise_for_user(exc: BaseException, path: Path) -> NoReturn:
    """Raise the one-sentence error for `exc`, or `exc` itself when it is
    a bug rather than a condition of the user's computer."""
    error = failure(exc, path)
    if error is None:
        raise exc
    if error is exc:
        raise error
    raise error from exc


def _check_path(path: Path) -> None:
    """Say what is wrong when what sits at the log's path cannot be the log,
    each case in its own sentence (SQLite would say "cannot open" to all)."""
    folder = path.parent
    advice = "choose another folder with --data-dir"
    if os.path.lexists(folder) and not os.path.isdir(folder):
        raise LogPathUnusable(
            f"Stretch Coach cannot keep its session log in {folder}: that is a file, "
            f"not a folder; {advice}."
        )
    if os.path.islink(path) and not os.path.exists(path):
        raise LogPathUnusable(
            f"The session log {path} is a link to {os.readlink(path)}, which does not "
            f"exist; remove the link or {advice}."
        )
    if os.path.isdir(path):
        raise LogPathUnusable(
            f"The session log {path} is a folder, not a file; move it away or {advice}."
        )
    if os.path.exists(path) and not os.access(path, os.R_OK | os.W_OK):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        raise LogPathUnusable(
            f"The session log {path} cannot be read or written by you (its permissions "
            f"are {mode:04o}); give yourself access (chmod u+rw) or {advice}."
        )


def _make_private_file(path: Path) -> None:
    """The log holds health data: 0600 whatever the umask. SQLite gives the
    -wal and -shm files the database file's mode, so a new log is created
    0600 here before SQLite opens it (never through a link), and an older one
    is tightened with chmod (which opens nothing)."""
    if not os.path.lexists(path):
        # Missing, so no connection of ours can have it open; O_EXCL: if it
        # appeared meanwhile, no descriptor of it is made (nor closed).
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    for name in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if stat.S_IMODE(os.stat(name).st_mode) & 0o077:
                os.chmod(name, 0o600)


def _refuse_newer(path: Path) -> None:
    """Refuse a newer version's log before any connection that could write
    to it exists: a writing connection would replay and checkpoint a leftover
    WAL into the file on close, so "left untouched" would be untrue. A
    read-only connection never checkpoints; its errors are left to the
    ordinary open that follows. Without a WAL there is nothing to replay,
    and the ordinary open refuses before writing anything."""
    if not os.path.isfile(path) or not os.path.isfile(path.with_name(path.name + "-wal")):
        return
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5.0)
        ) as look:
            version = migrations.user_version(look)
    except sqlite3.Error:
        return
    if version > migrations.LATEST:
        raise LogTooNew(
            f"The session log {path} was written by a newer version of Stretch Coach "
            f"(schema {version}, this version reads up to {migrations.LATEST}), so it was "
            f"left untouched; please update Stretch Coach."
        )


def _open(path: Path) -> sqlite3.Connection:
    _refuse_newer(path)
    # isolation_level=None: we say where transactions begin; each rep is one
    # statement and so its own commit.
    db = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        version = migrations.user_version(db)  # the first read: a non-database fails here
        if version > migrations.LATEST:
            # Nothing has been written yet; closing leaves the file as it was.
            raise LogTooNew(
                f"The session log {path} was written by a newer version of Stretch Coach "
                f"(schema {version}, this version reads up to {migrations.LATEST}), so it was "
                f"left untouched; please update Stretch Coach."
            )
        if _truncated(db, path):
            raise _Damaged("the file is shorter than its header says")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.upgrade(db)  # before WAL: a failed upgrade leaves the file byte for byte
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        # A full check reads every page (~90 ms for 20 years of daily use), so
        # it runs only after a read met damage; otherwise the small sessions
        # table is checked and the rest is caught when read (see mark_damaged).
        # integrity_check, not quick_check: only it compares the indexes with
        # their tables, and a read through such an index fails.
        marker = check_marker(path)
        full = marker.exists()
        problems = db.execute(
            "PRAGMA integrity_check(1)" if full else "PRAGMA quick_check(sessions)"
        ).fetchall()
        if problems != [("ok",)]:
            raise _Damaged(str(problems[0][0]) if problems else "no answer")
        if full:
            forgiven = forgiven_marker(path)
            if forgiven.exists():
                # SQLite reported damage again after a clean full check: a
                # damage no check finds. Set it aside rather than refuse the
                # log on every read while writing into it.
                raise _Damaged("damage reported again after a clean check")
            touch_private(forgiven)
            marker.unlink(missing_ok=True)
    except BaseException:
        db.close()
        raise
    return db


def _truncated(db: sqlite3.Connection, path: Path) -> bool:
    """Is the file shorter than the page count in its header? (SQLite itself
    only notices when a query reaches a missing page.)

    Only SQLite may open the file while a connection is open: on Linux,
    closing *any* descriptor of a file drops every POSIX lock the process
    holds on it, and another process would then delete our live WAL. So the
    header is read through SQLite (page_count trusts a valid header) and the
    size comes from os.stat, which opens nothing."""
    wal = path.with_name(path.name + "-wal")
    try:
        if os.stat(wal).st_size > 32:
            return False  # pages past the end may legitimately live in the WAL
    except FileNotFoundError:
        pass
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
    return pages > 0 and pages * page_size > os.stat(path).st_size


def check_marker(path: Path) -> Path:
    """Left beside the log when a read met damage: the next open checks every
    page, and moves the file aside if the damage is confirmed."""
    return path.with_name(path.name + ".needs-check")


def forgiven_marker(path: Path) -> Path:
    """Left when a full check after a damage report found nothing: a second
    report sets the file aside whatever the check says."""
    return path.with_name(path.name + ".checked")


def touch_private(path: Path) -> None:
    """Create `path` if missing, 0600, never through a link."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    os.close(fd)


def is_damage(exc: BaseException) -> bool:
    if isinstance(exc, _Damaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_CORRUPT, _NOTADB)


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL companions, which belong to it)
    to `coach.sqlite3.damaged-<time>`; never delete anything."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
        for marker in (check_marker(path), forgiven_marker(path)):
            marker.unlink(missing_ok=True)  # they spoke of the file set aside
    except OSError as exc:
        raise LogDamaged(
            f"The session log {path} is damaged and could not be moved aside ({exc.strerror})."
        ) from exc
    return aside


def failure(exc: BaseException, path: Path) -> StoreError | None:
    """One sentence saying what went wrong with the log and what to do, for
    the conditions of the user's computer; None for anything else (a bug,
    which the caller re-raises as it is)."""
    if isinstance(exc, StoreError):
        return exc
    folder = path.parent
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    err = exc.errno if isinstance(exc, OSError) else None
    if primary in (_READONLY, _CANTOPEN, _PERM, _AUTH) or err in _READONLY_ERRNOS:
        return LogNotWritable(
            f"Stretch Coach cannot write its session log in {folder}: the folder "
            f"is read-only or not yours; choose another with --data-dir."
        )
    if primary == _FULL or err in _FULL_ERRNOS:
        return LogDiskFull(
            f"The disk holding {folder} is full, so the session log cannot be "
            f"saved; free some space and try again."
        )
    if primary in (_BUSY, _LOCKED):
        return LogLocked(
            f"The session log {path} is locked by another program; try again in a moment."
        )
    if isinstance(exc, _Damaged) or primary in (_CORRUPT, _NOTADB):
        return LogDamaged(
            f"The session log {path} is damaged; restart Stretch Coach to set "
            f"it aside and start a new one."
        )
    if primary == _IOERR or err == errno.EIO:
        return LogIOFailure(
            f"The session log {path} could not be written (disk I/O error); "
            f"the disk may be full or failing."
        )
    if err == errno.ENOTDIR:
        return LogPathUnusable(
            f"Stretch Coach cannot keep its session log in {folder}: part of "
            f"that path is a file, not a folder."
        )
    if isinstance(exc, OSError):  # the file system said no: still the computer's doing
        reason = exc.strerror or str(exc)
        return StoreError(f"The session log {path} cannot be used ({reason}).")
    return None  # anything else is a bug
