"""What the main window's New, Duplicate, Edit, Delete, Import… and Export…
do: open the editor, copy a routine, remove one (after asking), and move
routines in and out as `.stretchroutine` files. `changed(id)` after every
change, with the routine to select ("" for none).

Questions and file dialogs go through replaceable callables (`ask`,
`choose`, `open_file`, `save_file`, `tell`), so the tests can answer them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coach.core.catalog.model import Catalog, Routine
from coach.core.catalog.share import SUFFIX, export_routine, read_shared
from coach.core.catalog.user import UserRoutines
from coach.core.errors import CoachError
from coach.ui.editor.window import EditorWindow
from coach.ui.settings import AppSettings

FILTER = f"Shared routines (*{SUFFIX})"
READ_ONLY = "Shipped routines can't be changed: Duplicate makes a copy you can edit."


def _ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = {
        box.addButton(option, QMessageBox.ButtonRole.AcceptRole): option for option in options
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())  # type: ignore[call-overload]


def _open_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Import a routine", "", FILTER)
    return Path(name) if name else None


def _save_file(parent: QWidget | None, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export the routine", suggested, FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def _tell(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Routines", text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class RoutineShelf(QObject):
    changed = Signal(str)  # the routine to select, "" for none
    notice = Signal(str)  # one line for the status bar

    def __init__(
        self,
        catalog: Catalog,
        store: UserRoutines,
        parent: QWidget | None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog, self.store, self.window = catalog, store, parent
        self.settings = settings  # remembers the editor's size and place
        self.editor: EditorWindow | None = None
        self.ask: Callable[[QWidget | None, str, str], bool] = _ask
        self.choose: Callable[[QWidget | None, str, str, list[str]], str | None] = _choose
        self.open_file: Callable[[QWidget | None], Path | None] = _open_file
        self.save_file: Callable[[QWidget | None, str], Path | None] = _save_file
        self.tell: Callable[[QWidget | None, str], None] = _tell

    # -- editor -------------------------------------------------------------------
    def new(self) -> EditorWindow:
        return self._open_editor(None)

    def edit(self, routine_id: str) -> EditorWindow | None:
        routine = self.catalog.routine(routine_id)
        if not routine.user:
            self.tell(self.window, READ_ONLY)
            return None
        return self._open_editor(routine)

    def _open_editor(self, routine: Routine | None) -> EditorWindow:
        if self.editor is not None:  # one at a time
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        editor = EditorWindow(self.catalog, self.store, routine, self.window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.settings is not None:
            self.settings.restore_geometry("editor", editor)
        editor.saved.connect(self.changed.emit)
        editor.finished.connect(lambda _code: self._editor_closed(editor))
        self.editor = editor
        editor.open()  # window-modal over the main window; the loop goes on
        return editor

    def _editor_closed(self, editor: EditorWindow) -> None:
        if self.settings is not None:
            self.settings.save_geometry("editor", editor)
        if self.editor is editor:
            self.editor = None

    # -- copies and removal -------------------------------------------------------
    def duplicate(self, routine_id: str) -> str | None:
        original = self.catalog.routine(routine_id)
        name = f"{original.name} (copy)"
        copy = replace(original, id=self.store.new_id(name, self.catalog), name=name, user=True)
        return self._store(copy, f"Made an editable copy: {name}.")

    def delete(self, routine_id: str) -> bool:
        routine = self.catalog.routine(routine_id)
        if not routine.user:
            self.tell(self.window, READ_ONLY)
            return False
        if not self.ask(
            self.window,
            "Delete routine",
            f"Delete the routine “{routine.name}”? This can't be undone.",
        ):
            return False
        try:
            self.store.delete(routine.id)
        except (CoachError, OSError) as exc:
            self.tell(self.window, str(exc))
            return False
        self.catalog.routines.pop(routine.id, None)
        self.notice.emit(f"Deleted {routine.name}.")
        self.changed.emit("")
        return True

    # -- files --------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> str | None:
        path = path or self.open_file(self.window)
        if path is None:
            return None
        try:
            routine = read_shared(path, self.catalog)
        except CoachError as exc:
            self.tell(self.window, str(exc))
            return None
        routine = replace(routine, user=True)
        existing = self.catalog.routines.get(routine.id)
        if existing is not None:
            options = (["Replace it"] if existing.user else []) + ["Keep both"]
            answer = self.choose(
                self.window,
                "Import a routine",
                f"You already have a routine called “{existing.name}”.",
                options,
            )
            if answer is None:
                return None
            if answer == "Keep both":
                routine = replace(routine, id=self.store.new_id(routine.name, self.catalog))
        return self._store(routine, f"Imported {routine.name} from {path.name}.")

    def export(self, routine_id: str) -> Path | None:
        routine = self.catalog.routine(routine_id)
        path = self.save_file(self.window, f"{routine.id}{SUFFIX}")
        if path is None:
            return None
        try:
            export_routine(routine, path)
        except (CoachError, OSError) as exc:
            self.tell(self.window, str(exc))
            return None
        self.notice.emit(f"Exported {routine.name} to {path}.")
        return path

    def _store(self, routine: Routine, done: str) -> str | None:
        try:
            self.store.save(routine, self.catalog)
        except (CoachError, OSError) as exc:
            self.tell(self.window, str(exc))
            return None
        self.catalog.routines.setdefault(routine.id, routine)  # save() puts it there
        self.notice.emit(done)
        self.changed.emit(routine.id)
        return routine.id
