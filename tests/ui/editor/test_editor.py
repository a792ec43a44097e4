"""The editor's parts: the estimate is the engine's plan, values stay in the
exercise's allowed range (and say it and why), the filters find exercises,
Save says a problem in one sentence inline, Esc asks before losing work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coach.core.catalog.limits import item_limits
from coach.core.catalog.model import Frequency, Routine, RoutineItem
from coach.core.errors import CatalogError
from coach.ui.wording import minutes_text
from tests.ui.editor.test_keyboard import engine_seconds


@pytest.mark.parametrize(
    "routine_id",
    ["desk-break", "bedtime-five", "morning-and-night", "strength-and-stability", "tiny"],
)
def test_the_estimate_is_the_engines_plan_to_the_second(open_editor, catalog, routine_id):  # type: ignore[no-untyped-def]
    routine = catalog.routine(routine_id)
    editor = open_editor(routine)
    expected = engine_seconds(editor.routine(), catalog)
    assert editor.estimate.text() == f"Total time: {minutes_text(expected)}"


def test_the_estimate_follows_every_change(open_editor, catalog, qtbot):  # type: ignore[no-untyped-def]
    editor = open_editor()
    assert "add an exercise" in editor.estimate.text()
    editor.add_exercise("directed-forward-bend")
    first = editor.estimate.text()
    editor.form.spins["reps"].setValue(editor.form.spins["reps"].value() + 2)
    second = editor.estimate.text()
    editor.form.spins["walk_s"].setValue(0)
    third = editor.estimate.text()
    assert len({first, second, third}) == 3
    assert third == f"Total time: {minutes_text(engine_seconds(editor.routine(), catalog))}"
    assert "no walk" in editor.items.item(0).text()


def test_spin_boxes_are_bounded_by_the_limits_and_say_the_range_and_why(open_editor, catalog):  # type: ignore[no-untyped-def]
    editor = open_editor()
    editor.add_exercise("piriformis-stretch")
    limits = item_limits(catalog.exercise("piriformis-stretch"))
    for field in ("hold_s", "reps", "sets", "rest_s"):
        spin, limit = editor.form.spins[field], limits[field]
        assert (spin.minimum(), spin.maximum()) == (limit.minimum, limit.maximum)
        assert f"{limit.minimum}–{limit.maximum}" in editor.form.hints[field].text()
        assert limit.why in editor.form.hints[field].text()
        spin.setValue(limit.maximum + 50)  # what typing 999 would give: the most allowed
        assert getattr(editor.form.item, field) == limit.maximum
    # Piriformis does not walk between reps: no walk field. It is one-sided: sides.
    assert editor.form.spins["walk_s"].isHidden()
    assert not editor.form.sides.isHidden()
    editor.add_exercise("forward-fold")  # both sides at once: no sides choice
    assert editor.form.sides.isHidden()


def test_an_item_out_of_range_is_flagged_and_brought_into_range(open_editor, catalog):  # type: ignore[no-untyped-def]
    limits = item_limits(catalog.exercise("piriformis-stretch"))
    wild = RoutineItem("piriformis-stretch", hold_s=500, reps=40, sets=1, rest_s=0)
    editor = open_editor(Routine("mine", "Mine", "", (wild, wild), user=True))
    assert editor.error.text().startswith("Brought into range: Piriformis stretch: the hold")
    assert editor.error.text().endswith("(and 3 more)")
    for item in editor.routine().items:
        assert item.hold_s == limits["hold_s"].maximum and item.reps == limits["reps"].maximum
    assert editor.dirty, "the routine on the disk is not what the editor shows"


def test_sides_one_side_only(open_editor, catalog):  # type: ignore[no-untyped-def]
    editor = open_editor()
    editor.add_exercise("piriformis-stretch")
    before = engine_seconds(editor.routine(), catalog)
    editor.form.sides.setCurrentIndex(editor.form.sides.findData("left"))
    assert editor.routine().items[0].sides == "left"
    assert "left side only" in editor.items.item(0).text()
    assert engine_seconds(editor.routine(), catalog) < before


def test_filters_find_exercises(open_editor, catalog):  # type: ignore[no-untyped-def]
    editor = open_editor()
    picker = editor.picker
    picker.position.setCurrentIndex(picker.position.findData("seated"))
    shown = [picker.matches.item(i).text() for i in range(picker.matches.count())]
    assert shown and all(
        e.position == "seated" for e in catalog.exercises.values() if e.name in shown
    )
    picker.position.setCurrentIndex(0)
    picker.prop.setCurrentIndex(picker.prop.findData("doorway"))
    assert [picker.matches.item(i).text() for i in range(picker.matches.count())] == [
        catalog.exercise("doorway-hamstring").name
    ]
    picker.search.setText("nothing like this")
    assert picker.matches.count() == 0 and not picker.add_button.isEnabled()
    assert picker.count_label.text() == "No exercise matches"


def test_frequency_round_trips(open_editor, catalog):  # type: ignore[no-untyped-def]
    for frequency in (None, Frequency(3, 5), Frequency(days_per_week=5, every_hours=2.0)):
        routine = Routine("mine", "Mine", "", catalog.routine("tiny").items, frequency, user=True)
        editor = open_editor(routine)
        assert editor.routine().frequency == frequency
        assert not editor.dirty
        editor.close()


def test_save_problems_are_one_sentence_inline(open_editor, store, monkeypatch):  # type: ignore[no-untyped-def]
    editor = open_editor()
    assert not editor.save()
    assert editor.error.text() == "Give the routine a name before saving it."
    editor.name.setText("Mine")
    assert not editor.save()
    assert editor.error.text() == "Add at least one exercise before saving."
    editor.add_exercise("forward-fold")

    def refuse(routine, catalog):  # type: ignore[no-untyped-def]
        raise CatalogError("The disk said no.")

    monkeypatch.setattr(store, "save", refuse)
    assert not editor.save()
    assert editor.error.text() == "The disk said no."
    assert editor.isVisible()


def test_esc_closes_and_asks_only_when_something_changed(open_editor, qtbot):  # type: ignore[no-untyped-def]
    asked: list[bool] = []
    editor = open_editor()
    editor.confirm_discard = lambda _parent: asked.append(True) or False
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and asked == [], "nothing to lose: no question"

    editor = open_editor()
    editor.name.setText("Half done")
    editor.confirm_discard = lambda _parent: asked.append(True) or False  # "Cancel"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and asked == [True]
    editor.confirm_discard = lambda _parent: asked.append(True) or True  # "Discard"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and len(asked) == 2


def test_every_control_has_an_accessible_name(open_editor):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    def inside(widget, kinds) -> bool:  # type: ignore[no-untyped-def]
        parent = widget.parent()
        while parent is not None:
            if isinstance(parent, kinds):
                return True
            parent = parent.parent()
        return False

    editor = open_editor()
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView,
             QPlainTextEdit)  # fmt: skip
    unnamed = [
        w for w in editor.findChildren(QWidget) if isinstance(w, kinds)
        if not w.accessibleName() and w.parent() is not None
        and not inside(w, (QAbstractSpinBox, QComboBox, QLineEdit))  # their own parts
    ]  # fmt: skip
    assert not unnamed, [type(w).__name__ for w in unnamed]


def test_every_few_hours_has_no_cap_unless_one_is_chosen(open_editor):  # type: ignore[no-untyped-def]
    box = open_editor().frequency
    box.mode.setCurrentIndex(box.mode.findData("hours"))
    box.hours.setValue(2.0)
    assert box.frequency().per_day() == 4
    assert box.summary.text() == "Every 2 hours at the desk, every day"
    box.times.setValue(2)
    assert "(at most twice a day)" in box.summary.text()


def test_the_focus_is_plain_to_see(open_editor, qtbot):  # type: ignore[no-untyped-def]
    editor = open_editor()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    for widget in (editor.save_button, editor.picker.position, editor.items):
        widget.setFocus()
        ring = editor.focus_ring
        assert ring.isVisible() and ring.target is widget
        inner = ring.geometry().adjusted(3, 3, -3, -3)
        assert inner.topLeft() == widget.mapTo(editor, widget.rect().topLeft())
        assert inner.size() == widget.size()


def test_a_drag_reorders_renumbers_and_updates_the_estimate(open_editor, catalog, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView

    editor = open_editor(catalog.routine("tiny"))
    items = editor.items
    assert items.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    before = editor.estimate.text()
    # What an internal drop does to the model: the first row goes to the end.
    assert items.model().moveRow(QModelIndex(), 0, QModelIndex(), 2)
    qtbot.waitUntil(lambda: items.item(0).text().startswith("1. Seated spinal twist"))
    assert items.item(1).text().startswith("2. Directed forward bend")
    assert [i.exercise for i in editor.routine().items] == [
        "seated-spinal-twist",
        "directed-forward-bend",
    ]
    assert editor.dirty and editor.estimate.text() != before
    assert (
        editor.estimate.text()
        == f"Total time: {minutes_text(engine_seconds(editor.routine(), catalog))}"
    )


def test_the_save_problem_is_readable_in_both_themes(theme, open_editor):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from coach.ui.theme import contrast_ratio

    editor = open_editor()
    editor.save()
    palette = editor.error.palette()
    ratio = contrast_ratio(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    )
    assert ratio >= 4.5, f"{theme}: {ratio:.2f}"


def test_tab_walks_the_editor_in_reading_order(open_editor, catalog, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    editor = open_editor(catalog.routine("tiny"))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    editor.frequency.mode.setCurrentIndex(editor.frequency.mode.findData("hours"))
    editor.name.setFocus()
    seen = []
    for _ in range(40):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order = [
        editor.name,
        editor.description,
        editor.picker.search,
        editor.picker.matches,
        editor.items,
        editor.form.spins["hold_s"],
        editor.form.spins["reps"],
        editor.frequency.mode,
        editor.frequency.hours,
        editor.frequency.times,
        editor.frequency.days,
        editor.save_button,
    ]
    positions = [seen.index(widget) for widget in order]
    assert positions == sorted(positions)


def test_every_exercise_has_a_target_area(catalog):  # type: ignore[no-untyped-def]
    from coach.ui.editor.draft import areas_of

    assert all(areas_of(exercise) for exercise in catalog.exercises.values())
