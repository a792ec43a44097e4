"""`coach routine list|show|new|import|export|delete` (issue 17), and that
`coach list` sees the user's routines. Every refusal is one sentence and
exit 1; an export imported into a fresh data folder is the same routine."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coach import cli
from coach.core.catalog.share import SUFFIX
from coach.core.catalog.user import load_with_user
from coach.paths import config_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    said = capsys.readouterr()
    return code, said.out, said.err


def refused(capsys, words: str, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 1, (out, err)
    assert err.startswith("coach: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Something went wrong" not in err
    assert words in err, err
    return err


def my_folder(data_dir: Path) -> Path:
    return config_dir(data_dir) / "routines"


def test_new_from_a_shipped_routine_then_list_show_and_play_see_it(capsys, data_dir):
    code, out, err = run(capsys, "routine", "new", "--from", "desk-break", "--name", "My desk")
    assert (code, err) == (0, "")
    assert "'my-desk'" in out
    path = my_folder(data_dir) / "my-desk.toml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    code, out, _ = run(capsys, "routine", "list")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("my-desk "))
    assert "yours" in line and "Every 2 hours at the desk" in line
    assert "desk-break" in out and "shipped" in out
    code, out, _ = run(capsys, "routine", "show", "my-desk")
    assert code == 0 and out.startswith("My desk (my-desk, yours)")
    assert "Seated forward bend" in out
    code, out, _ = run(capsys, "list", "--json")
    routines = {r["id"]: r for r in json.loads(out)["routines"]}
    assert routines["my-desk"]["user"] is True
    assert routines["desk-break"]["user"] is False
    assert routines["desk-break"]["frequency"]["every_hours"] == 2.0
    assert routines["bedtime-five"]["frequency"]["description"] == "Once a day, every day"
    assert [i["exercise"] for i in routines["my-desk"]["items"]] == [
        i["exercise"] for i in routines["desk-break"]["items"]
    ]
    # A second copy gets a fresh id; the name defaults to "<name> (copy)".
    code, out, _ = run(capsys, "routine", "new", "--from", "my-desk")
    assert code == 0 and "'my-desk-copy' (My desk (copy))" in out


def test_export_then_import_on_a_fresh_data_folder_is_identical(capsys, data_dir, tmp_path):
    run(capsys, "routine", "new", "--from", "bedtime-five", "--name", "Night")
    # Give it overrides, as the editor would, through the file.
    path = my_folder(data_dir) / "night.toml"
    text = path.read_text().replace("hold_s = 60\n", "hold_s = 45\n", 1)
    text = text.replace('exercise = "crossovers"\n', 'exercise = "crossovers"\nsides = "left"\n')
    path.write_text(text)
    original = load_with_user(data_dir).routine("night")
    assert original.items[0].hold_s == 45
    assert any(item.sides == "left" for item in original.items)

    code, out, err = run(capsys, "routine", "export", "night", "-o", str(tmp_path / "night"))
    shared = tmp_path / f"night{SUFFIX}"
    assert (code, err) == (0, "") and str(shared) in out
    fresh = tmp_path / "fresh-data"
    fresh.mkdir()
    code, out, err = run(capsys, "--data-dir", str(fresh), "routine", "import", str(shared))
    assert (code, err) == (0, ""), err
    imported = load_with_user(fresh).routine("night")
    assert imported == original
    assert load_with_user(fresh).estimated_seconds(imported) == load_with_user(
        data_dir
    ).estimated_seconds(original)


def test_import_never_overwrites_without_replace(capsys, data_dir, tmp_path):
    run(capsys, "routine", "new", "--from", "desk-break", "--name", "Mine")
    shared = tmp_path / f"mine{SUFFIX}"
    run(capsys, "routine", "export", "mine", "-o", str(shared))
    before = (my_folder(data_dir) / "mine.toml").read_bytes()
    refused(capsys, "You already have a routine 'mine'", "routine", "import", str(shared))
    assert (my_folder(data_dir) / "mine.toml").read_bytes() == before
    code, out, _ = run(capsys, "routine", "import", str(shared), "--replace")
    assert code == 0 and out.startswith("Replaced")
    code, out, _ = run(capsys, "routine", "import", str(shared), "--as-new")
    assert code == 0 and "'mine-2'" in out


def test_a_shipped_routine_exported_cannot_replace_itself(capsys, tmp_path):
    shared = tmp_path / f"desk{SUFFIX}"
    assert run(capsys, "routine", "export", "desk-break", "-o", str(shared))[0] == 0
    refused(capsys, "id of a shipped routine", "routine", "import", str(shared), "--replace")
    code, out, _ = run(capsys, "routine", "import", str(shared), "--as-new")
    assert code == 0 and "'desk-break-2'" in out


def test_delete(capsys, data_dir):
    refused(
        capsys,
        "'desk-break' is a shipped routine and cannot be deleted",
        "routine",
        "delete",
        "desk-break",
    )
    refused(capsys, "There is no routine called 'nope'", "routine", "delete", "nope")
    run(capsys, "routine", "new", "--from", "desk-break", "--name", "Gone soon")
    code, out, _ = run(capsys, "routine", "delete", "gone-soon")
    assert code == 0 and "Deleted" in out
    assert not (my_folder(data_dir) / "gone-soon.toml").exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["routine", "show", "nope"], "There is no routine called 'nope'"),
        (["routine", "new", "--from", "nope"], "There is no routine called 'nope'"),
        (["routine", "export", "nope", "-o", "x"], "There is no routine called 'nope'"),
        (["routine", "import", "/no/such/file.stretchroutine"], "cannot be read"),
    ],
)
def test_refusals_are_one_sentence(capsys, argv, words):
    refused(capsys, words, *argv)


def test_import_of_a_bad_file_names_file_and_field(capsys, tmp_path):
    bad = tmp_path / f"bad{SUFFIX}"
    bad.write_text(
        'format = "stretch-coach-routine"\nformat_version = 1\nid = "bad"\nname = "Bad"\n'
        '[[items]]\nexercise = "seated-forward-bend"\nhold_s = 500\n'
    )
    err = refused(capsys, "field 'items[0].hold_s'", "routine", "import", str(bad))
    assert str(bad) in err


def test_a_user_routine_prints(capsys, data_dir, tmp_path, qapp):
    run(capsys, "routine", "new", "--from", "desk-break", "--name", "Cards")
    code, _out, err = run(capsys, "print", "cards", "-o", str(tmp_path / "cards.pdf"))
    assert (code, err) == (0, ""), err
    assert (tmp_path / "cards.pdf").stat().st_size > 1000
