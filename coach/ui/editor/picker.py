"""Pick exercises from the catalog: a search box, four filters (position,
props, motion, target area) and the matching exercises. Enter in the search
box or the list, a double click or Add puts the exercise in the routine."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.catalog.model import Catalog
from coach.core.vocabulary import Motion, Position, PropKind
from coach.ui.editor.draft import AREAS, Filters


def _label(value: str) -> str:
    return value.replace("-", " ").capitalize()


class _SearchBox(QLineEdit):
    """Down moves into the matches, so typing and picking flow on."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down.emit()
            return
        super().keyPressEvent(event)


class ExercisePicker(QWidget):
    add_requested = Signal(str)  # exercise id

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("&Find an exercise", self)
        layout.addWidget(heading)
        self.search = _SearchBox(self)
        self.search.setPlaceholderText("Search by name or body part")
        self.search.setAccessibleName("Search exercises")
        self.search.setToolTip("Type to search; Enter adds the highlighted exercise")
        self.search.setClearButtonEnabled(True)
        heading.setBuddy(self.search)
        layout.addWidget(self.search)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.position = self._filter(form, "P&osition", "position", Position)
        self.prop = self._filter(form, "&Props", "props", PropKind)
        self.motion = self._filter(form, "&Motion", "motion", Motion)
        self.area = self._filter(form, "Tar&get area", "target area", list(AREAS))
        layout.addLayout(form)

        self.matches = QListWidget(self)
        self.matches.setAccessibleName("Matching exercises")
        self.matches.setToolTip("Enter or double click adds the exercise to the routine")
        layout.addWidget(self.matches, 1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of matching exercises")
        layout.addWidget(self.count_label)
        self.add_button = QPushButton("&Add to routine", self)
        self.add_button.setAccessibleName("Add the highlighted exercise to the routine")
        self.add_button.setToolTip("Add the highlighted exercise to the end of the routine")
        self.add_button.setAutoDefault(False)
        layout.addWidget(self.add_button)

        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._add_current)
        self.search.down.connect(self._into_matches)
        self.matches.itemActivated.connect(lambda _item: self._add_current())
        self.add_button.clicked.connect(self._add_current)
        self.refresh()

    def _filter(
        self, form: QFormLayout, label: str, what: str, values: type[StrEnum] | list[str]
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"Filter by {what}")
        combo.setToolTip(f"Show only exercises with this {what}")
        combo.addItem("Any", None)
        for value in values:
            combo.addItem(_label(str(value)), str(value))
        combo.currentIndexChanged.connect(self.refresh)
        form.addRow(label, combo)
        return combo

    @property
    def filters(self) -> Filters:
        return Filters(
            text=self.search.text(),
            position=self.position.currentData(),
            prop=self.prop.currentData(),
            motion=self.motion.currentData(),
            area=self.area.currentData(),
        )

    def refresh(self) -> None:
        filters = self.filters
        self.matches.clear()
        shown = sorted(
            (e for e in self.catalog.exercises.values() if filters.accepts(e)),
            key=lambda e: (not filters.in_name(e), e.name.lower()),  # names first
        )
        for exercise in shown:
            item = QListWidgetItem(exercise.name)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            item.setToolTip(exercise.summary)
            self.matches.addItem(item)
        if shown:
            self.matches.setCurrentRow(0)
        total = len(self.catalog.exercises)
        self.count_label.setText(
            f"{len(shown)} of {total} exercises" if shown else "No exercise matches"
        )
        self.add_button.setEnabled(bool(shown))

    def _into_matches(self) -> None:
        self.matches.setFocus()
        if self.matches.currentRow() < 0 and self.matches.count():
            self.matches.setCurrentRow(0)

    def _add_current(self) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self.add_requested.emit(item.data(Qt.ItemDataRole.UserRole))
