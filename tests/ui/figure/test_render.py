"""`coach render`: one frame to PNG without a window, contact sheets with
--all, and one-sentence errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from coach.cli import main
from coach.core.catalog.loader import load_shipped
from coach.core.errors import CoachError
from coach.ui.figure.render import contact_sheets_to, render_to_png

ROOT = Path(__file__).resolve().parents[3]


def test_render_writes_a_png_of_the_requested_size(tmp_path, qapp):
    out = tmp_path / "bend.png"
    assert main(["render", "directed-forward-bend", "-o", str(out), "--size", "320x240"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (320, 240)


def test_phase_side_and_time_change_the_picture(tmp_path, qapp):
    def render(*extra: str) -> bytes:
        out = tmp_path / f"{'-'.join(extra) or 'plain'}.png"
        assert main(["render", "crossovers", "-o", str(out), "--size", "200x200", *extra]) == 0
        return out.read_bytes()

    hold = render("--phase", "hold")
    assert render("--phase", "start") != hold
    assert render("--phase", "hold", "--side", "right") != hold
    assert render("--phase", "move", "--time", "0.5") != render("--phase", "move", "--time", "4")


def test_unknown_exercise_and_phase_are_one_sentence(tmp_path, capsys, qapp):
    out = str(tmp_path / "x.png")
    assert main(["render", "cartwheel", "-o", out]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "coach: There is no exercise called 'cartwheel'."
    assert main(["render", "plank", "-o", out, "--phase", "sideways"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("coach: There is no phase called 'sideways'") and err.count(".") == 1
    assert main(["render", "-o", out]) == 1
    assert "Name the exercise" in capsys.readouterr().err
    assert main(["render", "plank", "-o", str(tmp_path / "missing" / "x.png")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not Path(out).exists()


def test_all_writes_a_contact_sheet_per_exercise(tmp_path, qapp):
    folder = tmp_path / "sheets"
    assert main(["render", "--all", "-o", str(folder)]) == 0
    names = {p.stem for p in folder.glob("*.png")}
    assert names == set(load_shipped().exercises) | {"overview"}
    sheet = QImage(str(folder / "directed-forward-bend.png"))
    # 5 moments; symmetric, so one row, facing as on screen
    assert sheet.width() >= 5 * 290 and 290 <= sheet.height() < 2 * 290
    sheet = QImage(str(folder / "crossovers.png"))
    assert sheet.height() >= 2 * 290  # one-sided: a row for each side


def test_typed_render_returns_what_it_wrote(tmp_path, qapp):
    out = tmp_path / "hug.png"
    said = render_to_png("knees-to-chest", out, phase="start", size=(120, 90))
    assert said == f"Wrote Knees to chest (start, left side) to {out}."
    image = QImage(str(out))
    assert (image.width(), image.height()) == (120, 90)
    with pytest.raises(CoachError, match=r"^There is no side called 'up'; use left or right\.$"):
        render_to_png("plank", out, side="up")
    with pytest.raises(CoachError, match=r"^The time into the phase cannot be negative\.$"):
        render_to_png("plank", out, time=-1)


def test_typed_contact_sheets_say_how_many(tmp_path, qapp):
    folder = tmp_path / "sheets"
    said = contact_sheets_to(folder)
    assert said == f"Wrote {len(load_shipped().exercises) + 1} contact sheets to {folder}."


def test_render_works_without_a_display(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    out = tmp_path / "plank.png"
    result = subprocess.run(
        [sys.executable, "-m", "coach", "render", "plank", "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
