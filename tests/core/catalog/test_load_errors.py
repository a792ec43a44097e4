"""Catalog load errors name the file (issue 13, item 8): a file nested too
deeply for the TOML parser, a file that cannot be read, a missing folder or
a missing assets folder are one sentence each and the rest still loads; a
routine or exercise whose file failed says why when asked for by id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach import cli, paths
from coach.core.catalog.loader import load_catalog, load_shipped
from coach.core.errors import CatalogError
from tests.core.catalog.test_catalog import EXERCISE, ROUTINE

DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    exercises, routines = tmp_path / "exercises", tmp_path / "routines"
    exercises.mkdir()
    routines.mkdir()
    (exercises / "good-stretch.toml").write_text(EXERCISE.format(id="good-stretch"))
    (routines / "good-routine.toml").write_text(ROUTINE.format(id="good-routine"))
    return exercises, routines


def test_a_file_nested_too_deeply_is_one_problem_naming_it(tmp_path):
    exercises, routines = _folders(tmp_path)
    (exercises / "deep.toml").write_text(DEEP)
    (routines / "deep-routine.toml").write_text(DEEP)
    catalog = load_catalog([exercises], [routines])
    assert catalog.problems == [
        "deep.toml: is nested too deeply to be read.",
        "deep-routine.toml: is nested too deeply to be read.",
    ]
    assert set(catalog.exercises) == {"good-stretch"}
    assert set(catalog.routines) == {"good-routine"}


def test_a_file_that_cannot_be_read_is_one_problem_naming_it(tmp_path):
    exercises, routines = _folders(tmp_path)
    (exercises / "odd.toml").mkdir()  # unreadable even for root
    catalog = load_catalog([exercises], [routines])
    assert catalog.problems == ["odd.toml: cannot be read (Is a directory)."]
    assert "good-stretch" in catalog.exercises


def test_a_missing_folder_is_one_problem_naming_it(tmp_path):
    exercises, _routines = _folders(tmp_path)
    missing = tmp_path / "no-routines"
    catalog = load_catalog([exercises], [missing])
    assert catalog.problems == [
        f"{missing}: the folder of routines is missing, so none were loaded."
    ]
    assert "good-stretch" in catalog.exercises


def test_missing_assets_are_one_problem_and_an_empty_catalog(tmp_path, monkeypatch, capsys):
    looked = [tmp_path / "bundle", tmp_path / "assets"]
    monkeypatch.setattr(paths, "assets_dir", lambda: paths.find_assets(looked))
    catalog = load_shipped()
    assert catalog.problems == [
        "The exercise files are missing from this installation (there is no folder "
        f"{looked[0] / 'exercises'} or {looked[1] / 'exercises'})."
    ]
    assert not catalog.exercises and not catalog.routines
    assert cli.main(["list"]) == 0  # says so, and lists nothing
    err = capsys.readouterr().err
    assert err == f"coach: {catalog.problems[0]}\n"


def test_a_routine_that_failed_says_why(tmp_path):
    exercises, routines = _folders(tmp_path)
    bad = ROUTINE.format(id="bad-routine").replace("hold_s = 15", "hold_s = 45")
    (routines / "bad-routine.toml").write_text(bad)
    (exercises / "bad-stretch.toml").write_text(DEEP)
    catalog = load_catalog([exercises], [routines])
    with pytest.raises(CatalogError) as info:
        catalog.routine("bad-routine")
    assert str(info.value) == (
        "The routine 'bad-routine' could not be loaded: bad-routine.toml: field "
        "'items[0].hold_s': expected a whole number from 10 to 30, got 45."
    )
    with pytest.raises(CatalogError, match=r"^The exercise 'bad-stretch' could not be loaded: "):
        catalog.exercise("bad-stretch")
    with pytest.raises(CatalogError, match=r"^There is no routine called 'nothing'"):
        catalog.routine("nothing")


def test_a_second_file_for_a_loaded_id_does_not_hide_the_first(tmp_path):
    exercises, routines = _folders(tmp_path)
    more = tmp_path / "more"
    more.mkdir()
    (more / "good-routine.toml").write_text(ROUTINE.format(id="good-routine"))
    catalog = load_catalog([exercises], [routines, more])
    assert catalog.routine("good-routine").name == "Test routine"


# -- through the command line: the shipped assets with one broken routine --------


@pytest.fixture
def broken_assets(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    assets = tmp_path / "assets"
    shutil.copytree(paths.assets_dir(), assets)
    (assets / "routines" / "desk-break.toml").write_text(DEEP)
    monkeypatch.setattr(paths, "assets_dir", lambda: assets)
    return assets


@pytest.mark.parametrize("command", ["play", "print"])
def test_asking_for_a_routine_that_failed_says_why(qapp, broken_assets, tmp_path, capsys, command):
    argv = [command, "desk-break"] + (["-o", str(tmp_path / "x.pdf")] if command == "print" else [])
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert err == (
        "coach: The routine 'desk-break' could not be loaded: "
        "desk-break.toml: is nested too deeply to be read.\n"
    )
    assert not (tmp_path / "x.pdf").exists()


def test_list_reports_the_file_and_lists_the_rest(broken_assets, capsys):
    assert cli.main(["list"]) == 0
    said = capsys.readouterr()
    assert said.err == "coach: desk-break.toml: is nested too deeply to be read.\n"
    assert "bedtime-five" in said.out and "desk-break " not in said.out
