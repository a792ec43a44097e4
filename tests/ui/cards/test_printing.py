"""Printed routine cards: every shipped routine in every layout and paper size,
read back from the PDF; the layout never overflows; the CLI's errors."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument

from coach import cli
from coach.core.catalog.loader import Catalog, Exercise, Routine, RoutineItem, Span, load_shipped
from coach.core.errors import CoachError
from coach.ui.cards.flow import TextBlock, Units, print_font
from coach.ui.cards.pages import PagePlan, page_layout, sheet_for
from coach.ui.cards.printing import print_to_pdf, write_pdf
from coach.ui.cards.text import card_for

SHIPPED = load_shipped()
FIVE = {
    "desk-break",
    "directed-forward-bend",
    "bedtime-five",
    "morning-and-night",
    "strength-and-stability",
}
POINTS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
LAYOUTS = [(per_page, paper) for per_page in (1, 2, 4) for paper in ("a4", "letter")]


def _text(document: QPdfDocument, page: int) -> str:
    return " ".join(document.getAllText(page).text().split())


def _open(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def _plan(catalog: Catalog, routine: Routine, per_page: int, paper: str, tmp_path: Path):
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setPageLayout(page_layout(paper))
    return PagePlan(sheet_for(catalog, routine), writer, per_page)


def test_the_five_routines_ship():
    assert set(SHIPPED.routines) >= FIVE
    assert not SHIPPED.problems


@pytest.mark.parametrize("routine_id", sorted(SHIPPED.routines))
@pytest.mark.parametrize(("per_page", "paper"), LAYOUTS)
def test_every_routine_prints_in_every_layout(qapp, tmp_path, routine_id, per_page, paper):
    routine = SHIPPED.routine(routine_id)
    out = tmp_path / f"{routine_id}.pdf"
    assert (
        cli.main(
            ["print", routine_id, "-o", str(out), "--per-page", str(per_page), "--paper", paper]
        )
        == 0
    )
    document = _open(out)
    items = len(routine.items)
    plan = _plan(SHIPPED, routine, per_page, paper, tmp_path)

    # Page count: one card per exercise; at 1 and 2 per page nothing needs to flow.
    assert document.pageCount() == plan.page_count == math.ceil(len(plan.cards) / per_page)
    if per_page < 4:
        assert len(plan.cards) == items
    else:  # the longest cards may continue in the next slot, never more than once
        assert items <= len(plan.cards) <= 2 * items
    assert all(not card.clipped for card in plan.cards)

    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        assert (size.width(), size.height()) == pytest.approx(POINTS[paper], abs=0.5)
        text = _text(document, page)
        assert text.startswith(routine.name)
        assert f"Page {page + 1} of {document.pageCount()}" in text
        assert "Stretch Coach" in text

    # Each exercise's name, hold and reps are on the page its card is on.
    cards = [c for c in plan.cards if not c.content.continued]
    for item, card in zip(routine.items, cards, strict=False):
        page = plan.cards.index(card) // per_page
        text = _text(document, page)
        exercise = SHIPPED.exercise(item.exercise)
        start = text.index(exercise.name, text.index(plan.sheet.detail))
        following = [text.find(c.content.title, start + 1) for c in plan.cards]
        end = min([i for i in following if i > start] or [len(text)])
        card_text = text[start:end]
        hold = card.content.facts[0].value
        assert f"Hold {hold}" in card_text, card_text
        reps_label = "Reps per side" if exercise.sides != "none" else "Reps"
        assert f"{reps_label} {item.reps}" in card_text, card_text
        if exercise.walk_between_reps:
            assert f"walk a few steps for about {exercise.walk_s} s" in card_text

    # Nothing is lost when text flows: every step and caution is somewhere.
    # (A line may break after a hyphen, which reads back as "side- on".)
    everything = " ".join(_text(document, p) for p in range(document.pageCount()))
    everything = everything.replace("- ", "-")
    for item in routine.items:
        exercise = SHIPPED.exercise(item.exercise)
        for line in (*exercise.steps, *exercise.cautions):
            assert " ".join(line.split()).replace("- ", "-") in everything


def _on_paper(document: QPdfDocument, page: int, points) -> QImage:
    """The page at 60 dpi on white (the renderer leaves the paper transparent)."""
    size = QSize(round(points.width() * 60 / 72), round(points.height() * 60 / 72))
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(0xFFFFFF)
    painter = QPainter(paper)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    return paper


@pytest.mark.parametrize(("per_page", "paper"), LAYOUTS)
def test_nothing_is_drawn_in_the_margins(qapp, tmp_path, per_page, paper):
    routine = SHIPPED.routine("bedtime-five")
    out = tmp_path / "cards.pdf"
    write_pdf(out, sheet_for(SHIPPED, routine), per_page=per_page, paper=paper)
    document = _open(out)
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        image = _on_paper(document, page, points)
        band = round(12 / 25.4 * 60)  # just inside the 12.7 mm margin
        w, h = image.width(), image.height()
        for x in range(0, w, 2):
            for y in (*range(band), *range(h - band, h)):
                assert image.pixel(x, y) & 0xFFFFFF == 0xFFFFFF, (page, x, y)
        for y in range(0, h, 2):
            for x in (*range(band), *range(w - band, w)):
                assert image.pixel(x, y) & 0xFFFFFF == 0xFFFFFF, (page, x, y)
        inside = [
            image.pixel(x, y) & 0xFFFFFF
            for x in range(band, w - band, 7)
            for y in range(band, h - band, 7)
        ]
        assert any(p != 0xFFFFFF for p in inside)
        # Print colours: black, greys and white only, whatever the screen's theme.
        for pixel in inside:
            r, g, b = (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255
            assert max(r, g, b) - min(r, g, b) <= 8, hex(pixel)


@pytest.mark.parametrize(("per_page", "paper"), LAYOUTS)
def test_every_card_fits_its_slot(qapp, tmp_path, per_page, paper):
    """Every shipped exercise, laid out in every slot size: the parts stay inside
    the card, and the text never goes below the legible minimum."""
    items = tuple(
        RoutineItem(e.id, e.hold_s.default, e.reps.default, e.sets, e.rest_s)
        for e in SHIPPED.exercises.values()
    )
    everything = Routine("all", "All exercises", "", items)
    plan = _plan(SHIPPED, everything, per_page, paper, tmp_path)
    for card in plan.cards:
        assert not card.clipped
        assert card.scale >= 0.7
        for part, x, y in card.placed:
            assert x >= card.pad - 0.5 and y >= card.pad - 0.5
            assert y + part.height <= card.size.height() - card.pad + 0.5, card.content.title
            assert x + part.width <= card.size.width() - card.pad + 0.5, card.content.title
    if per_page < 4:
        assert len(plan.cards) == len(items)


def _long_exercise() -> Exercise:
    step = (
        "Keep your back long and your breathing slow while you ease into the position, "
        "then hold it without bouncing, noticing where the stretch is felt most. "
    )
    return Exercise(
        id="very-long",
        name="A stretch with very long instructions",
        kind="stretch",
        position="standing",
        sides="each",
        hold_s=Span(10, 30, 20),
        reps=Span(1, 10, 3),
        steps=tuple(f"{step * 2}({n})" for n in range(1, 19)),
        cautions=("Stop at once if anything hurts sharply.",) * 6,
        source=("x",),
    )


def test_long_steps_flow_onto_continuation_cards(qapp, tmp_path):
    exercise = _long_exercise()
    catalog = Catalog(exercises={exercise.id: exercise})
    routine = Routine("long", "Long", "", (RoutineItem(exercise.id, 20, 3, 1, 0),))
    catalog.routines[routine.id] = routine
    for per_page in (1, 4):
        plan = _plan(catalog, routine, per_page, "a4", tmp_path)
        assert len(plan.cards) > 1
        assert plan.cards[1].content.continued
        assert all(not card.clipped for card in plan.cards)
        out = tmp_path / f"long-{per_page}.pdf"
        pages = write_pdf(out, sheet_for(catalog, routine), per_page=per_page)
        document = _open(out)
        assert document.pageCount() == pages == plan.page_count
        text = " ".join(_text(document, p) for p in range(pages))
        assert "(continued)" in text
        for n in range(1, 19):  # numbering carries on across cards
            assert f"{n}. Keep your back long" in text and f"({n})" in text


def test_a_word_wider_than_the_line_wraps_anywhere(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "w.pdf"))
    units = Units(writer)
    block = TextBlock("x" * 400, print_font(10), units.mm(40), writer)
    assert block.line_count > 1
    assert block.width <= units.mm(40)


def test_card_text_uses_the_routine_figures():
    exercise = SHIPPED.exercise("directed-forward-bend")
    card = card_for(exercise, RoutineItem(exercise.id, 75, 9, 2, 30))
    facts = {f.label: f.value for f in card.facts}
    assert facts == {
        "Hold": "1 min 15 s",
        "Reps": "9",
        "Sets": "2",
        "Rest": "30 s",
        "Sides": "Both together",
    }
    assert [(p.phase, p.side) for p in card.panels] == [("start", None), ("hold", None)]
    assert "20 s" in card.walk
    sided = next(e for e in SHIPPED.exercises.values() if e.sides != "none")
    panels = card_for(sided, RoutineItem(sided.id, 10, 2, 1, 0)).panels
    assert [(p.phase, p.side) for p in panels] == [
        ("start", "left"),
        ("hold", "left"),
        ("hold", "right"),
    ]


def test_header_and_footer(qapp, tmp_path):
    routine = SHIPPED.routine("morning-and-night")
    sheet = sheet_for(SHIPPED, routine, printed_on=date(2026, 3, 4))
    out = tmp_path / "cards.pdf"
    write_pdf(out, sheet, per_page=1)
    text = _text(_open(out), 0)
    assert text.startswith(f"{routine.name} {len(routine.items)} exercises · about ")
    assert text.endswith("Stretch Coach Printed 4 March 2026 Page 1 of 3")


def test_cli_reports_what_it_wrote(qapp, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "desk.pdf"
    assert cli.main(["print", "desk-break", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.strip() == f"Wrote 2 cards for 'Desk break' on 1 A4 page to {out}."
    assert [p.name for p in folder.iterdir()] == ["desk.pdf"]  # no temp file left
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # not the temporary file's 0600


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["print", "no-such-routine"], "coach: There is no routine called 'no-such-routine'"),
        (["print", "desk-break", "--per-page", "3"], "coach: Argument --per-page: invalid choice"),
        (["print", "desk-break", "--paper", "a3"], "coach: Argument --paper: invalid choice"),
    ],
)
def test_cli_errors_are_one_sentence(qapp, tmp_path, capsys, argv, message):
    try:
        code = cli.main([*argv, "-o", str(tmp_path / "x.pdf")])
    except SystemExit as exit_:
        code = exit_.code
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert err.startswith(message) and err.count("\n") == 1, err
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_output_is_one_sentence(qapp, tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "x.pdf"
    assert cli.main(["print", "desk-break", "-o", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err == f"coach: Cannot write {missing}: the folder {missing.parent} does not exist.\n"
    assert cli.main(["print", "desk-break", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(f"coach: {tmp_path} is a folder;")


def test_print_to_pdf_checks_its_options(qapp, tmp_path):
    with pytest.raises(CoachError, match=r"^Cards per page must be 1, 2 or 4, not 3\.$"):
        print_to_pdf("desk-break", tmp_path / "x.pdf", per_page=3)
    with pytest.raises(CoachError, match=r"^Paper must be a4 or letter, not 'a5'\.$"):
        print_to_pdf("desk-break", tmp_path / "x.pdf", paper="a5")
    assert not (tmp_path / "x.pdf").exists()


def test_print_to_pdf_returns_what_it_wrote(qapp, tmp_path):
    out = tmp_path / "bedtime.pdf"
    said = print_to_pdf("bedtime-five", out, per_page=4, paper="letter")
    assert said == f"Wrote 6 cards for 'Bedtime five' on 2 Letter pages to {out}."
    assert _open(out).pageCount() == 2


def test_coach_print_runs_without_a_display(qapp, tmp_path):
    """A fresh process with no QApplication and no DISPLAY makes its own offscreen one."""
    out = tmp_path / "cards.pdf"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "coach",
            "print",
            "bedtime-five",
            "-o",
            str(out),
            "--per-page",
            "4",
            "--paper",
            "letter",
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert _open(out).pageCount() >= 2


def test_print_preview_shows_the_cards_and_changes_layout(qtbot):
    from PySide6.QtPrintSupport import QPrinter

    from coach.ui.cards.preview import CardPrintPreview

    routine = SHIPPED.routine("bedtime-five")
    dialog = CardPrintPreview(None, sheet_for(SHIPPED, routine))
    qtbot.addWidget(dialog)
    dialog.printer().setPageSize(page_layout("a4").pageSize())
    assert dialog.per_page.accessibleName() == "Cards per page"
    dialog.preview.updatePreview()
    assert dialog.preview.pageCount() == 3  # six cards, two to a page
    dialog.per_page.setCurrentIndex(0)
    assert dialog.preview.pageCount() == 6
    assert isinstance(dialog.printer(), QPrinter)


def test_figures_print_black_on_white_under_a_dark_theme(qapp, tmp_path):
    from PySide6.QtGui import QColor, QPalette

    from coach.ui.cards.figures import FiguresPart

    old = qapp.palette()
    qapp.setPalette(QPalette(QColor("#1e1e1e")))  # a dark screen theme
    try:
        routine = SHIPPED.routine("directed-forward-bend")
        out = tmp_path / "cards.pdf"
        write_pdf(out, sheet_for(SHIPPED, routine), per_page=1)
    finally:
        qapp.setPalette(old)
    plan = _plan(SHIPPED, routine, 1, "a4", tmp_path)
    figures, fx, fy = next(p for p in plan.cards[0].placed if isinstance(p[0], FiguresPart))
    document = _open(out)
    image = _on_paper(document, 0, document.pagePointSize(0))
    dpmm = 60 / 25.4
    origin = plan.slot_origin(0)

    def px(device_units: float, margin_mm: float = 12.7) -> int:
        return round((margin_mm + plan.units.to_mm(device_units)) * dpmm)

    left, top = px(origin.x() + fx), px(origin.y() + fy)
    right, bottom = px(origin.x() + fx + figures.width), px(origin.y() + fy + figures.height)
    pixels = [image.pixel(x, y) & 0xFFFFFF for x in range(left, right) for y in range(top, bottom)]
    greys = [(p >> 16) & 255 for p in pixels]
    assert min(greys) < 40  # the figure's near limbs are black
    assert sum(g > 245 for g in greys) > len(greys) / 2  # on white paper
    for p in pixels:
        r, g, b = (p >> 16) & 255, (p >> 8) & 255, p & 255
        assert max(r, g, b) - min(r, g, b) <= 8, hex(p)
