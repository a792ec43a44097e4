"""A 20-card routine to PDF (layout, figures, text and writing the file), two
cards to an A4 page as `coach print` does by default: median seconds over
several runs. `python -m tests.bench.pdf_cards` prints the figure."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coach.core.catalog.loader import Routine, RoutineItem, load_shipped
from coach.ui.cards.pages import sheet_for
from coach.ui.cards.printing import ensure_gui_app, write_pdf

CARDS = 20


def twenty_card_routine() -> tuple:
    catalog = load_shipped()
    exercises = sorted(catalog.exercises.values(), key=lambda e: e.id)
    items = tuple(
        RoutineItem(e.id, e.hold_s.default, e.reps.default, e.sets, e.rest_s)
        for e in islice(cycle(exercises), CARDS)
    )
    routine = Routine("bench-twenty", "Twenty cards", "", items)
    catalog.routines[routine.id] = routine
    return catalog, routine


def run(quick: bool = False) -> dict[str, float]:
    app = ensure_gui_app()  # noqa: F841  (text layout needs it alive)
    catalog, routine = twenty_card_routine()
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cards.pdf"
        write_pdf(out, sheet_for(catalog, routine))  # warm-up: fonts, plugins
        for _ in range(3 if quick else 9):
            start = time.perf_counter()
            write_pdf(out, sheet_for(catalog, routine), per_page=2, paper="a4")
            timings.append(time.perf_counter() - start)
    return {"pdf_20_cards_s": statistics.median(timings)}


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:<16} {value:.3f} s")
