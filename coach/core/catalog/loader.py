"""The exercise catalog: exercises and routines read from TOML files.

Each file is validated on its own. A bad file is reported (file, field, what
was expected) and skipped; the valid rest still loads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.core import schema
from coach.core.errors import CatalogError
from coach.core.figure.poses import checked_animation
from coach.core.schema import Fields


@dataclass(frozen=True)
class Span:
    """A range of whole numbers with a default, e.g. hold 10–20 s, default 15."""

    min: int
    max: int
    default: int


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: str
    position: str
    sides: str
    hold_s: Span
    reps: Span
    sets: int = 1
    rest_s: int = 0
    walk_between_reps: bool = False
    walk_s: int = 0
    move_s: float = 3.0
    release_s: float = 3.0
    props: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    motions: tuple[str, ...] = ()
    summary: str = ""
    steps: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    animation: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def side_count(self) -> int:
        return 1 if self.sides == "none" else 2


@dataclass(frozen=True)
class RoutineItem:
    """One exercise in a routine, with the figures this routine uses."""

    exercise: str
    hold_s: int
    reps: int
    sets: int
    rest_s: int


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]


@dataclass
class Catalog:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.routines[routine_id]
        except KeyError:
            known = ", ".join(sorted(self.routines)) or "none"
            raise CatalogError(
                f"There is no routine called '{routine_id}' (known routines: {known})."
            ) from None

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise CatalogError(f"There is no exercise called '{exercise_id}'.") from None

    def estimated_seconds(self, routine: Routine) -> float:
        """Rough length of a routine, for the routine list."""
        total = 0.0
        for item in routine.items:
            ex = self.exercises[item.exercise]
            rep = (
                ex.move_s + item.hold_s + ex.release_s + (ex.walk_s if ex.walk_between_reps else 0)
            )
            total += ex.side_count * item.sets * item.reps * rep + (item.sets - 1) * item.rest_s
        return total


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path.name}: is not valid TOML ({exc}).") from None
    except UnicodeDecodeError:
        # tomllib decodes the bytes itself and lets this through; without the
        # catch one mis-saved file would stop the whole catalog from loading.
        raise CatalogError(f"{path.name}: is not valid TOML (the text is not UTF-8).") from None
    except OSError as exc:
        raise CatalogError(f"{path.name}: cannot be read ({exc.strerror}).") from None


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
    exercise = Exercise(
        id=ex_id,
        name=f.text("name"),
        kind=f.choice("kind", schema.KINDS),
        position=f.choice("position", schema.POSITIONS),
        sides=f.choice("sides", schema.SIDES),
        hold_s=_span(f, "hold_s", 0, 600),
        reps=_span(f, "reps", 1, 50),
        sets=f.integer("sets", 1, 10, required=False, default=1),
        rest_s=f.integer("rest_s", 0, 600, required=False, default=0),
        walk_between_reps=walk,
        walk_s=f.integer("walk_s", 1, 300, required=walk, default=0),
        move_s=f.number("move_s", 0.5, 30, required=False, default=3.0),
        release_s=f.number("release_s", 0.5, 30, required=False, default=3.0),
        props=f.texts("props", required=False, choices=schema.PROPS),
        targets=f.texts("targets"),
        motions=f.texts("motions", choices=schema.MOTIONS),
        summary=f.text("summary", required=False),
        steps=f.texts("steps"),
        cues=f.texts("cues"),
        cautions=f.texts("cautions"),
        variants=f.texts("variants", required=False),
        source=f.texts("source"),
        animation=checked_animation(path.name, f.table_of("animation", required=False)),
    )
    f.check_unknown()
    return exercise


def parse_routine(
    path: Path, data: Mapping[str, Any], exercises: Mapping[str, Exercise]
) -> Routine:
    f = Fields(path.name, data)
    routine_id = f.text("id")
    if routine_id != path.stem:
        raise f.fail("id", f"the file name '{path.stem}'", routine_id)
    name = f.text("name")
    description = f.text("description", required=False)
    raw_items = f.raw("items", True)
    if not isinstance(raw_items, list) or not raw_items:
        raise f.fail("items", "a list of [[items]] tables", raw_items)
    items = []
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise f.fail(f"items[{index}]", "a table", raw)
        items.append(_routine_item(Fields(path.name, raw, f"items[{index}]."), exercises))
    f.check_unknown()
    return Routine(routine_id, name, description, tuple(items))


def _routine_item(f: Fields, exercises: Mapping[str, Exercise]) -> RoutineItem:
    ex_id = f.text("exercise")
    exercise = exercises.get(ex_id)
    if exercise is None:
        raise f.fail("exercise", "the id of a loaded exercise", ex_id)
    hold, reps = exercise.hold_s, exercise.reps
    item = RoutineItem(
        exercise=ex_id,
        hold_s=f.integer("hold_s", hold.min, hold.max, required=False, default=hold.default),
        reps=f.integer("reps", reps.min, reps.max, required=False, default=reps.default),
        sets=f.integer("sets", 1, 10, required=False, default=exercise.sets),
        rest_s=f.integer("rest_s", 0, 600, required=False, default=exercise.rest_s),
    )
    f.check_unknown()
    return item


def load_catalog(exercise_dirs: Iterable[Path], routine_dirs: Iterable[Path]) -> Catalog:
    """Load every `*.toml` in the given folders, keeping the valid files and
    one sentence per invalid one in `Catalog.problems`."""
    catalog = Catalog()
    # Ids equal file names, so a clash is a same-named file in another folder:
    # the message gives that file's full path, or it would name the file twice.
    seen: dict[str, Path] = {}
    for path in _toml_files(exercise_dirs):
        try:
            exercise = parse_exercise(path, _read_toml(path))
            if exercise.id in seen:
                raise _already_used(path, exercise.id, seen[exercise.id])
        except CatalogError as exc:
            catalog.problems.append(str(exc))
            continue
        seen[exercise.id] = path
        catalog.exercises[exercise.id] = exercise
    seen_routines: dict[str, Path] = {}
    for path in _toml_files(routine_dirs):
        try:
            routine = parse_routine(path, _read_toml(path), catalog.exercises)
            if routine.id in seen_routines:
                raise _already_used(path, routine.id, seen_routines[routine.id])
        except CatalogError as exc:
            catalog.problems.append(str(exc))
            continue
        seen_routines[routine.id] = path
        catalog.routines[routine.id] = routine
    return catalog


def _already_used(path: Path, item_id: str, first: Path) -> CatalogError:
    return CatalogError(f"{path.name}: field 'id': '{item_id}' is already used by {first}.")


def load_shipped() -> Catalog:
    from coach.paths import assets_dir

    root = assets_dir()
    return load_catalog([root / "exercises"], [root / "routines"])


def _toml_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.toml")))
    return files
