"""Issue 17, done when: a routine made in the editor by keyboard alone shows
in the main window, survives a restart and plays; its estimate is the
engine's plan to the second."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coach.core.catalog.user import load_with_user
from coach.core.session.clock import FakeClock
from coach.core.session.engine import Session
from coach.core.session.events import Phase
from coach.ui.wording import minutes_text
from tests.ui.conftest import run_until

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key into whatever has the keyboard focus, as a person types it."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, k, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, text)


def engine_seconds(routine, catalog) -> int:  # type: ignore[no-untyped-def]
    return round(sum(step.length for step in Session(routine, catalog, FakeClock(0.0)).steps))


def test_a_routine_made_by_keyboard_alone_shows_survives_a_restart_and_plays(
    coach_app, qtbot, data_dir
):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # Routines → New
    editor = coach_app.shelf.editor
    assert editor is not None, "Ctrl+N opens the editor"
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: editor.isActiveWindow() and editor.name.hasFocus(), timeout=2000)

    type_text(qtbot, "Keyboard routine")
    key(qtbot, Qt.Key.Key_Tab)  # → description
    type_text(qtbot, "Made without a mouse.")
    key(qtbot, Qt.Key.Key_F, ALT)  # → Find an exercise
    assert editor.picker.search.hasFocus()
    type_text(qtbot, "piriformis")
    key(qtbot, Qt.Key.Key_Return)  # adds the first match
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "forward fold")
    key(qtbot, Qt.Key.Key_Return)
    ids = [item.exercise for item in editor.items.routine_items()]
    assert ids == ["piriformis-stretch", "forward-fold"]

    key(qtbot, Qt.Key.Key_X, ALT)  # → Exercises in this routine
    assert editor.items.hasFocus()
    key(qtbot, Qt.Key.Key_Home)
    key(qtbot, Qt.Key.Key_Down, ALT)  # piriformis goes below the fold
    ids = [item.exercise for item in editor.items.routine_items()]
    assert ids == ["forward-fold", "piriformis-stretch"]
    assert editor.items.currentRow() == 1, "the moved item stays selected"

    key(qtbot, Qt.Key.Key_R, ALT)  # → Reps of the selected (piriformis)
    assert editor.form.spins["reps"].hasFocus()
    key(qtbot, Qt.Key.Key_Up)  # 1 → 2, its most
    key(qtbot, Qt.Key.Key_Up)  # stays at 2: the range stops it
    piriformis = editor.items.routine_items()[1]
    assert piriformis.reps == 2
    shown = editor.estimate.text()
    key(qtbot, Qt.Key.Key_S, CTRL)  # save
    qtbot.waitUntil(lambda: coach_app.shelf.editor is None, timeout=2000)

    routine = coach_app.catalog.routine("keyboard-routine")
    assert routine.user and routine.name == "Keyboard routine"
    assert routine.description == "Made without a mouse."
    assert [i.exercise for i in routine.items] == ["forward-fold", "piriformis-stretch"]
    assert routine.items[1].reps == 2
    assert window.current_routine is not None and window.current_routine.id == routine.id
    assert shown == f"Total time: {minutes_text(engine_seconds(routine, coach_app.catalog))}"

    # A restart: a new catalog over the same data folder.
    again = load_with_user(data_dir)
    assert again.routine("keyboard-routine") == routine

    # It plays to the end in the player.
    player = coach_app.play(routine.id)
    run_until(coach_app, lambda state: state.phase == Phase.DONE, step=0.5)
    state = player.driver.state
    assert state.reps_done == state.reps_planned == routine.items[0].reps + 2 * 2  # each side
