"""How often a routine is meant to be done: not said, a number of times a
day, or every few hours at the desk; and on how many days a week."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from coach.core.catalog.model import DESK_DAY_HOURS, Frequency

MODES = (
    ("none", "Not set"),
    ("daily", "A number of times a day"),
    ("hours", "Every few hours at the desk"),
)


class FrequencyBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("How often", parent)
        self.setAccessibleName("How often")
        grid = QGridLayout(self)
        self.mode = QComboBox(self)
        self.mode.setAccessibleName("How often: kind")
        for value, text in MODES:
            self.mode.addItem(text, value)
        mode_label = QLabel("&When", self)
        mode_label.setBuddy(self.mode)
        self.times = QSpinBox(self)
        self.times.setRange(1, 12)
        self.times.setSuffix(" a day")
        self.times.setAccessibleName("Times a day")
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0.5, 8.0)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setValue(2.0)
        self.hours.setPrefix("every ")
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Every so many hours at the desk")
        self.days = QSpinBox(self)
        self.days.setRange(1, 7)
        self.days.setValue(7)
        self.days.setSuffix(" days a week")
        self.days.setAccessibleName("Days a week")
        self.summary = QLabel(self)
        self.summary.setAccessibleName("How often, in words")
        self.summary.setWordWrap(True)
        grid.addWidget(mode_label, 0, 0)
        grid.addWidget(self.mode, 0, 1, 1, 3)
        grid.addWidget(self.hours, 1, 1)
        grid.addWidget(self.times, 1, 2)
        grid.addWidget(self.days, 1, 3)
        grid.addWidget(self.summary, 2, 0, 1, 4)
        grid.setColumnStretch(4, 1)
        # Tab goes left to right, as the boxes are laid out.
        QWidget.setTabOrder(self.mode, self.hours)
        QWidget.setTabOrder(self.hours, self.times)
        QWidget.setTabOrder(self.times, self.days)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.hours.valueChanged.connect(self._hours_changed)
        self._natural = self._natural_times()
        for spin in (self.times, self.days):
            spin.valueChanged.connect(self._changed)
        self.hours.valueChanged.connect(self._changed)
        self._changed()

    def frequency(self) -> Frequency | None:
        mode = self.mode.currentData()
        if mode == "none":
            return None
        if mode == "hours":  # times_per_day: the most in one day
            return Frequency(self.times.value(), self.days.value(), self.hours.value())
        return Frequency(times_per_day=self.times.value(), days_per_week=self.days.value())

    def set_frequency(self, frequency: Frequency | None) -> None:
        if frequency is None:
            self.mode.setCurrentIndex(self.mode.findData("none"))
        else:
            self.days.setValue(frequency.days_per_week)
            if frequency.every_hours is not None:
                self.hours.setValue(frequency.every_hours)
                self.mode.setCurrentIndex(self.mode.findData("hours"))
                self.times.setValue(frequency.times_per_day)  # after the mode's default
            else:
                self.times.setValue(frequency.times_per_day)
                self.mode.setCurrentIndex(self.mode.findData("daily"))
        self._changed()

    def _natural_times(self) -> int:
        """How many times 'every N hours' fits in a desk day (at most 12)."""
        return max(1, min(self.times.maximum(), int(DESK_DAY_HOURS // self.hours.value())))

    def _mode_changed(self) -> None:
        if self.mode.currentData() == "hours":
            self.times.setValue(self._natural_times())  # no cap unless one is chosen
        self._changed()

    def _hours_changed(self) -> None:
        natural = self._natural_times()
        if self.mode.currentData() == "hours" and self.times.value() == self._natural:
            self.times.setValue(natural)  # the cap follows the hours until set by hand
        self._natural = natural

    def _changed(self) -> None:
        mode = self.mode.currentData()
        hourly = mode == "hours"
        self.times.setPrefix("at most " if hourly else "")
        self.times.setAccessibleName("At most so many times a day" if hourly else "Times a day")
        self.times.setVisible(mode != "none")
        self.hours.setVisible(mode == "hours")
        self.days.setVisible(mode != "none")
        frequency = self.frequency()
        self.summary.setText(
            "No schedule: do it whenever you like." if frequency is None else frequency.describe()
        )
        self.changed.emit()
