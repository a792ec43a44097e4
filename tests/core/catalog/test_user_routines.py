"""The user's own routines (coach.core.catalog.user), item limits
(limits.py), frequencies, and sharing (share.py): the API the editor builds on."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from coach.core.catalog.limits import check_item, item_limits
from coach.core.catalog.loader import load_shipped
from coach.core.catalog.model import Catalog, Frequency, Routine, RoutineItem
from coach.core.catalog.share import (
    FORMAT,
    FORMAT_VERSION,
    SUFFIX,
    export_routine,
    read_shared,
    shared_path,
)
from coach.core.catalog.user import UserRoutines, load_with_user
from coach.core.errors import CatalogError
from coach.paths import config_dir


@pytest.fixture
def catalog() -> Catalog:
    return load_shipped()


@pytest.fixture
def mine(tmp_path: Path) -> UserRoutines:
    return UserRoutines(tmp_path / "routines")


def my_routine(**changes: object) -> Routine:
    routine = Routine(
        id="my-back",
        name="My back",
        description="Piriformis on the left, then a seated bend without walking.",
        items=(
            RoutineItem("piriformis-stretch", 45, 2, 1, 0, walk_s=None, sides="left"),
            RoutineItem("seated-forward-bend", 12, 8, 2, 30, walk_s=0),
            RoutineItem("knee-to-chest", 20, 2, 1, 0, walk_s=None, sides="right"),
        ),
        frequency=Frequency(times_per_day=2, days_per_week=5),
        user=True,
    )
    return replace(routine, **changes)  # type: ignore[arg-type]


# --- Frequency -------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "text", "per_week"),
    [
        (Frequency(3, 5), "3 times a day, 5 days a week", 15),
        (Frequency(), "Once a day, every day", 7),
        (Frequency(2, 1), "Twice a day, 1 day a week", 2),
        (Frequency(4, 5, every_hours=2), "Every 2 hours at the desk, 5 days a week", 20),
        (Frequency(12, 7, every_hours=1), "Every hour at the desk, every day", 56),
        (
            Frequency(2, 5, every_hours=1.5),
            "Every 1.5 hours at the desk (at most twice a day), 5 days a week",
            10,
        ),
        (
            Frequency(12, 7, every_hours=0.5),
            "Every 30 minutes at the desk (at most 12 times a day), every day",
            84,
        ),
    ],
)
def test_frequency_describes_itself_and_counts_sessions(frequency, text, per_week):
    assert frequency.describe() == text
    assert frequency.sessions_per_week() == per_week


def test_shipped_routines_each_have_a_frequency(catalog):
    for routine in catalog.routines.values():
        assert routine.frequency is not None, routine.id
        assert not routine.user
    desk = catalog.routine("desk-break").frequency
    assert desk is not None and desk.every_hours is not None


# --- limits ----------------------------------------------------------------


def test_item_limits_follow_the_exercise_and_say_why(catalog):
    bend = catalog.exercise("seated-forward-bend")
    limits = item_limits(bend)
    assert set(limits) == {"hold_s", "reps", "sets", "rest_s", "walk_s"}
    assert (limits["hold_s"].minimum, limits["hold_s"].maximum) == (10, 20)
    assert limits["hold_s"].why == "The source advises holding 10 to 20 seconds."
    assert (limits["reps"].minimum, limits["reps"].maximum) == (7, 10)
    assert limits["walk_s"].maximum > 0
    for limit in limits.values():
        assert limit.why.endswith(".") and limit.why.count(". ") == 0
    # An exercise that never walks between reps offers no walk.
    assert item_limits(catalog.exercise("pelvic-tilt"))["walk_s"].maximum == 0


def test_check_item_one_sentence_per_problem(catalog):
    bend = catalog.exercise("seated-forward-bend")
    assert check_item(bend, RoutineItem("seated-forward-bend", 15, 8, 1, 0)) == []
    problems = check_item(
        bend, RoutineItem("seated-forward-bend", 5, 30, 1, 0, walk_s=999, sides="left")
    )
    assert len(problems) == 4
    assert all(p.endswith(".") and "\n" not in p for p in problems)
    assert any("hold" in p and "10 to 20" in p for p in problems)
    assert any("both sides at once" in p for p in problems)
    piriformis = catalog.exercise("piriformis-stretch")
    left = RoutineItem("piriformis-stretch", 30, 1, 1, 0, sides="left")
    assert check_item(piriformis, left) == []
    assert check_item(piriformis, replace(left, sides="up"))


# --- save, load, delete ----------------------------------------------------


def test_save_then_load_gives_the_same_routine(catalog, mine):
    path = mine.save(my_routine(), catalog)
    assert path == mine.folder / "my-back.toml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert catalog.routine("my-back") == my_routine()
    fresh = load_shipped()
    mine.load_into(fresh)
    assert fresh.problems == []
    assert fresh.routine("my-back") == my_routine()
    assert fresh.routine("my-back").user
    assert not list(mine.folder.glob(".*"))  # no temporary file left behind


def test_save_refuses_with_one_sentence(catalog, mine):
    cases = [
        (my_routine(id="desk-break"), "shipped"),
        (my_routine(id="Not Kebab"), "kebab-case"),
        (my_routine(name="  "), "name"),
        (my_routine(name="Two\nlines"), "one line"),
        (my_routine(name="Bell\x07"), "one line"),
        (my_routine(items=()), "no exercises"),
        (my_routine(items=(RoutineItem("no-such", 10, 1, 1, 0),)), "no-such"),
        (my_routine(items=(RoutineItem("seated-forward-bend", 99, 8, 1, 0),)), "10 to 20"),
        (my_routine(frequency=Frequency(0, 5)), "times_per_day"),
    ]
    for routine, words in cases:
        with pytest.raises(CatalogError) as caught:
            mine.save(routine, catalog)
        message = str(caught.value)
        assert words in message and "\n" not in message, message
    assert not mine.folder.exists() or not list(mine.folder.iterdir())


def test_delete_and_new_id(catalog, mine):
    mine.save(my_routine(), catalog)
    assert mine.new_id("My back", catalog) == "my-back-2"
    assert mine.new_id("Desk break", catalog) == "desk-break-2"
    assert mine.new_id("  Rücken & Hüfte!  ", catalog) == "rucken-hufte"
    assert mine.new_id("???", catalog) == "routine"
    mine.delete("my-back")
    assert not (mine.folder / "my-back.toml").exists()
    with pytest.raises(CatalogError, match="no routine of yours called 'my-back'"):
        mine.delete("my-back")


def test_load_with_user_reads_the_config_folder(data_dir):
    catalog = load_with_user(data_dir)
    UserRoutines(config_dir(data_dir) / "routines").save(my_routine(), catalog)
    again = load_with_user(data_dir)
    assert again.routine("my-back") == my_routine()
    assert "desk-break" in again.routines


def test_a_bad_user_file_is_one_problem_and_the_rest_load(catalog, mine):
    mine.save(my_routine(), catalog)
    (mine.folder / "broken.toml").write_text('id = "broken"\nname = "B"\n[[items]]\nexercise = 3\n')
    (mine.folder / "desk-break.toml").write_text(
        (mine.folder / "my-back.toml").read_text().replace('"my-back"', '"desk-break"')
    )
    fresh = load_shipped()
    mine.load_into(fresh)
    assert len(fresh.problems) == 2
    assert "broken.toml: field 'items[0].exercise'" in fresh.problems[0]
    assert "already used by a shipped routine" in fresh.problems[1]
    assert "my-back" in fresh.routines and not fresh.routines["desk-break"].user
    with pytest.raises(CatalogError, match="could not be loaded"):
        fresh.routine("broken")


# --- sharing ---------------------------------------------------------------


def test_export_then_read_gives_the_same_routine(catalog, tmp_path):
    path = tmp_path / f"mine{SUFFIX}"
    export_routine(my_routine(), path)
    text = path.read_text()
    assert text.startswith(f'format = "{FORMAT}"\nformat_version = {FORMAT_VERSION}\n')
    assert read_shared(path, load_shipped()) == my_routine()


def test_shared_path_adds_the_suffix(tmp_path):
    assert shared_path(tmp_path / "a") == tmp_path / f"a{SUFFIX}"
    assert shared_path(tmp_path / "a.toml") == tmp_path / f"a.toml{SUFFIX}"
    assert shared_path(tmp_path / f"a{SUFFIX}") == tmp_path / f"a{SUFFIX}"


def test_a_newer_format_is_refused_clearly(catalog, tmp_path):
    path = tmp_path / f"new{SUFFIX}"
    export_routine(my_routine(), path)
    path.write_text(path.read_text().replace("format_version = 1", "format_version = 2"))
    with pytest.raises(CatalogError) as caught:
        read_shared(path, catalog)
    assert str(caught.value) == (
        f"{path}: field 'format_version': the file is format version 2, written by a newer "
        "Stretch Coach; this one reads up to version 1, so update Stretch Coach to import it."
    )


def test_a_file_that_is_not_shared_routine_is_refused(catalog, tmp_path):
    path = tmp_path / "plain.toml"
    path.write_text('id = "x"\nname = "X"\n')
    with pytest.raises(CatalogError, match="field 'format' is missing"):
        read_shared(path, catalog)


def test_a_pipe_or_folder_is_refused_not_read(catalog, mine, tmp_path):
    mine.folder.mkdir()
    os.mkfifo(mine.folder / "pipe.toml")
    (mine.folder / "folder.toml").mkdir()
    mine.load_into(catalog)  # returns: a pipe would block the read forever
    assert len(catalog.problems) == 2
    assert catalog.problems == [
        f"{mine.folder / 'folder.toml'}: cannot be read (Is a directory).",
        f"{mine.folder / 'pipe.toml'}: is not a regular file, so it was not read.",
    ]
    os.mkfifo(tmp_path / f"pipe{SUFFIX}")
    with pytest.raises(CatalogError, match="is not a regular file"):
        read_shared(tmp_path / f"pipe{SUFFIX}", catalog)
