"""Files that are written whole or not at all: printed cards, pictures, CSV
exports and settings.

The content goes to a new temporary file in the target's own folder; only
once all of it is written and on the disk (flushed and fsynced) is that file
renamed over the target, in one step. A target that is not a regular file (a
folder, a device such as /dev/full, a named pipe, a socket, a link to
nothing) is refused before anything is written, and a failed write (a full
disk, an I/O error) leaves the old file exactly as it was. Every refusal and
failure is a `CannotWrite` carrying one sentence that names the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from coach.core.errors import CoachError

__all__ = ["PRIVATE", "CannotWrite", "check_target", "replacing", "write_bytes", "write_text"]

PRIVATE = 0o600  # the log's exports and the settings: health data, the user's only

_FRIENDLY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "the disk reported an input/output error",
    errno.ENAMETOOLONG: "the name is too long",
}


class CannotWrite(CoachError):
    """A file could not be written; the old one, if any, is unchanged."""


def write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Put `data` at `path` whole or not at all (see `replacing`)."""
    with replacing(path, mode=mode) as handle:
        handle.write(data)


def write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Put `text` (UTF-8) at `path` whole or not at all (see `replacing`)."""
    write_bytes(path, text.encode("utf-8"), mode=mode)


@contextlib.contextmanager
def replacing(path: Path, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary file to write the new content of `path` into. When the block
    ends normally the content is flushed, fsynced and renamed over `path`;
    when it raises, nothing at `path` changes. `mode` None gives the replaced
    file's own permissions, or a new file what the umask allows (0644 under
    umask 022), for what the user prints or shares; PRIVATE gives 0600 whatever
    was there. OSErrors, from here or from the block, become CannotWrite."""
    target = check_target(path)
    try:
        final_mode = PRIVATE if mode == PRIVATE else _mode_for(target, mode)
        prefix = f".{target.name[:40]}."
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
    except OSError as exc:
        raise CannotWrite(_sentence(path, exc)) from None
    temp = Path(name)  # mkstemp made it 0600, so nobody reads it half-written
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if final_mode != PRIVATE:
            os.chmod(temp, final_mode)
        check_target(path)  # still a regular file (or nothing) right before the rename
        os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        raise CannotWrite(_sentence(path, exc)) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def check_target(path: Path) -> Path:
    """The file to replace: `path`, or the file a link at `path` names. Raises
    CannotWrite unless it is a regular file or nothing, in an existing folder."""
    try:
        info = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        info = None  # the folder is checked below
    except OSError as exc:
        raise CannotWrite(_sentence(path, exc)) from None
    target = path
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(path))
        try:
            info = target.stat()
        except FileNotFoundError:
            raise CannotWrite(
                f"Cannot write {path}: it is a link to {target}, which does not exist."
            ) from None
        except OSError as exc:
            raise CannotWrite(_sentence(path, exc)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise CannotWrite(f"{path} is a folder; give the name of a file inside it.")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise CannotWrite(
            f"Cannot write {path}: it is {_kind(info.st_mode)}, not a regular file, "
            "and is left as it is."
        )
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():
            raise CannotWrite(f"Cannot write {path}: {folder} is a file, not a folder.")
        raise CannotWrite(f"Cannot write {path}: the folder {folder} does not exist.")
    if info is not None and not os.access(target, os.W_OK):
        raise CannotWrite(f"Cannot write {path}: the file is read-only.")
    return target


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _mode_for(target: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    """Put the rename itself on the disk (best effort: some file systems
    cannot fsync a folder, and the new content is complete either way)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sentence(path: Path, exc: OSError) -> str:
    reason = _FRIENDLY.get(exc.errno or 0) or (exc.strerror or str(exc)).rstrip(".")
    if reason[:1].isupper() and not reason[1:2].isupper():
        reason = reason[0].lower() + reason[1:]
    return f"Cannot write {path}: {reason}."
