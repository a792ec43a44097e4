"""The main window: routines, preview, Start, menus, remembered settings,
and every control named and explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from coach.ui import safety
from coach.ui.settings import AppSettings
from tests.ui.conftest import run_until


def test_lists_the_routines_with_details(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    names = [window.routines.item(i).text().split("\n")[0] for i in range(window.routines.count())]
    assert "Desk break" in names and "Tiny test routine" in names
    select(window, "tiny")
    assert window.title.text() == "Tiny test routine"
    assert window.exercises.text().startswith(
        "1. Directed forward bend — 7 reps, hold 10 s, walk 20 s between"
    )
    assert "2. Seated spinal twist — 1 rep each side" in window.exercises.text()
    assert window.duration.text().startswith("About ")


def select(window, routine_id: str) -> None:  # type: ignore[no-untyped-def]
    for row in range(window.routines.count()):
        if window.routines.item(row).data(Qt.ItemDataRole.UserRole) == routine_id:
            window.routines.setCurrentRow(row)
            return
    raise AssertionError(routine_id)


def test_preview_moves_through_the_first_exercise(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "tiny")
    seen = set()
    for _ in range(400):
        window.step_preview()
        seen.add(window.preview.shown.phase)
    assert {"start", "move", "hold", "release"} <= seen
    assert window.preview.shown.exercise.id == "directed-forward-bend"


def test_preview_comes_to_rest_and_wakes_on_a_new_pick(coach_app):  # type: ignore[no-untyped-def]
    from coach.ui.main.window import PREVIEW_FRAME_MS, PREVIEW_PLAY_S

    window = coach_app.open_main()
    select(window, "tiny")
    assert window.preview_playing
    for _ in range(int(PREVIEW_PLAY_S * 1000 / PREVIEW_FRAME_MS) + 2):
        window.step_preview()
    assert not window.preview_playing, "an idle window stops animating"
    assert window.preview.shown.phase == "hold"
    select(window, "desk-break")
    assert window.preview_playing, "picking a routine plays its preview again"


def test_start_opens_the_player_on_the_selected_routine(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "tiny")
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert coach_app.player is not None and coach_app.player.waiting_to_start
    assert coach_app.player.driver.routine.id == "tiny"


def test_last_routine_and_geometry_are_remembered(coach_app, data_dir):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "tiny")
    window.resize(760, 560)  # inside the offscreen screen (800x600): restore keeps it on screen
    window.close()
    settings = AppSettings()
    assert settings.path.parent == data_dir / "settings", "never the real user's settings"
    assert settings.last_routine == "tiny"
    coach_app.main_window = None
    again = coach_app.open_main()
    assert again.current_routine.id == "tiny"
    assert (again.width(), again.height()) == (760, 560)


def test_about_carries_the_caution_without_blocking(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.menu_actions["about"].trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    assert "72 hours" in box.informativeText() and "sharp pain" in box.informativeText()
    assert safety.ABOUT_CAUTION in box.informativeText()
    box.close()


def test_first_run_caution_is_shown_once(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    assert window.caution.isVisible()
    qtbot.mouseClick(window.caution.ok, Qt.MouseButton.LeftButton)
    assert not window.caution.isVisible() and coach_app.settings.caution_seen
    player = coach_app.play("tiny")
    assert not player.ready.caution.isVisible()


def test_history_and_print_menus_do_not_fail(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.menu_actions["history"].trigger()
    assert coach_app.history is not None or window.statusBar().currentMessage()
    if coach_app.history is not None:
        coach_app.history.close()


def test_theme_and_tones_settings(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.menu_actions["theme-dark"].trigger()
    assert coach_app.settings.theme == "dark"
    assert QApplication.palette().window().color().lightness() < 128
    window.menu_actions["theme-light"].trigger()
    assert QApplication.palette().window().color().lightness() > 128
    window.menu_actions["tones"].setChecked(False)
    assert coach_app.tones.muted and coach_app.settings.muted


def test_no_sound_device_is_said_once_when_the_first_tone_is_due(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    assert "without tones" not in window.statusBar().currentMessage()
    assert not coach_app.tones.loaded, "the main window does not load QtMultimedia"
    player = coach_app.play("tiny")
    run_until(coach_app, lambda state: state.phase == "hold")
    assert "without tones" in player.statusBar().currentMessage()
    player.statusBar().clearMessage()
    run_until(coach_app, lambda state: state.phase == "release")
    assert "without tones" not in player.statusBar().currentMessage()


def test_every_control_is_named_and_explained(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    player = coach_app.play("tiny")
    for button in player.ready.findChildren(QAbstractButton):
        assert button.accessibleName(), f"{button.text()!r} has no accessible name"
    player.begin()
    player.controls.compact.trigger()
    for top in (window, player, player.compact):
        for button in top.findChildren(QAbstractButton):
            if button.objectName().startswith("qt_"):
                continue  # Qt's own (the menu bar's overflow arrow)
            assert button.accessibleName(), f"{button.text()!r} has no accessible name"
            assert button.toolTip(), f"{button.text()!r} has no tooltip"
    for action in player.controls.all:
        assert "(" in action.toolTip(), f"{action.text()} does not say its shortcut"
    assert "(Space)" in player.controls.pause.toolTip()
    assert "(Esc)" in player.controls.stop.toolTip()
    for name in ("print", "history", "about", "quit"):
        assert "(" in window.menu_actions[name].toolTip()
