"""The user's own routines: one TOML file each in the user's config folder
(`config_dir(data_dir) / "routines"`), in the schema of the shipped routines
(`assets/routines/*.toml`) plus `frequency` and per-item `walk_s` / `sides`.

They load with the same validation as the shipped ones; a bad file is one
problem sentence naming the file and the field, and the rest still load. A
save is checked first (the same checks the loader makes) and written whole
or not at all (`coach.core.files`), readable by the user only.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
import unicodedata
from dataclasses import replace
from pathlib import Path

from coach.core import schema
from coach.core.catalog.limits import check_item
from coach.core.catalog.loader import load_shipped, one_line, parse_routine, read_toml
from coach.core.catalog.model import Catalog, Routine
from coach.core.catalog.writer import routine_toml
from coach.core.errors import CatalogError
from coach.core.files import PRIVATE, CannotWrite, write_text

ROUTINES_FOLDER = "routines"
MAX_ID_LENGTH = 48
MAX_FILE_BYTES = 256 * 1024  # a routine of 100 items is about 10 kB


class UserRoutines:
    """The folder of the user's routines."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, routine_id: str) -> Path:
        return self.folder / f"{routine_id}.toml"

    def ids(self) -> list[str]:
        """The ids of the routine files in the folder (loadable or not)."""
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder))
        except OSError:
            return []
        return [name[: -len(".toml")] for name in names if name.endswith(".toml")]

    def load_into(self, catalog: Catalog) -> None:
        """Add the user's routines to `catalog` (user=True). A file that does
        not load is one sentence in `catalog.problems` naming it and the
        field; a missing folder is no problem (no routines of one's own yet)."""
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder))
        except FileNotFoundError:
            return
        except OSError as exc:
            catalog.problems.append(
                f"{self.folder}: the folder of your routines cannot be read "
                f"({exc.strerror or exc}), so none of them were loaded."
            )
            return
        for name in names:
            if not name.endswith(".toml"):
                continue
            path = self.folder / name
            try:
                routine = self._read(path, catalog)
            except CatalogError as exc:
                catalog.problems.append(str(exc))
                if path.stem not in catalog.routines:
                    catalog.failed_routines.setdefault(path.stem, str(exc))
                continue
            catalog.routines[routine.id] = routine
            catalog.failed_routines.pop(routine.id, None)

    def _read(self, path: Path, catalog: Catalog) -> Routine:
        label = str(path)
        with contextlib.suppress(OSError):
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CatalogError(f"{label}: is too large to be a routine file.")
        routine = parse_routine(path, read_toml(path, label), catalog.exercises, file=label)
        shipped = catalog.routines.get(routine.id)
        if shipped is not None and not shipped.user:
            raise CatalogError(
                f"{label}: field 'id': '{routine.id}' is already used by a shipped routine."
            )
        return replace(routine, user=True)

    def save(self, routine: Routine, catalog: Catalog) -> Path:
        """Check `routine` as the loader would and write it to `<id>.toml`
        (0600, whole or not at all); the catalog then holds it (user=True).
        A problem is a CatalogError with one sentence."""
        existing = catalog.routines.get(routine.id)
        if existing is not None and not existing.user:
            raise CatalogError(
                f"'{routine.id}' is a shipped routine, which cannot be changed; "
                "save it under a new id."
            )
        if not schema.KEBAB.match(routine.id) or len(routine.id) > MAX_ID_LENGTH:
            raise CatalogError(
                f"The routine id '{routine.id}' must be kebab-case like 'my-desk-break' "
                f"and at most {MAX_ID_LENGTH} characters."
            )
        if not routine.name.strip():
            raise CatalogError("The routine needs a name.")
        if not one_line(routine.name):
            raise CatalogError("The routine's name must be one line, without control characters.")
        if not routine.items:
            raise CatalogError(f"The routine '{routine.name}' has no exercises; add one.")
        for number, item in enumerate(routine.items, start=1):
            exercise = catalog.exercises.get(item.exercise)
            if exercise is None:
                raise CatalogError(
                    f"Exercise {number} of '{routine.name}' is '{item.exercise}', "
                    "which is not in the catalog."
                )
            problems = check_item(exercise, item)
            if problems:
                raise CatalogError(problems[0])
        text = routine_toml(routine)
        path = self.path_of(routine.id)
        # What is written must load back as it is: the loader's own checks
        # (frequency, lengths) on the very text.
        try:
            saved = parse_routine(path, tomllib.loads(text), catalog.exercises, user=True)
        except (CatalogError, tomllib.TOMLDecodeError) as exc:
            raise CatalogError(f"The routine '{routine.name}' cannot be saved: {exc}") from None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise CannotWrite(
                f"Cannot create the folder {self.folder}: {exc.strerror or exc}."
            ) from None
        write_text(path, text, mode=PRIVATE)
        catalog.routines[saved.id] = saved
        catalog.failed_routines.pop(saved.id, None)
        return path

    def delete(self, routine_id: str) -> None:
        """Remove the user's routine `routine_id` (its file); a CatalogError
        when there is none."""
        if not schema.KEBAB.match(routine_id):
            raise CatalogError(f"There is no routine of yours called '{routine_id}'.")
        path = self.path_of(routine_id)
        try:
            path.unlink()
        except FileNotFoundError:
            raise CatalogError(f"There is no routine of yours called '{routine_id}'.") from None
        except OSError as exc:
            raise CatalogError(f"Cannot delete {path}: {exc.strerror or exc}.") from None

    def new_id(self, name: str, catalog: Catalog) -> str:
        """A kebab-case id made from `name`, used by no shipped or user
        routine (nor a file that failed to load): 'My desk break' ->
        'my-desk-break', then 'my-desk-break-2', ..."""
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        words = "".join(c if c.isalnum() else " " for c in ascii_name.lower()).split()
        base = "-".join(words)[: MAX_ID_LENGTH - 4].strip("-") or "routine"
        taken = set(catalog.routines) | set(catalog.failed_routines) | set(self.ids())
        candidate, number = base, 2
        while candidate in taken:
            candidate = f"{base}-{number}"
            number += 1
        return candidate


def user_routines(data_dir: Path | None) -> UserRoutines:
    """The user's routines for a data folder (None: the usual place)."""
    from coach.paths import config_dir

    return UserRoutines(config_dir(data_dir) / ROUTINES_FOLDER)


def load_with_user(data_dir: Path | None) -> Catalog:
    """The shipped catalog with the user's routines added: what the app and
    the command line play, print and list."""
    catalog = load_shipped()
    user_routines(data_dir).load_into(catalog)
    return catalog
