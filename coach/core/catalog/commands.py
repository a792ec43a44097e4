"""The `coach routine` commands, each a typed call returning the sentence
to print; refusals are a CatalogError with one sentence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from coach.core.catalog.model import Catalog, Routine
from coach.core.catalog.share import export_routine, read_shared, shared_path
from coach.core.catalog.user import UserRoutines
from coach.core.errors import CatalogError


def new_from(catalog: Catalog, mine: UserRoutines, from_id: str, name: str | None) -> str:
    """A copy of routine `from_id` as a new routine of the user's, named
    `name` (default: "<name> (copy)"), with an id made from the name."""
    source = catalog.routine(from_id)
    new_name = (name or "").strip() or f"{source.name} (copy)"
    new_id = mine.new_id(new_name, catalog)
    routine = replace(source, id=new_id, name=new_name, user=True)
    path = mine.save(routine, catalog)
    return f"Made your routine '{new_id}' ({new_name}) from '{from_id}' in {path}."


def import_file(
    catalog: Catalog, mine: UserRoutines, file: Path, *, replace_existing: bool, as_new: bool
) -> str:
    """Add the routine of a shared file to the user's. An existing routine
    of that id is never overwritten unless `replace_existing` (and a shipped
    one never); `as_new` gives the routine a fresh id from its name."""
    routine = read_shared(file, catalog)
    existing = catalog.routines.get(routine.id)
    if as_new:
        routine = replace(routine, id=mine.new_id(routine.name, catalog))
    elif existing is not None and not existing.user:
        raise CatalogError(
            f"{file} holds the routine '{routine.id}', the id of a shipped routine, which "
            "cannot be replaced; import it with --as-new to give it a new id."
        )
    elif existing is not None and not replace_existing:
        raise CatalogError(
            f"You already have a routine '{routine.id}' ({existing.name}); nothing was "
            "imported: add --replace to overwrite it, or --as-new to keep both."
        )
    elif existing is None and routine.id in catalog.failed_routines and not replace_existing:
        raise CatalogError(
            f"Your routine file for '{routine.id}' could not be loaded and would be "
            "overwritten; add --replace to overwrite it, or --as-new to keep both."
        )
    path = mine.save(routine, catalog)
    verb = "Replaced" if existing is not None and not as_new else "Imported"
    return f"{verb} your routine '{routine.id}' ({routine.name}) from {file} into {path}."


def export_to(catalog: Catalog, routine_id: str, output: Path) -> str:
    """Write routine `routine_id` to a shared file; `.stretchroutine` is
    added to the name when it is not there."""
    routine: Routine = catalog.routine(routine_id)
    path = shared_path(output)
    export_routine(routine, path)
    return f"Wrote '{routine.id}' ({routine.name}) to {path}."


def delete(catalog: Catalog, mine: UserRoutines, routine_id: str) -> str:
    """Delete one of the user's routines; a shipped one is refused."""
    existing = catalog.routines.get(routine_id)
    if existing is not None and not existing.user:
        raise CatalogError(
            f"'{routine_id}' is a shipped routine and cannot be deleted; only your own "
            "routines can."
        )
    if existing is None and routine_id not in catalog.failed_routines:
        catalog.routine(routine_id)  # says which routines there are
    mine.delete(routine_id)
    catalog.routines.pop(routine_id, None)
    catalog.failed_routines.pop(routine_id, None)
    return f"Deleted your routine '{routine_id}' ({mine.path_of(routine_id)})."
