"""Sharing a routine: one `.stretchroutine` file (TOML: a format name and
version, then the routine in the schema of the routine files), written whole
or not at all, and read back with the loader's checks. A file of a newer
format version is refused with a sentence that says so."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from coach.core.catalog.loader import parse_routine, read_toml
from coach.core.catalog.model import Catalog, Routine
from coach.core.catalog.writer import routine_toml
from coach.core.errors import CatalogError
from coach.core.files import write_text
from coach.core.schema import Fields

FORMAT = "stretch-coach-routine"
FORMAT_VERSION = 1
SUFFIX = ".stretchroutine"
MAX_FILE_BYTES = 256 * 1024


def shared_path(path: Path) -> Path:
    """`path` with the `.stretchroutine` suffix added when it lacks it
    ('my-routine' -> 'my-routine.stretchroutine'; what was typed is kept)."""
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def export_routine(routine: Routine, path: Path) -> None:
    """Write `routine` to `path` as a shared file, whole or not at all, with
    the mode a new file gets (it is meant to be passed on)."""
    header: tuple[tuple[str, str | int], ...] = (
        ("format", FORMAT),
        ("format_version", FORMAT_VERSION),
    )
    write_text(path, routine_toml(routine, header))


def read_shared(path: Path, catalog: Catalog) -> Routine:
    """The routine in a shared file, checked as the loader checks a routine
    file (its exercises must be in `catalog`); user=True. Every problem is a
    CatalogError with one sentence naming the file and the field."""
    label = str(path)
    with contextlib.suppress(OSError):
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise CatalogError(f"{label}: is too large to be a shared routine.")
    data = read_toml(path, label)
    f = Fields(label, data)
    kind = f.raw("format", False)
    if kind != FORMAT:
        if kind is None:
            raise CatalogError(
                f"{label}: field 'format' is missing, so this is not a shared Stretch Coach "
                f'routine (expected format = "{FORMAT}").'
            )
        raise f.fail("format", f'"{FORMAT}"', kind)
    version = f.raw("format_version", True)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise f.fail("format_version", "a whole number from 1", version)
    if version > FORMAT_VERSION:
        raise CatalogError(
            f"{label}: field 'format_version': the file is format version {version}, "
            f"written by a newer Stretch Coach; this one reads up to version "
            f"{FORMAT_VERSION}, so update Stretch Coach to import it."
        )
    routine = parse_routine(
        path,
        data,
        catalog.exercises,
        file=label,
        id_from_file=False,
        also_known=("format", "format_version"),
    )
    return replace(routine, user=True)
