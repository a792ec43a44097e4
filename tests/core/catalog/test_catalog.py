"""The shipped exercise catalog, and the loader's handling of broken files.

Each broken-file test writes a small catalog into tmp_path: one valid
exercise and routine, plus the one bad file under test. The bad file must
give exactly one problem naming the file and the field, and the valid rest
must still load.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coach.core.catalog.loader import load_catalog, load_shipped
from coach.core.catalog.model import Catalog
from coach.core.figure.animation import Animation
from coach.core.vocabulary import Kind, Motion, PosePhase, Position, PropKind, Sidedness
from coach.paths import assets_dir

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
EXERCISE_FILES = sorted((assets_dir() / "exercises").glob("*.toml"))
ROUTINE_FILES = sorted((assets_dir() / "routines").glob("*.toml"))

SHIPPED_ROUTINES = {
    "desk-break",
    "directed-forward-bend",
    "bedtime-five",
    "morning-and-night",
    "strength-and-stability",
}

EXERCISE = """\
id = "{id}"
name = "Test stretch"
kind = "stretch"
position = "lying"
sides = "none"
hold_s = {{ min = 10, max = 30, default = 20 }}
reps = {{ min = 1, max = 3, default = 2 }}
targets = ["lower back"]
motions = ["flexion"]
steps = ["Lie down.", "Bring your knees up.", "Stay and breathe.", "Lower your feet."]
phase_steps = {{ start = [1], move = [2], hold = [3], release = [4] }}
cues = ["Breathe out."]
cautions = ["Stop on sharp pain."]
source = ["000_ee1db9587448a5cb.txt"]
"""

ROUTINE = """\
id = "{id}"
name = "Test routine"

[[items]]
exercise = "good-stretch"
hold_s = 15
"""


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_shipped()


# --- the shipped catalog ---------------------------------------------------


def test_shipped_catalog_loads_without_problems(shipped: Catalog) -> None:
    assert shipped.problems == []
    assert len(shipped.exercises) == len(EXERCISE_FILES)
    assert len(shipped.routines) == len(ROUTINE_FILES)


def test_shipped_catalog_has_sixteen_exercises_and_the_five_routines(shipped: Catalog) -> None:
    assert len(shipped.exercises) >= 16
    assert set(shipped.routines) >= SHIPPED_ROUTINES


@pytest.mark.parametrize("path", EXERCISE_FILES + ROUTINE_FILES, ids=lambda p: p.name)
def test_ids_equal_file_names(path: Path) -> None:
    with path.open("rb") as handle:
        assert tomllib.load(handle)["id"] == path.stem


def test_bedtime_five_follows_the_seed_order_and_holds_a_minute(shipped: Catalog) -> None:
    items = shipped.routine("bedtime-five").items
    assert [i.exercise for i in items] == [
        "knees-to-chest",
        "forward-fold",
        "childs-pose",
        "childs-pose-side-reach",
        "crossovers",
        "doorway-hamstring",
    ]
    assert all(item.hold_s >= 60 for item in items)


def test_desk_break_is_seated_or_standing_and_short(shipped: Catalog) -> None:
    routine = shipped.routine("desk-break")
    positions = {shipped.exercise(item.exercise).position for item in routine.items}
    assert positions <= {"seated", "standing"}
    assert shipped.estimated_seconds(routine) <= 6 * 60


def test_directed_bends_walk_between_reps(shipped: Catalog) -> None:
    for ex_id in ("directed-forward-bend", "seated-forward-bend"):
        exercise = shipped.exercise(ex_id)
        assert exercise.walk_between_reps and exercise.walk_s > 0
        assert (exercise.hold_s.min, exercise.hold_s.max) == (10, 20)
        assert (exercise.reps.min, exercise.reps.max) == (7, 10)


def test_exercises_look_sane_for_the_player(shipped: Catalog) -> None:
    for exercise in shipped.exercises.values():
        assert 2 <= exercise.move_s <= 6 and 2 <= exercise.release_s <= 6, exercise.id
        assert exercise.hold_s.default > 0, exercise.id
        assert any("sharp" in line for line in exercise.cautions), exercise.id
        assert exercise.animation is None or isinstance(exercise.animation, Animation)


def test_the_catalog_holds_typed_words_and_parsed_animations(shipped: Catalog) -> None:
    exercise = shipped.exercise("seated-spinal-twist")
    assert exercise.kind is Kind.STRETCH and exercise.position is Position.SEATED
    assert exercise.sides is Sidedness.EACH
    assert all(isinstance(p, PropKind) for p in exercise.props)
    assert exercise.motions and all(isinstance(m, Motion) for m in exercise.motions)
    assert isinstance(exercise.animation, Animation)
    assert exercise.animation.hold.phase is PosePhase.HOLD
    assert exercise.stage is exercise.stage  # built once, kept with the exercise


def test_every_shipped_exercise_maps_every_phase_and_uses_every_step(
    shipped: Catalog,
) -> None:
    for exercise in shipped.exercises.values():
        for phase in (PosePhase.START, PosePhase.MOVE, PosePhase.HOLD, PosePhase.RELEASE):
            assert exercise.steps_for(phase), (exercise.id, phase)
        used = {n for _, numbers in exercise.phase_steps for n in numbers}
        assert used == set(range(1, len(exercise.steps) + 1)), exercise.id
        if exercise.walk_between_reps:
            assert exercise.steps_for(PosePhase.WALK), exercise.id


def test_the_hold_shows_what_to_do_while_holding(shipped: Catalog) -> None:
    """The guess this mapping replaced showed "Bring your knees back to the
    middle" during lower back rotation's hold."""
    rotation = shipped.exercise("lower-back-rotation")
    assert rotation.steps_for(PosePhase.HOLD) == ("Hold there.",)
    assert rotation.steps_for(PosePhase.RELEASE)[0] == "Bring your knees back to the middle."
    assert rotation.step_numbers_for(PosePhase.MOVE) == (2,)


def test_every_source_names_a_seed_file(shipped: Catalog) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS}")
    present = {path.name for path in SEEDS.iterdir()}
    for exercise in shipped.exercises.values():
        assert exercise.source, exercise.id
        assert set(exercise.source) <= present, exercise.id


# --- broken files ----------------------------------------------------------


def _catalog(
    tmp_path: Path,
    exercises: dict[str, str | bytes] | None = None,
    routines: dict[str, str] | None = None,
) -> Catalog:
    """Write a valid exercise and routine plus the given files, then load."""
    ex_dir, routine_dir = tmp_path / "exercises", tmp_path / "routines"
    ex_dir.mkdir()
    routine_dir.mkdir()
    files = {
        ex_dir / "good-stretch.toml": EXERCISE.format(id="good-stretch"),
        routine_dir / "good-routine.toml": ROUTINE.format(id="good-routine"),
    }
    files.update({ex_dir / name: text for name, text in (exercises or {}).items()})
    files.update({routine_dir / name: text for name, text in (routines or {}).items()})
    for path, content in files.items():
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return load_catalog([ex_dir], [routine_dir])


def _only_problem(catalog: Catalog, file: str, *parts: str) -> str:
    """The catalog has exactly one problem, about `file`, mentioning `parts`;
    the valid exercise and routine still loaded."""
    assert len(catalog.problems) == 1, catalog.problems
    message = catalog.problems[0]
    assert message.startswith(f"{file}: "), message
    for part in parts:
        assert part in message, message
    assert "\n" not in message and message.endswith(".")
    assert "good-stretch" in catalog.exercises
    assert "good-routine" in catalog.routines
    return message


def _edit(old: str, new: str) -> str:
    text = EXERCISE.format(id="bad-stretch")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        pytest.param(
            _edit('sides = "none"', 'sides = "none"\ncolour = "red"'),
            "'colour'",
            "not a known field",
            id="unknown-field",
        ),
        pytest.param(
            _edit('name = "Test stretch"', "name = 5"),
            "'name'",
            "a non-empty string, got 5",
            id="wrong-type",
        ),
        pytest.param(
            _edit("max = 30", "max = 900"),
            "'hold_s.max'",
            "from 0 to 600, got 900",
            id="out-of-range",
        ),
        pytest.param(
            _edit('kind = "stretch"\n', ""),
            "'kind'",
            "missing and is required",
            id="missing-required",
        ),
        pytest.param(
            _edit('position = "lying"', 'position = "upside-down"'),
            "'position'",
            "one of standing, seated",
            id="not-a-choice",
        ),
        pytest.param(
            _edit('motions = ["flexion"]', 'motions = ["flexion", "twirl"]'),
            "'motions'",
            "'twirl'",
            id="bad-list-entry",
        ),
        pytest.param(
            _edit("default = 20", "default = 40"),
            "'hold_s'",
            "min <= default <= max",
            id="default-outside-span",
        ),
        pytest.param(
            _edit('sides = "none"', 'sides = "none"\nwalk_between_reps = true'),
            "'walk_s'",
            "missing and is required",
            id="walk-without-walk-s",
        ),
        pytest.param(
            _edit("hold = [3]", "hold = [9]"),
            "'phase_steps.hold'",
            "a list of step numbers from 1 to 4, got [9]",
            id="phase-step-out-of-range",
        ),
        pytest.param(
            _edit("hold = [3]", "hold = 3"),
            "'phase_steps.hold'",
            "a list of step numbers from 1 to 4, got 3",
            id="phase-step-not-a-list",
        ),
        pytest.param(
            _edit(", release = [4]", ", walk = [4]"),
            "'phase_steps.walk'",
            "only in an exercise with walk_between_reps = true",
            id="phase-step-walk-without-walking",
        ),
        pytest.param(
            _edit("release = [4]", "release = [4], dance = [1]"),
            "'phase_steps.dance'",
            "expected a phase: start, move, hold, release, walk, rest, switch",
            id="phase-step-unknown-phase",
        ),
        pytest.param(
            _edit(", release = [4]", ", hold = [3, 4]").replace("hold = [3], ", ""),
            "'phase_steps.release'",
            "missing and is required",
            id="phase-step-missing-phase",
        ),
        pytest.param(
            _edit("release = [4]", "release = [3]"),
            "'phase_steps'",
            "step 4 is in no phase",
            id="phase-step-unused-step",
        ),
        pytest.param(
            _edit("phase_steps = { start = [1], move = [2], hold = [3], release = [4] }\n", ""),
            "'phase_steps'",
            "missing and is required",
            id="phase-steps-missing",
        ),
        pytest.param(
            _edit('sides = "none"', 'sides = "none"\nanimation = 3'),
            "'animation'",
            "a table",
            id="animation-not-a-table",
        ),
    ],
)
def test_bad_exercise_field_is_reported(
    tmp_path: Path, text: str, field: str, expected: str
) -> None:
    catalog = _catalog(tmp_path, exercises={"bad-stretch.toml": text})
    _only_problem(catalog, "bad-stretch.toml", f"field {field}", expected)
    assert "bad-stretch" not in catalog.exercises


def test_id_differing_from_file_name_is_reported(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path, exercises={"other-name.toml": EXERCISE.format(id="bad-stretch")})
    _only_problem(catalog, "other-name.toml", "field 'id'", "'other-name'", "'bad-stretch'")


def test_invalid_toml_is_reported_with_its_line(tmp_path: Path) -> None:
    text = _edit('name = "Test stretch"', 'name = "Test stretch')
    catalog = _catalog(tmp_path, exercises={"bad-stretch.toml": text})
    _only_problem(catalog, "bad-stretch.toml", "not valid TOML", "line 2")


def test_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    text = _edit("Test stretch", "Test stretch \xe9").encode("latin-1")
    catalog = _catalog(tmp_path, exercises={"bad-stretch.toml": text})
    _only_problem(catalog, "bad-stretch.toml", "not valid TOML", "UTF-8")


def test_duplicate_exercise_id_names_the_other_file(tmp_path: Path) -> None:
    _catalog(tmp_path)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "good-stretch.toml").write_text(EXERCISE.format(id="good-stretch"), encoding="utf-8")
    catalog = load_catalog([tmp_path / "exercises", extra], [tmp_path / "routines"])
    message = _only_problem(catalog, "good-stretch.toml", "field 'id'", "already used")
    assert str(tmp_path / "exercises" / "good-stretch.toml") in message


def test_duplicate_routine_id_is_reported(tmp_path: Path) -> None:
    _catalog(tmp_path)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "good-routine.toml").write_text(ROUTINE.format(id="good-routine"), encoding="utf-8")
    catalog = load_catalog([tmp_path / "exercises"], [tmp_path / "routines", extra])
    message = _only_problem(catalog, "good-routine.toml", "field 'id'", "already used")
    assert str(tmp_path / "routines" / "good-routine.toml") in message


def test_routine_naming_an_unknown_exercise_is_reported(tmp_path: Path) -> None:
    text = ROUTINE.format(id="bad-routine") + '\n[[items]]\nexercise = "no-such-stretch"\n'
    catalog = _catalog(tmp_path, routines={"bad-routine.toml": text})
    _only_problem(catalog, "bad-routine.toml", "field 'items[1].exercise'", "'no-such-stretch'")
    assert "bad-routine" not in catalog.routines


def test_routine_override_outside_the_exercise_range_is_reported(tmp_path: Path) -> None:
    text = ROUTINE.format(id="bad-routine").replace("hold_s = 15", "hold_s = 45")
    catalog = _catalog(tmp_path, routines={"bad-routine.toml": text})
    _only_problem(catalog, "bad-routine.toml", "field 'items[0].hold_s'", "from 10 to 30, got 45")


def test_routine_item_with_unknown_field_is_reported(tmp_path: Path) -> None:
    text = ROUTINE.format(id="bad-routine").replace("hold_s = 15", "hold = 15")
    catalog = _catalog(tmp_path, routines={"bad-routine.toml": text})
    _only_problem(catalog, "bad-routine.toml", "field 'items[0].hold'", "not a known field")


def test_routine_without_items_is_reported(tmp_path: Path) -> None:
    text = 'id = "bad-routine"\nname = "Empty"\nitems = []\n'
    catalog = _catalog(tmp_path, routines={"bad-routine.toml": text})
    _only_problem(catalog, "bad-routine.toml", "field 'items'")


def test_routine_overrides_resolve_against_the_exercise(tmp_path: Path) -> None:
    catalog = _catalog(tmp_path)
    (item,) = catalog.routine("good-routine").items
    assert (item.exercise, item.hold_s, item.reps, item.sets, item.rest_s) == (
        "good-stretch",
        15,
        2,
        1,
        0,
    )
