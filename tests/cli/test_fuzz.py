"""Every bad input is one sentence (issue 13, item 8): hypothesis over the
argument grammar of `coach`, run in-process through `coach.cli.main`, against
a data folder holding a filled log.

Only invocations that must fail are generated: each has at least one wrong
part (an unknown id, a number that is not finite or out of range, a date that
is not one, a path that cannot take the file, an unknown option). Whatever
the mix, the run exits non-zero with exactly one line on stderr, no
traceback and no crash report, and the log's rows and the data folder are
exactly as they were. A `play` that would succeed opens a window, so play is
only ever generated with an unknown routine or a bad --time-scale."""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coach import cli
from coach.core.catalog.loader import load_shipped
from coach.core.errors import CoachError
from coach.core.log.export import parse_since
from coach.core.log.store import DB_NAME, SessionLog
from tests.core.log import history_sample

SHIPPED = load_shipped()
ROUTINES = sorted(SHIPPED.routines)
EXERCISES = sorted(SHIPPED.exercises)
PHASES = ["start", "move", "hold", "release", "walk"]

# Text a person could type: any character but NUL (argv cannot hold one) and
# lone surrogates (pytest's captured stderr is strict UTF-8, a terminal's is not).
TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=24,
)
# Line breaks and other controls, often: a name typed with one must not
# split the sentence that repeats it.
BREAKS = st.text(alphabet="ab-\n\r\t\x0b\x0c\x1b\x1c\x85\u2028\u2029", min_size=1, max_size=6)
# An argument that is not an option (a leading '-' would be parsed as one, and
# '--he' is --help, which rightly succeeds).
WORD = st.one_of(TYPED, BREAKS).filter(lambda s: not s.startswith("-"))


def _unknown(known: list[str]) -> st.SearchStrategy[str]:
    return WORD.filter(lambda s: s not in known)


def _not_number_in(low: float, high: float) -> st.SearchStrategy[str]:
    """Text that is not a finite number from low to high."""
    return st.one_of(
        st.sampled_from(["inf", "-inf", "nan", "NaN", "1e308", "-1", "1e-300", "", "fast", "1,5"]),
        st.floats(max_value=low, exclude_max=True).map(repr),
        st.floats(min_value=high, exclude_min=True).map(repr),
        st.sampled_from([math.nan, math.inf, -math.inf]).map(str),
        WORD.filter(lambda s: not _is_number_in(s, low, high)),
    ).filter(lambda s: not _is_number_in(s, low, high))


def _is_number_in(text: str, low: float, high: float) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return low <= value <= high


def _bad_size() -> st.SearchStrategy[str]:
    big = st.integers(min_value=8001, max_value=10**30)
    small = st.integers(min_value=-(10**6), max_value=15)
    fine = st.integers(min_value=16, max_value=64)
    return st.one_of(
        st.tuples(st.one_of(big, small), fine).map(lambda p: f"{p[0]}x{p[1]}"),
        st.tuples(fine, st.one_of(big, small)).map(lambda p: f"{p[0]}x{p[1]}"),
        st.sampled_from(["1e3x600", "infxinf", "nanx16", "16", "16x16x16", "x", "", "0x0"]),
    )


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """Paths an output can be given: one writable (the only good one) and
    each kind of wrong one."""
    out = tmp_path / "out"
    out.mkdir()
    regular = out / "regular-file"
    regular.write_text("not a folder\n")
    fifo = out / "pipe"
    os.mkfifo(fifo)
    dangling = out / "dangling"
    dangling.symlink_to(out / "nowhere" / "x")
    found = {
        "good": out,  # + a file name by the caller
        "missing-folder": out / "no-such-folder",
        "folder": out,
        "under-a-file": regular,
        "pipe": fifo,
        "dangling": dangling,
    }
    if os.geteuid() == 0:
        device = out / "full"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # like /dev/full
        found["device"] = device
    return found


BAD_OUTPUTS = ["missing-folder", "folder", "under-a-file", "pipe", "dangling", "device"]


def _output(places: dict[str, Path], kind: str, suffix: str) -> str:
    if kind == "good":
        return str(places["good"] / f"made{suffix}")
    if kind == "device" and "device" not in places:
        kind = "pipe"
    base = places[kind]
    if kind in ("missing-folder", "under-a-file"):
        return str(base / f"x{suffix}")
    return str(base)


@st.composite
def invocations(draw: st.DrawFn, places: dict[str, Path]) -> list[str]:
    command = draw(
        st.sampled_from(["play", "list", "render", "print", "history", "routine", "other"])
    )
    if command == "routine":
        return _routine(draw, places)
    if command == "play":
        return _play(draw)
    if command == "list":
        extra = draw(st.one_of(WORD, st.sampled_from(["--csv", "--since", "--all", "-o", "--x"])))
        return ["list", *draw(st.sampled_from([[], ["--json"]])), extra]
    if command == "render":
        return _render(draw, places)
    if command == "print":
        return _print(draw, places)
    if command == "history":
        return _history(draw, places)
    return draw(
        st.one_of(
            _unknown(["play", "list", "render", "print", "history"]).map(lambda s: [s]),
            st.sampled_from([["--bogus"], ["--data-dir"], ["-x", "list"], ["list", "--version"]]),
        )
    )


def _play(draw: st.DrawFn) -> list[str]:
    bad = draw(st.sampled_from(["routine", "scale", "both"]))
    routine = draw(_unknown(ROUTINES) if bad != "scale" else st.sampled_from(ROUTINES))
    argv = ["play", routine]
    if bad != "routine":
        argv += ["--time-scale", draw(_not_number_in(0.1, 1000))]
    elif draw(st.booleans()):
        argv += ["--time-scale", draw(st.sampled_from(["0.1", "20", "1000"]))]
    if draw(st.booleans()):
        argv.append("--compact")
    return argv


def _render(draw: st.DrawFn, places: dict[str, Path]) -> list[str]:
    if draw(st.integers(0, 9)) == 0:  # contact sheets into a folder that cannot be made
        return ["render", "--all", "-o", str(places["under-a-file"] / "sheets")]
    wrong = draw(
        st.sets(
            st.sampled_from(["exercise", "output", "phase", "side", "size", "time"]), min_size=1
        )
    )
    exercise = draw(_unknown(EXERCISES) if "exercise" in wrong else st.sampled_from(EXERCISES))
    kind = draw(st.sampled_from(BAD_OUTPUTS)) if "output" in wrong else "good"
    argv = ["render", exercise, "-o", _output(places, kind, ".png")]
    if "phase" in wrong:
        argv += ["--phase", draw(_unknown(PHASES))]
    if "side" in wrong:
        argv += ["--side", draw(_unknown(["left", "right"]))]
    if "time" in wrong:
        argv += ["--time", draw(_not_number_in(0, 3600))]
    # A good size stays small: a wrong output is found after the drawing.
    argv += ["--size", draw(_bad_size()) if "size" in wrong else "32x32"]
    return argv


def _print(draw: st.DrawFn, places: dict[str, Path]) -> list[str]:
    wrong = draw(
        st.sets(st.sampled_from(["routine", "output", "name", "per-page", "paper"]), min_size=1)
    )
    routine = draw(_unknown(ROUTINES) if "routine" in wrong else st.sampled_from(ROUTINES))
    kind = draw(st.sampled_from(BAD_OUTPUTS)) if "output" in wrong else "good"
    suffix = draw(st.sampled_from([".png", "", ".pdf.txt", ".PDFX"])) if "name" in wrong else ".pdf"
    argv = ["print", routine, "-o", _output(places, kind, suffix)]
    if "per-page" in wrong:
        argv += ["--per-page", draw(st.sampled_from(["3", "0", "-1", "1e308", "inf", "two", ""]))]
    if "paper" in wrong:
        argv += ["--paper", draw(_unknown(["a4", "letter"]))]
    return argv


def _history(draw: st.DrawFn, places: dict[str, Path]) -> list[str]:
    wrong = draw(st.sampled_from(["since", "both-forms", "data-dir", "option"]))
    if wrong == "since":
        since = draw(
            st.one_of(
                st.sampled_from(["2024-13-01", "2024-02-30", "yesterday", "", "20240101"]),
                TYPED.filter(lambda s: not s.startswith("-")),
            )
        )
        assume(_bad_since(since))
        return ["history", "--since", since, *draw(st.sampled_from([[], ["--json"], ["--csv"]]))]
    if wrong == "both-forms":
        return ["history", "--json", "--csv"]
    if wrong == "data-dir":
        kind = draw(st.sampled_from(["under-a-file", "dangling", "pipe"]))
        return ["--data-dir", str(places[kind]), "history"]
    return ["history", draw(st.one_of(WORD, st.sampled_from(["--all", "--since"])))]


def _routine(draw: st.DrawFn, places: dict[str, Path]) -> list[str]:
    """`coach routine` refusals: unknown ids, shipped ones deleted, names
    with line breaks, files to import that are no routine, outputs that
    cannot be written (the suffix is added, so only a missing folder or a
    file in the way)."""
    action = draw(st.sampled_from(["show", "new", "delete", "export", "import", "other"]))
    if action == "show":
        return ["routine", "show", draw(_unknown(ROUTINES))]
    if action == "new":
        if draw(st.booleans()):
            return ["routine", "new", "--from", draw(_unknown(ROUTINES))]
        name = draw(st.sampled_from(["two\nlines", "bell\x07", " ", "tab\there"]))
        return ["routine", "new", "--from", draw(st.sampled_from(ROUTINES)), "--name", name]
    if action == "delete":
        return ["routine", "delete", draw(st.one_of(_unknown(ROUTINES), st.sampled_from(ROUTINES)))]
    if action == "export":
        if draw(st.booleans()):
            return [
                "routine",
                "export",
                draw(_unknown(ROUTINES)),
                "-o",
                _output(places, "good", ""),
            ]
        kind = draw(st.sampled_from(["missing-folder", "under-a-file"]))
        return [
            "routine",
            "export",
            draw(st.sampled_from(ROUTINES)),
            "-o",
            _output(places, kind, ""),
        ]
    if action == "import":
        kind = draw(
            st.sampled_from(["missing-folder", "folder", "under-a-file", "pipe", "dangling"])
        )
        file = places[kind] if kind != "under-a-file" else places[kind].parent / "regular-file"
        return ["routine", "import", str(file), *draw(st.sampled_from([[], ["--replace"]]))]
    return draw(st.sampled_from([["routine"], ["routine", "bogus"], ["routine", "list", "x"]]))


def _bad_since(text: str) -> bool:
    try:
        parse_since(text)
    except CoachError:
        return True
    return False


def _fingerprint(data_dir: Path) -> tuple[str, list[str]]:
    """A hash of every session and rep row, and the folder's file names
    (a crash report or a set-aside log would show here)."""
    digest = hashlib.sha256()
    uri = f"file:{data_dir / DB_NAME}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        for table in ("sessions", "reps"):
            for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
    return digest.hexdigest(), sorted(p.name for p in data_dir.rglob("*"))


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(data=st.data())
def test_bad_input_is_one_sentence_and_changes_nothing(data, data_dir, places, qapp, capsys):  # type: ignore[no-untyped-def]
    if not (data_dir / DB_NAME).exists():
        with SessionLog.open(data_dir) as log:
            history_sample.fill(log, days=30, today=history_sample.TODAY)
    before = _fingerprint(data_dir)
    argv = data.draw(invocations(places), label="argv")
    try:
        code = cli.main(argv)
    except SystemExit as exit_:  # argparse's own errors
        code = exit_.code
    said = capsys.readouterr()
    assert code not in (0, None), (argv, said)
    assert said.err.startswith("coach: "), (argv, said.err)
    assert len(said.err.splitlines()) == 1 and said.err.endswith("\n"), (argv, said.err)
    assert "Traceback" not in said.err + said.out, argv
    assert "Something went wrong" not in said.err, (argv, said.err)
    assert _fingerprint(data_dir) == before, argv
    made = [p.name for p in places["good"].iterdir() if p.name.startswith(("made", "."))]
    assert made == [], (argv, made)
