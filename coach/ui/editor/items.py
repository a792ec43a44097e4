"""The routine's items in order: drag to reorder, or Alt+Up / Alt+Down on
the selected item; Delete removes it. Each row keeps its `RoutineItem`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from coach.core.catalog.model import Catalog, RoutineItem
from coach.ui.editor.draft import item_line

ROLE = Qt.ItemDataRole.UserRole


class ItemList(QListWidget):
    """The items; `changed` after any move, add, removal or edit."""

    changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setAccessibleName("Exercises in the routine")
        self.setToolTip(
            "Drag to reorder, or Alt+Up / Alt+Down on the selected exercise; Delete removes it"
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        # A drag moves rows inside the model; renumber once it has settled.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._renumber_and_tell)
        self.model().rowsMoved.connect(self._moved)

    # -- contents ---------------------------------------------------------------
    def routine_items(self) -> tuple[RoutineItem, ...]:
        return tuple(self.item(row).data(ROLE) for row in range(self.count()))

    def set_items(self, items: tuple[RoutineItem, ...] | list[RoutineItem]) -> None:
        self.clear()
        for routine_item in items:
            self.addItem(self._row(routine_item))
        self._renumber()
        if self.count():
            self.setCurrentRow(0)

    def append(self, routine_item: RoutineItem) -> None:
        self.addItem(self._row(routine_item))
        self.setCurrentRow(self.count() - 1)
        self._renumber_and_tell()

    def replace_current(self, routine_item: RoutineItem) -> None:
        row = self.currentItem()
        if row is not None:
            row.setData(ROLE, routine_item)
            self._renumber_and_tell()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.takeItem(row)
            self.setCurrentRow(min(row, self.count() - 1))
            self._renumber_and_tell()

    def move_current(self, step: int) -> bool:
        """Move the selected item up (-1) or down (+1); False at an end."""
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return False
        moved = self.takeItem(row)
        self.insertItem(target, moved)
        self.setCurrentRow(target)
        self._renumber_and_tell()
        return True

    def _row(self, routine_item: RoutineItem) -> QListWidgetItem:
        row = QListWidgetItem()
        row.setData(ROLE, routine_item)
        row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)  # drop between, not onto
        return row

    def _renumber(self) -> None:
        for number in range(self.count()):
            row = self.item(number)
            routine_item: RoutineItem = row.data(ROLE)
            exercise = self.catalog.exercise(routine_item.exercise)
            row.setText(item_line(number + 1, exercise, routine_item))
            row.setToolTip(exercise.summary)

    def _renumber_and_tell(self) -> None:
        self._renumber()
        self.changed.emit()

    def _moved(self, *_args: QModelIndex | int) -> None:
        self._settle.start()

    # -- keys -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if mods == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key == Qt.Key.Key_Delete and not mods:
            self.remove_current()
            return
        super().keyPressEvent(event)
