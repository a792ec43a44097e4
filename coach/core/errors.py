"""The error types a user can meet. Each carries one plain sentence.

Only conditions of the user's computer become these errors (a locked,
read-only, full, failing or damaged log, a path that cannot hold it, a newer
version's file); anything else is a bug and travels as the original exception
to the command line, which writes a crash report (see coach.cli).
"""

from __future__ import annotations


class CoachError(Exception):
    """An error whose message is fit to show a user as it is."""


class CatalogError(CoachError):
    """An exercise or routine file is not valid."""


class StoreError(CoachError):
    """The session log cannot be opened or written."""


class LogLocked(StoreError):
    """Another program holds the log's lock longer than we wait (busy/locked)."""


class LogNotWritable(StoreError):
    """The folder or file is read-only, not ours, or SQLite cannot open it."""


class LogPathUnusable(StoreError):
    """What sits at the log's path is not a file we can use: a folder, a
    dangling link, a file where a folder should be, a file with no access."""


class LogDiskFull(StoreError):
    """The disk (or the user's quota) is full."""


class LogIOFailure(StoreError):
    """The disk reported an I/O error."""


class LogDamaged(StoreError):
    """The file is corrupt or not a database; it is set aside on the next open."""


class LogTooNew(StoreError):
    """Written by a newer Stretch Coach; left untouched."""
