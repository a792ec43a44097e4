"""The routine editor window: name and description, exercises picked from
the catalog, each one's figures, how often, and a live estimate of the total
time from the very plan the engine will run. Save writes through
`UserRoutines.save`; a problem is one sentence under the buttons. Cancel or
Esc closes without saving, asking first if anything changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coach.core.catalog.model import Catalog, Routine, RoutineItem
from coach.core.catalog.user import UserRoutines
from coach.core.errors import CoachError
from coach.ui.editor.draft import clamped, default_item
from coach.ui.editor.form import ItemForm
from coach.ui.editor.frequency import FrequencyBox
from coach.ui.editor.items import ItemList
from coach.ui.editor.parts import (
    FocusRing,
    ask_discard,
    big_label,
    make_button,
    problem_label,
)
from coach.ui.editor.picker import ExercisePicker
from coach.ui.wording import minutes_text


class EditorWindow(QDialog):
    saved = Signal(str)  # routine id

    def __init__(
        self,
        catalog: Catalog,
        store: UserRoutines,
        routine: Routine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog, self.store = catalog, store
        self.routine_id = routine.id if routine is not None and routine.user else None
        # Asks whether to close and lose the changes; tests replace it.
        self.confirm_discard: Callable[[QWidget], bool] = ask_discard
        self.setWindowTitle(f"Edit routine — {routine.name}[*]" if routine else "New routine[*]")
        self.setObjectName("routineEditor")
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)

        top = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Routine name")
        self.name.setPlaceholderText("For example: My morning stretch")
        self.name.setMaxLength(80)
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName("Routine description")
        self.description.setPlaceholderText("What the routine is for (optional)")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        top.addRow("&Name", self.name)  # the form's labels are the fields' buddies
        top.addRow("&Description", self.description)
        outer.addLayout(top)

        middle = QHBoxLayout()
        middle.setSpacing(18)
        self.picker = ExercisePicker(catalog, self)
        middle.addWidget(self.picker, 3)
        column = QVBoxLayout()
        list_label = QLabel("E&xercises in this routine", self)
        self.items = ItemList(catalog, self)
        list_label.setBuddy(self.items)
        column.addWidget(list_label)
        column.addWidget(self.items, 1)
        moves = QHBoxLayout()
        self.up_button = make_button("Move up", "Move the selected exercise up (Alt+Up)", self)
        self.down_button = make_button(
            "Move down", "Move the selected exercise down (Alt+Down)", self
        )
        self.remove_button = make_button("Remove", "Take the selected exercise out (Delete)", self)
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        column.addLayout(moves)
        middle.addLayout(column, 4)
        self.form = ItemForm(catalog, self)
        middle.addWidget(self.form, 4)
        outer.addLayout(middle, 1)

        bottom = QHBoxLayout()
        self.frequency = FrequencyBox(self)
        bottom.addWidget(self.frequency, 2)
        right = QVBoxLayout()
        self.estimate = big_label(self, "Estimated total time", 1.3)
        self.error = problem_label(self, "Why the routine was not saved")
        right.addWidget(self.estimate)
        right.addWidget(self.error, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = make_button("Cancel", "Close without saving (Esc)", self)
        self.save_button = make_button(
            "&Save", "Save the routine (Ctrl+S)", self, "Save the routine"
        )
        self.save_button.setMinimumWidth(120)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        bottom.addLayout(right, 3)
        outer.addLayout(bottom)

        self.picker.add_requested.connect(self.add_exercise)
        self.items.currentItemChanged.connect(self._on_current)
        self.items.changed.connect(self._changed)
        self.form.item_changed.connect(self.items.replace_current)
        self.frequency.changed.connect(self._changed)
        self.name.textChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.up_button.clicked.connect(lambda: self.items.move_current(-1))
        self.down_button.clicked.connect(lambda: self.items.move_current(1))
        self.remove_button.clicked.connect(self.items.remove_current)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._clean = self._snapshot()
        self.focus_ring = FocusRing(self)
        problems = self._load(routine)
        self._changed()
        self.error.setText(problems)
        self.name.setFocus()

    # -- the routine being edited -----------------------------------------------
    def _load(self, routine: Routine | None) -> str:
        """Show `routine`; figures outside their allowed range are brought
        into it (so the routine counts as changed) and said, one line."""
        if routine is None:
            return ""
        items, problems = [], []
        for item in routine.items:
            fitted, found = clamped(self.catalog.exercise(item.exercise), item)
            items.append(fitted)
            problems += found
        self.name.setText(routine.name)
        self.description.setPlainText(routine.description)
        self.frequency.set_frequency(routine.frequency)
        self.items.set_items(items)
        self._on_current()
        self._clean = (routine.name, routine.description, routine.items, routine.frequency)
        if not problems:
            return ""
        return f"Brought into range: {problems[0]}" + (
            f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        )

    def routine(self) -> Routine:
        """The routine as the window shows it now (id "draft" until saved)."""
        return Routine(
            id=self.routine_id or "draft",
            name=self.name.text().strip(),
            description=self.description.toPlainText().strip(),
            items=self.items.routine_items(),
            frequency=self.frequency.frequency(),
            user=True,
        )

    def _snapshot(self) -> tuple[object, ...]:
        r = self.routine()
        return (r.name, r.description, r.items, r.frequency)

    @property
    def dirty(self) -> bool:
        return self._snapshot() != self._clean

    def add_exercise(self, exercise_id: str) -> None:
        self.items.append(default_item(self.catalog.exercise(exercise_id)))

    def _on_current(self, *_args: object) -> None:
        row = self.items.currentItem()
        item: RoutineItem | None = None if row is None else row.data(Qt.ItemDataRole.UserRole)
        self.form.show_item(item)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(item is not None)

    def _changed(self) -> None:
        routine = self.routine()
        if routine.items:
            seconds = round(self.catalog.estimated_seconds(routine))
            self.estimate.setText(f"Total time: {minutes_text(seconds)}")
        else:
            self.estimate.setText("Total time: add an exercise to see it")
        self.error.clear()
        self.setWindowModified(self.dirty)

    # -- save / close -------------------------------------------------------------
    def save(self) -> bool:
        routine = self.routine()
        if not routine.name:
            return self._refuse("Give the routine a name before saving it.", self.name)
        if not routine.items:
            return self._refuse("Add at least one exercise before saving.", self.picker.search)
        if self.routine_id is None:
            routine = Routine(
                id=self.store.new_id(routine.name, self.catalog),
                name=routine.name,
                description=routine.description,
                items=routine.items,
                frequency=routine.frequency,
                user=True,
            )
        try:
            self.store.save(routine, self.catalog)
        except CoachError as exc:
            return self._refuse(str(exc), self.save_button)
        except OSError as exc:  # save is meant to wrap these; say it in one line anyway
            return self._refuse(f"The routine could not be saved: {exc.strerror or exc}.", None)
        self.catalog.routines.setdefault(routine.id, routine)  # save() puts it there
        self.routine_id = routine.id
        self._clean = self._snapshot()
        self.saved.emit(routine.id)
        self.accept()
        return True

    def _refuse(self, text: str, focus: QWidget | None) -> bool:
        self.error.setText(text)
        if focus is not None:
            focus.setFocus()
        return False

    def reject(self) -> None:
        if self.dirty and not self.confirm_discard(self):
            return
        self._clean = self._snapshot()  # asked once: closeEvent must not ask again
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.confirm_discard(self):
            event.ignore()
            return
        super().closeEvent(event)
