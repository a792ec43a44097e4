"""The main window's routine commands (issue 17): shipped routines are
read-only (Edit and Delete disabled, saying why) and Duplicate makes an
editable copy; Delete asks first; Export and Import move a routine to a fresh
data folder unchanged, and Import never overwrites without asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from coach.core.catalog.user import UserRoutines, load_with_user
from tests.ui.main.test_window import select


def test_shipped_routines_are_read_only(coach_app):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "desk-break")
    for key in ("edit", "delete"):
        assert not window.routine_buttons[key].isEnabled()
        assert not window.menu_actions[key].isEnabled()
        assert "read-only" in window.routine_buttons[key].toolTip()
    assert window.routine_buttons["duplicate"].isEnabled()
    assert "Duplicate it" in window.ownership.text()
    assert window.menu_actions["duplicate"].isEnabled()
    shortcuts = {
        k: window.menu_actions[k].shortcut().toString()
        for k in ("new", "duplicate", "edit", "delete")
    }
    assert shortcuts == {"new": "Ctrl+N", "duplicate": "Ctrl+D", "edit": "Ctrl+E", "delete": "Del"}


def test_duplicate_makes_an_editable_copy_and_selects_it(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "desk-break")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = window.current_routine
    assert copy is not None and copy.user and copy.name == "Desk break (copy)"
    assert copy.items == coach_app.catalog.routine("desk-break").items
    assert window.routine_buttons["edit"].isEnabled() and window.menu_actions["delete"].isEnabled()
    assert "yours" in window.routines.currentItem().text()
    window.menu_actions["edit"].trigger()
    editor = coach_app.shelf.editor
    assert editor is not None and editor.name.text() == "Desk break (copy)"
    editor.confirm_discard = lambda _parent: True
    editor.reject()


def test_delete_asks_first(coach_app, data_dir):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    select(window, "tiny")
    routine_id = coach_app.shelf.duplicate("tiny")
    path = coach_app.routines.path_of(routine_id)
    assert path.exists()
    questions: list[str] = []
    coach_app.shelf.ask = lambda _parent, _title, text: questions.append(text) or False
    window.menu_actions["delete"].trigger()
    assert path.exists() and routine_id in coach_app.catalog.routines
    assert questions == ["Delete the routine “Tiny test routine (copy)”? This can't be undone."]
    coach_app.shelf.ask = lambda _parent, _title, _text: True
    window.routine_buttons["delete"].click()
    assert not path.exists() and routine_id not in coach_app.catalog.routines
    ids = [
        window.routines.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(window.routines.count())
    ]
    assert routine_id not in ids and window.current_routine is not None


def test_export_then_import_on_a_fresh_folder_and_never_overwrite(coach_app, tmp_path):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    shelf = coach_app.shelf
    routine_id = shelf.duplicate("tiny")
    original = coach_app.catalog.routine(routine_id)
    shared = tmp_path / "shared"
    shared.mkdir()
    shelf.save_file = lambda _parent, suggested: shared / suggested
    window.menu_actions["export"].trigger()
    exported = shared / f"{routine_id}.stretchroutine"
    assert exported.exists()

    # A fresh data folder: the import is the very same routine.
    fresh = tmp_path / "fresh"
    store = UserRoutines(fresh / "settings" / "routines")
    shelf.store, shelf.catalog = store, load_with_user(fresh)
    assert shelf.import_file(exported) == routine_id
    assert load_with_user(fresh).routine(routine_id) == original

    # Once more: it exists, so it asks; Cancel leaves everything alone.
    asked: list[list[str]] = []
    shelf.choose = lambda _parent, _title, _text, options: asked.append(options) or None
    assert shelf.import_file(exported) is None
    assert asked == [["Replace it", "Keep both"]]
    assert store.ids() == [routine_id]
    shelf.choose = lambda _parent, _title, _text, options: "Keep both"
    kept = shelf.import_file(exported)
    assert (
        kept is not None
        and kept != routine_id
        and sorted(store.ids()) == sorted([routine_id, kept])
    )


def test_import_problems_are_told_in_one_sentence(coach_app, tmp_path: Path):  # type: ignore[no-untyped-def]
    coach_app.open_main()
    told: list[str] = []
    coach_app.shelf.tell = lambda _parent, text: told.append(text)
    bad = tmp_path / "bad.stretchroutine"
    bad.write_text("format = 'nonsense'\n", encoding="utf-8")
    assert coach_app.shelf.import_file(bad) is None
    assert len(told) == 1 and "bad.stretchroutine" in told[0] and "\n" not in told[0]


def test_the_editor_remembers_its_size(coach_app, qtbot):  # type: ignore[no-untyped-def]
    window = coach_app.open_main()
    window.new_requested.emit()
    editor = coach_app.shelf.editor
    qtbot.waitExposed(editor)
    editor.resize(1000, 640)
    editor.reject()  # nothing changed: closes without asking
    assert coach_app.shelf.editor is None
    window.menu_actions["new"].trigger()
    again = coach_app.shelf.editor
    assert again is not None and again is not editor
    # The offscreen screen is 800x600, so the restored size is fitted to it:
    # not the editor's own first size.
    assert (again.width(), again.height()) != (1180, 760)
    assert coach_app.settings.restore_geometry("editor", QWidget())
    again.reject()


def test_edit_saves_in_place_and_the_list_follows(coach_app, qtbot):  # type: ignore[no-untyped-def]
    from coach.core.catalog.model import Frequency

    window = coach_app.open_main()
    routine_id = coach_app.shelf.duplicate("tiny")
    path = coach_app.routines.path_of(routine_id)
    window.routine_buttons["edit"].click()
    editor = coach_app.shelf.editor
    qtbot.waitExposed(editor)
    editor.name.setText("Tiny, my way")
    editor.frequency.set_frequency(Frequency(3, 5))
    assert editor.save()
    routine = coach_app.catalog.routine(routine_id)
    assert routine.name == "Tiny, my way" and routine.frequency == Frequency(3, 5)
    assert path.exists() and [p.stem for p in path.parent.iterdir()] == [routine_id]
    assert window.current_routine == routine
    assert window.routines.currentItem().text().startswith("Tiny, my way\n")
    assert window.title.text() == "Tiny, my way"
    assert window.duration.text().endswith("· 3 times a day, 5 days a week")
