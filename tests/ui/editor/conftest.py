"""The editor over the test catalog and a user-routines folder in the
test's own data folder."""

from __future__ import annotations

import pytest

from coach.core.catalog.user import UserRoutines


@pytest.fixture
def store(data_dir) -> UserRoutines:  # type: ignore[no-untyped-def]
    return UserRoutines(data_dir / "settings" / "routines")


@pytest.fixture
def open_editor(qtbot, catalog, store):  # type: ignore[no-untyped-def]
    from coach.ui.editor.window import EditorWindow

    def make(routine=None):  # type: ignore[no-untyped-def]
        editor = EditorWindow(catalog, store, routine)
        editor.confirm_discard = lambda _parent: True  # no blocking question at teardown
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make
