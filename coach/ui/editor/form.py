"""The selected item's figures: hold, reps, sets, rest, walk between reps and
sides. Each spin box is bounded by the exercise's allowed range
(`item_limits`), and the range and the reason are written next to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coach.core.catalog.limits import Limit, check_item, item_limits
from coach.core.catalog.model import Catalog, RoutineItem
from coach.ui.editor.draft import SIDE_CHOICES, one_sided, with_value
from coach.ui.editor.parts import problem_label

# (field, label, unit) in the order shown.
FIELDS = (
    ("hold_s", "&Hold", "s"),
    ("reps", "&Reps", ""),
    ("sets", "Se&ts", ""),
    ("rest_s", "Rest &between sets", "s"),
    ("walk_s", "Wal&k between reps", "s"),
)


def range_text(limit: Limit, unit: str) -> str:
    suffix = f" {unit}" if unit else ""
    return f"{limit.minimum}–{limit.maximum}{suffix}: {limit.why}"


class ItemForm(QWidget):
    """Edits one item; `item_changed(RoutineItem)` on every change."""

    item_changed = Signal(object)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._item: RoutineItem | None = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Selected exercise")
        outer.addWidget(self.heading)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(10)
        self.spins: dict[str, QSpinBox] = {}
        self.hints: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for row, (field, text, unit) in enumerate(FIELDS):
            label = QLabel(text, self)
            spin = QSpinBox(self)
            spin.setSuffix(f" {unit}" if unit else "")
            spin.setAccessibleName(text.replace("&", ""))
            spin.setMinimumWidth(90)
            spin.setKeyboardTracking(True)
            label.setBuddy(spin)
            hint = QLabel(self)
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            hint.setAccessibleName(f"Allowed range for {text.replace('&', '').lower()}")
            spin.valueChanged.connect(lambda value, name=field: self._set(name, value))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row, 2)
            self.spins[field], self.hints[field], self.labels[field] = spin, hint, label
        self.sides_label = QLabel("S&ides", self)
        self.sides = QComboBox(self)
        self.sides.setAccessibleName("Sides")
        for value, text in SIDE_CHOICES:
            self.sides.addItem(text, value)
        self.sides_label.setBuddy(self.sides)
        self.sides_hint = QLabel("A one-sided exercise: both sides, or only one.", self)
        self.sides_hint.setWordWrap(True)
        self.sides.currentIndexChanged.connect(
            lambda _i: self._set("sides", self.sides.currentData())
        )
        row = len(FIELDS)
        grid.addWidget(self.sides_label, row, 0)
        grid.addWidget(self.sides, row, 1)
        grid.addWidget(self.sides_hint, row, 2)
        outer.addLayout(grid)
        self.problems = problem_label(self, "Problems with this exercise's figures")
        outer.addWidget(self.problems)
        outer.addStretch(1)
        self.show_item(None)

    @property
    def item(self) -> RoutineItem | None:
        return self._item

    def show_item(self, item: RoutineItem | None) -> None:
        """Load an item (None: nothing selected). Values outside the allowed
        range are named in `problems` and brought inside it."""
        self._loading = True
        self._item = item
        for widget in (*self.spins.values(), self.sides):
            widget.setEnabled(item is not None)
        if item is None:
            self.heading.setText("Add an exercise, then set its figures here.")
            self.problems.clear()
            self._loading = False
            return
        exercise = self.catalog.exercise(item.exercise)
        self.heading.setText(exercise.name)
        limits = item_limits(exercise)
        found = check_item(exercise, item)
        for field, _text, unit in FIELDS:
            limit = limits.get(field)
            spin, hint, label = self.spins[field], self.hints[field], self.labels[field]
            shown = limit is not None and limit.maximum > 0
            for widget in (spin, hint, label):
                widget.setVisible(shown)
            if limit is None:
                continue
            spin.setRange(limit.minimum, limit.maximum)
            value = getattr(item, field)
            if value is None:  # walk_s None: the exercise's own walk
                value = exercise.walk_s
            spin.setValue(value)
            hint.setText(range_text(limit, unit))
        sided = one_sided(exercise)
        for widget in (self.sides, self.sides_label, self.sides_hint):
            widget.setVisible(sided)
        self.sides.setCurrentIndex(max(0, self.sides.findData(item.sides)))
        self.problems.setText(("Brought into range: " + " ".join(found)) if found else "")
        self._loading = False
        self._sync_from_widgets()

    def _sync_from_widgets(self) -> None:
        """After loading: the item as the (range-bounded) widgets show it."""
        if self._item is None:
            return
        item = self._item
        for field, spin in self.spins.items():
            if spin.isVisibleTo(self) and getattr(item, field) not in (None, spin.value()):
                item = with_value(item, field, spin.value())
        if item != self._item:
            self._item = item
            self.item_changed.emit(item)

    def _set(self, field: str, value: int | str) -> None:
        if self._loading or self._item is None:
            return
        if field == "walk_s" and value == self.catalog.exercise(self._item.exercise).walk_s:
            new = with_value(self._item, field, None if self._item.walk_s is None else value)
        else:
            new = with_value(self._item, field, value)
        if new != self._item:
            self._item = new
            self.item_changed.emit(new)
