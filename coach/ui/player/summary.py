"""The end of a session: what was done, pain before → after, and a way on
to History. Pain after is asked here, inline and skippable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.core.session.events import SessionEnded
from coach.core.vocabulary import Outcome
from coach.ui import safety
from coach.ui.prompts import PainScale, Panel, make_button
from coach.ui.theme import Accents
from coach.ui.wording import minutes_text, pain_text

TITLES = {
    Outcome.COMPLETED: "Session complete — well done",
    Outcome.STOPPED: "Session stopped",
    Outcome.PAIN: safety.SHARP_PAIN_TITLE,
}


class SummaryPanel(QWidget):
    """Shown in the player once the session has ended."""

    pain_after = Signal(object)
    history_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pain_before: int | None = None
        self.pain_after_value: int | None = None
        outer = QHBoxLayout(self)
        column = QWidget(self)
        column.setMaximumWidth(860)
        outer.addWidget(column)
        box = QVBoxLayout(column)
        box.setContentsMargins(40, 30, 40, 30)
        box.setSpacing(16)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        box.addWidget(self.title)

        self.advice = Panel(self)
        self.advice.add_text(safety.SHARP_PAIN_ADVICE)
        self.advice.hide()
        box.addWidget(self.advice)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(24)
        self.routine = self._value(form, "Routine")
        self.time = self._value(form, "Time")
        self.reps = self._value(form, "Reps done")
        self.skipped = self._value(form, "Reps skipped")
        self.pain = self._value(form, "Pain before → after")
        box.addLayout(form)

        self.pain_scale = PainScale(safety.PAIN_AFTER_QUESTION, "Pain after", self)
        self.pain_scale.answered.connect(self._on_pain_after)
        box.addWidget(self.pain_scale)
        box.addSpacing(12)

        row = QHBoxLayout()
        self.history_link = QLabel(
            '<a href="history">Open History</a> to see how you are doing over time.', self
        )
        self.history_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.history_link.setAccessibleName("Open History")
        self.history_link.setToolTip("Open the session history (H)")
        self.history_link.linkActivated.connect(lambda _href: self.history_requested.emit())
        link_font = self.history_link.font()
        link_font.setPointSizeF(link_font.pointSizeF() * 1.25)
        self.history_link.setFont(link_font)
        row.addWidget(self.history_link, 1)
        self.done_button = make_button("Done", "Close the player (Enter)", self, name="Done")
        self.done_button.clicked.connect(self.close_requested)
        self.done_button.setMinimumSize(140, 44)
        self.done_button.setFont(link_font)
        row.addWidget(self.done_button)
        box.addLayout(row)
        box.addStretch(1)

    def _value(self, form: QFormLayout, name: str) -> QLabel:
        label = QLabel(self)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        label.setFont(font)
        caption = QLabel(name, self)
        caption.setFont(font)
        form.addRow(caption, label)
        label.setAccessibleName(name)
        return label

    def show_result(
        self,
        routine_name: str,
        ended: SessionEnded,
        reps_planned: int,
        seconds: float,
        pain_before: int | None,
    ) -> None:
        self.title.setText(TITLES.get(ended.outcome, "Session over"))
        if ended.outcome is Outcome.PAIN:
            palette = self.title.palette()
            palette.setColor(self.title.foregroundRole(), Accents.from_palette(palette).danger)
            self.title.setPalette(palette)
        self.advice.setVisible(ended.outcome is Outcome.PAIN)
        self.routine.setText(routine_name)
        self.time.setText(minutes_text(seconds))
        self.reps.setText(f"{ended.reps_done} of {reps_planned}")
        self.skipped.setText(str(ended.reps_skipped))
        self.pain_before = pain_before
        self._show_pain()

    def _on_pain_after(self, value: int | None) -> None:
        self.pain_after_value = value
        self._show_pain()
        self.pain_after.emit(value)

    def _show_pain(self) -> None:
        self.pain.setText(pain_text(self.pain_before, self.pain_after_value))
