"""The exercise catalog: exercises and routines read from TOML files.

Each file is validated on its own, its [animation] section included. A bad
file is reported (file, field, what was expected) and skipped; the valid rest
still loads. The data types live in `coach.core.catalog.model`; they are
importable from here too.
"""

from __future__ import annotations

import os
import stat
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from coach.core import schema
from coach.core.catalog.limits import item_limits
from coach.core.catalog.model import (
    BOTH_SIDES,
    ITEM_SIDES,
    REQUIRED_STEP_PHASES,
    Catalog,
    Exercise,
    Frequency,
    Routine,
    RoutineItem,
    Span,
    StepPhase,
)
from coach.core.errors import CatalogError
from coach.core.figure.animation import Animation, parse_animation
from coach.core.schema import Fields
from coach.core.vocabulary import Kind, Motion, Position, PropKind, Sidedness

__all__ = [
    "Catalog",
    "Exercise",
    "Frequency",
    "Routine",
    "RoutineItem",
    "Span",
    "load_catalog",
    "load_shipped",
    "parse_exercise",
    "parse_routine",
    "read_toml",
]


def read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    """The table of one TOML file; any failure is a CatalogError naming it
    (`label`, default the file's name)."""
    name = label or path.name
    try:
        # A named pipe or a device would block the read or never end.
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder fails to open below
            raise CatalogError(f"{name}: is not a regular file, so it was not read.")
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{name}: is not valid TOML ({exc}).") from None
    except UnicodeDecodeError:
        # tomllib decodes the bytes itself and lets this through; without the
        # catch one mis-saved file would stop the whole catalog from loading.
        raise CatalogError(f"{name}: is not valid TOML (the text is not UTF-8).") from None
    except OSError as exc:
        raise CatalogError(f"{name}: cannot be read ({exc.strerror or exc}).") from None
    except RecursionError:
        # tomllib parses nested arrays and tables by recursion: a file nested
        # a thousand deep (damaged, or made to break us) ends here.
        raise CatalogError(f"{name}: is nested too deeply to be read.") from None


def _span(fields: Fields, name: str, low: int, high: int) -> Span:
    table = fields.table_of(name)
    assert table is not None
    sub = Fields(fields.file, table, prefix=f"{name}.")
    span = Span(
        sub.integer("min", low, high),
        sub.integer("max", low, high),
        sub.integer("default", low, high),
    )
    sub.check_unknown()
    if not span.min <= span.default <= span.max:
        raise fields.fail(name, "min <= default <= max", (span.min, span.default, span.max))
    return span


def parse_exercise(path: Path, data: Mapping[str, Any]) -> Exercise:
    f = Fields(path.name, data)
    ex_id = f.text("id")
    if not schema.KEBAB.match(ex_id):
        raise f.fail("id", "kebab-case like 'knee-to-chest'", ex_id)
    if ex_id != path.stem:
        raise f.fail("id", f"the file name '{path.stem}'", ex_id)
    walk = f.flag("walk_between_reps", False)
    sides = f.word("sides", Sidedness)
    sets = f.integer("sets", 1, 10, required=False, default=1)
    steps = f.texts("steps")
    exercise = Exercise(
        id=ex_id,
        name=f.text("name"),
        kind=f.word("kind", Kind),
        position=f.word("position", Position),
        sides=sides,
        hold_s=_span(f, "hold_s", 0, 600),
        reps=_span(f, "reps", 1, 50),
        sets=sets,
        rest_s=f.integer("rest_s", 0, 600, required=False, default=0),
        walk_between_reps=walk,
        walk_s=f.integer("walk_s", 1, 300, required=walk, default=0),
        move_s=f.number("move_s", 0.5, 30, required=False, default=3.0),
        release_s=f.number("release_s", 0.5, 30, required=False, default=3.0),
        props=f.words("props", PropKind, required=False),
        targets=f.texts("targets"),
        motions=f.words("motions", Motion),
        summary=f.text("summary", required=False),
        steps=steps,
        phase_steps=_phase_steps(f, steps, walks=walk, sides=sides, sets=sets),
        cues=f.texts("cues"),
        cautions=f.texts("cautions"),
        variants=f.texts("variants", required=False),
        source=f.texts("source"),
        animation=_animation(path, f),
    )
    f.check_unknown()
    return exercise


# Where each optional key of `phase_steps` can ever be shown.
_OPTIONAL_STEP_PHASES = {
    StepPhase.WALK: "an exercise with walk_between_reps = true",
    StepPhase.REST: "an exercise done in sets (sets > 1)",
    StepPhase.SWITCH: 'an exercise with sides = "each"',
}


def _phase_steps(
    f: Fields, steps: tuple[str, ...], *, walks: bool, sides: Sidedness, sets: int
) -> tuple[tuple[StepPhase, tuple[int, ...]], ...]:
    """`phase_steps = { start = [1], move = [2, 3], hold = [4], release = [5] }`:
    1-based step numbers per phase. Every required phase has at least one
    step, every step belongs to some phase, and an optional phase (walk, rest,
    switch) only where the exercise has that gap."""
    table = f.table_of("phase_steps")
    assert table is not None
    name = "phase_steps"
    allowed = {
        StepPhase.WALK: walks,
        StepPhase.REST: sets > 1,
        StepPhase.SWITCH: sides == Sidedness.EACH,
    }
    mapping: list[tuple[StepPhase, tuple[int, ...]]] = []
    for key, value in table.items():
        if key not in tuple(StepPhase):
            raise f.fail(f"{name}.{key}", "a phase: " + ", ".join(StepPhase), key)
        phase = StepPhase(key)
        if phase in allowed and not allowed[phase]:
            raise f.fail(f"{name}.{key}", f"only in {_OPTIONAL_STEP_PHASES[phase]}", value)
        expected = f"a list of step numbers from 1 to {len(steps)}"
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        ):
            raise f.fail(f"{name}.{key}", expected, value)
        if not all(1 <= n <= len(steps) for n in value):
            raise f.fail(f"{name}.{key}", expected, value)
        mapping.append((phase, tuple(value)))
    given = {phase for phase, _ in mapping}
    missing = [phase for phase in REQUIRED_STEP_PHASES if phase not in given]
    if missing:
        raise CatalogError(
            f"{f.file}: field '{f.prefix}{name}.{missing[0]}' is missing and is required "
            "(start, move, hold and release each need a step)."
        )
    used = {n for _, numbers in mapping for n in numbers}
    unused = [n for n in range(1, len(steps) + 1) if n not in used]
    if unused:
        raise CatalogError(
            f"{f.file}: field '{f.prefix}{name}': step {unused[0]} is in no phase; "
            "every step must belong to at least one."
        )
    order = {phase: i for i, phase in enumerate(StepPhase)}
    return tuple(sorted(mapping, key=lambda pair: order[pair[0]]))


def _animation(path: Path, fields: Fields) -> Animation | None:
    table = fields.table_of("animation", required=False)
    return None if table is None else parse_animation(path.name, table)


def parse_routine(
    path: Path,
    data: Mapping[str, Any],
    exercises: Mapping[str, Exercise],
    *,
    file: str | None = None,
    id_from_file: bool = True,
    user: bool = False,
    also_known: tuple[str, ...] = (),
) -> Routine:
    """A routine from the table of one TOML file. Problems name `file`
    (default: the file's name). `id_from_file`: the id must be the file's
    name (a routine in a folder); a shared file keeps any kebab-case id.
    `also_known`: top-level fields read by the caller (a shared file's
    format and version)."""
    f = Fields(file or path.name, data)
    for known in also_known:
        f.read.add(known)
    routine_id = f.text("id")
    if not schema.KEBAB.match(routine_id):
        raise f.fail("id", "kebab-case like 'desk-break'", routine_id)
    if id_from_file and routine_id != path.stem:
        raise f.fail("id", f"the file name '{path.stem}'", routine_id)
    name = f.text("name")
    if not one_line(name):
        raise f.fail("name", "one line of text without control characters", name)
    description = f.text("description", required=False)
    frequency = _frequency(f)
    raw_items = f.raw("items", True)
    if not isinstance(raw_items, list) or not raw_items:
        raise f.fail("items", "a list of [[items]] tables", raw_items)
    if len(raw_items) > MAX_ITEMS:
        raise f.fail("items", f"at most {MAX_ITEMS} items", len(raw_items))
    items = []
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise f.fail(f"items[{index}]", "a table", raw)
        items.append(_routine_item(Fields(f.file, raw, f"items[{index}]."), exercises))
    f.check_unknown()
    return Routine(routine_id, name, description, tuple(items), frequency, user)


MAX_ITEMS = 100  # a routine of more would run for hours


def one_line(text: str) -> bool:
    """No line break, tab or other control character (a name is shown on
    one line everywhere: lists, the player, the log, the command line)."""
    return not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def _frequency(f: Fields) -> Frequency | None:
    """`frequency = { times_per_day = 3, days_per_week = 5 }`, or with
    `every_hours = 2` (then times_per_day is the most in a day)."""
    table = f.table_of("frequency", required=False)
    if table is None:
        return None
    sub = Fields(f.file, table, prefix="frequency.")
    frequency = Frequency(
        times_per_day=sub.integer("times_per_day", 1, 12, required=False, default=1),
        days_per_week=sub.integer("days_per_week", 1, 7, required=False, default=7),
        every_hours=(sub.number("every_hours", 0.5, 8) if "every_hours" in table else None),
    )
    sub.check_unknown()
    return frequency


def _routine_item(f: Fields, exercises: Mapping[str, Exercise]) -> RoutineItem:
    ex_id = f.text("exercise")
    exercise = exercises.get(ex_id)
    if exercise is None:
        raise f.fail("exercise", "the id of a loaded exercise", ex_id)
    limits = item_limits(exercise)

    def whole(field: str, default: int) -> int:
        limit = limits[field]
        return f.integer(field, limit.minimum, limit.maximum, required=False, default=default)

    item = RoutineItem(
        exercise=ex_id,
        hold_s=whole("hold_s", exercise.hold_s.default),
        reps=whole("reps", exercise.reps.default),
        sets=whole("sets", exercise.sets),
        rest_s=whole("rest_s", exercise.rest_s),
        walk_s=whole("walk_s", 0) if "walk_s" in f.table else None,
        sides=f.choice("sides", ITEM_SIDES, default=BOTH_SIDES),
    )
    if item.sides != BOTH_SIDES and exercise.sides == Sidedness.NONE:
        raise f.fail("sides", f"'both' ({exercise.name} works both sides at once)", item.sides)
    f.check_unknown()
    return item


def load_catalog(exercise_dirs: Iterable[Path], routine_dirs: Iterable[Path]) -> Catalog:
    """Load every `*.toml` in the given folders, keeping the valid files and
    one sentence per invalid file or missing folder in `Catalog.problems`.
    The id (file name) of each file that did not load is kept with its
    problem, so asking for it later says why instead of "no such"."""
    catalog = Catalog()
    # Ids equal file names, so a clash is a same-named file in another folder:
    # the message gives that file's full path, or it would name the file twice.
    seen: dict[str, Path] = {}
    for path in _toml_files(exercise_dirs, "exercises", catalog.problems):
        try:
            exercise = parse_exercise(path, read_toml(path))
            if exercise.id in seen:
                raise _already_used(path, exercise.id, seen[exercise.id])
        except CatalogError as exc:
            _failed(catalog.problems, catalog.failed_exercises, catalog.exercises, path, exc)
            continue
        seen[exercise.id] = path
        catalog.exercises[exercise.id] = exercise
        catalog.failed_exercises.pop(exercise.id, None)
    seen_routines: dict[str, Path] = {}
    for path in _toml_files(routine_dirs, "routines", catalog.problems):
        try:
            routine = parse_routine(path, read_toml(path), catalog.exercises)
            if routine.id in seen_routines:
                raise _already_used(path, routine.id, seen_routines[routine.id])
        except CatalogError as exc:
            _failed(catalog.problems, catalog.failed_routines, catalog.routines, path, exc)
            continue
        seen_routines[routine.id] = path
        catalog.routines[routine.id] = routine
        catalog.failed_routines.pop(routine.id, None)
    return catalog


def _failed(
    problems: list[str],
    failed: dict[str, str],
    loaded: Mapping[str, object],
    path: Path,
    exc: CatalogError,
) -> None:
    problems.append(str(exc))
    if path.stem not in loaded:  # a second file for a loaded id leaves the first
        failed.setdefault(path.stem, str(exc))


def _already_used(path: Path, item_id: str, first: Path) -> CatalogError:
    return CatalogError(f"{path.name}: field 'id': '{item_id}' is already used by {first}.")


def load_shipped() -> Catalog:
    """The catalog shipped with the app. Exercise files missing from the
    installation are one problem naming where they were looked for; the app
    still starts, with nothing to play."""
    from coach.paths import assets_dir

    try:
        root = assets_dir()
    except FileNotFoundError as exc:
        return Catalog(problems=[f"{str(exc)[:1].upper()}{str(exc)[1:]}."])
    return load_catalog([root / "exercises"], [root / "routines"])


def _toml_files(dirs: Iterable[Path], kind: str, problems: list[str]) -> list[Path]:
    """The `*.toml` files in each folder, by name; a missing or unreadable
    folder is one problem naming it."""
    files: list[Path] = []
    for folder in dirs:
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except FileNotFoundError:
            problems.append(f"{folder}: the folder of {kind} is missing, so none were loaded.")
            continue
        except OSError as exc:
            problems.append(
                f"{folder}: the folder of {kind} cannot be read "
                f"({exc.strerror or exc}), so none were loaded."
            )
            continue
        files.extend(folder / name for name in names if name.endswith(".toml"))
    return files
