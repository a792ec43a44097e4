"""Who is playing a session: one lock file per live session.

The process playing a session holds an exclusive `flock` on
`live-sessions/<token>.lock` for the session's whole life; the session row
stores the token. The kernel drops the lock the moment the process dies, by
whatever means, so "can I take the lock?" answers "is the owner dead?" with
no guessing: unlike a pid, a lock cannot be inherited by an unrelated process
that happens to get the same pid later. flock locks belong to the open file,
so even a second log opened in the same process sees the session as live.
"""

from __future__ import annotations

import fcntl
import os
import re
import uuid
from pathlib import Path

LOCK_DIR = "live-sessions"
_TOKEN = re.compile(r"[0-9a-f]{32}")


class OwnerLock:
    """Held by the process playing a session, until `release()`."""

    def __init__(self, lock_dir: Path) -> None:
        self.token = uuid.uuid4().hex
        self.path = lock_dir / f"{self.token}.lock"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            os.close(fd)
            self.path.unlink(missing_ok=True)
            raise
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is None:
            return
        # Unlink first: whoever opens the path afterwards finds nothing, and
        # the row was already closed in the database before we got here.
        self.path.unlink(missing_ok=True)
        os.close(self._fd)
        self._fd = None


def owner_alive(lock_dir: Path, token: str | None, pid: int | None) -> bool:
    """Is the process that owns a session still running?"""
    if token is None:
        return _legacy_pid_alive(pid)
    if not _TOKEN.fullmatch(token):
        return False
    path = lock_dir / f"{token}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: never mark a possibly live session interrupted
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return True  # cannot tell: never mark a possibly live session interrupted
    finally:
        os.close(fd)  # also drops the lock if we took it
    path.unlink(missing_ok=True)  # a dead owner's leftover
    return False


def _legacy_pid_alive(pid: int | None) -> bool:
    """Rows from schema 1-2 have only a pid. A reused pid can make a dead
    session look live; it then stays open until that process ends, which is
    the safe way to be wrong."""
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
