"""`coach list` as a user runs it: a separate process in the source tree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.core.catalog.loader import load_shipped

ROOT = Path(__file__).resolve().parents[3]

EXERCISE_KEYS = {
    "id",
    "name",
    "kind",
    "position",
    "props",
    "motions",
    "sides",
    "hold_s",
    "reps",
    "sets",
    "walk_between_reps",
    "source",
}
ROUTINE_KEYS = {"id", "name", "items"}
ITEM_KEYS = {"exercise", "hold_s", "reps", "sets"}


def _coach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_list_json_has_the_documented_shape() -> None:
    result = _coach("list", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) == {"exercises", "routines"}

    catalog = load_shipped()
    assert [e["id"] for e in data["exercises"]] == list(catalog.exercises)
    for exercise in data["exercises"]:
        assert set(exercise) >= EXERCISE_KEYS, exercise["id"]
        for span in ("hold_s", "reps"):
            assert set(exercise[span]) == {"min", "max", "default"}
            assert all(isinstance(v, int) for v in exercise[span].values())
        assert all(isinstance(exercise[key], list) for key in ("props", "motions", "source"))
        assert isinstance(exercise["walk_between_reps"], bool)
        assert isinstance(exercise["sets"], int)

    assert [r["id"] for r in data["routines"]] == list(catalog.routines)
    for routine in data["routines"]:
        assert set(routine) >= ROUTINE_KEYS, routine["id"]
        assert routine["items"], routine["id"]
        for item in routine["items"]:
            assert set(item) >= ITEM_KEYS
            assert item["exercise"] in catalog.exercises
            assert all(isinstance(item[key], int) for key in ("hold_s", "reps", "sets"))


def test_list_text_names_every_exercise_and_routine() -> None:
    result = _coach("list")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    catalog = load_shipped()
    for name in [*catalog.exercises, *catalog.routines]:
        assert name in result.stdout


@pytest.mark.parametrize(
    "args",
    [("bogus",), ("list", "--bogus"), ("list", "extra")],
    ids=["unknown-subcommand", "unknown-option", "extra-argument"],
)
def test_bad_command_line_gives_one_line_and_fails(args: tuple[str, ...]) -> None:
    result = _coach(*args)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("coach: ")
    assert "Traceback" not in result.stderr
