"""Inline panels that ask or warn without holding anything up.

None of these is a modal dialog: they sit on the player's get-ready page
(caution, the 72-hour question, pain before), before the clock starts, and
on the summary (pain after). Ignoring them is always allowed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coach.ui import safety


def make_button(
    text: str, tip: str, parent: QWidget | None = None, *, name: str | None = None
) -> QPushButton:
    """A push button with an accessible name and a tooltip; it takes focus by
    Tab only, so a click never steals Space from the player's shortcuts."""
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.setAccessibleName(name or text)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class Panel(QFrame):
    """A softly framed box for an inline prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(14, 10, 14, 10)

    def add_text(self, text: str, *, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.box.addWidget(label)
        return label


class PainScale(Panel):
    """ "How much does it hurt?" 0–10 as a row of buttons, plus Skip.

    `answered(value)` gives an int 0–10, or None when skipped; afterwards
    the panel shows the answer in one line."""

    answered = Signal(object)

    def __init__(self, question: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.value: int | None = None
        self.done = False
        self.question = self.add_text(question, bold=True)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        for number in range(11):
            button = make_button(
                str(number), f"{label}: {number} of 10", self, name=f"{label} {number}"
            )
            button.setMinimumWidth(34)
            self.group.addButton(button, number)
            row.addWidget(button)
        row.addSpacing(12)
        self.skip_button = make_button(
            safety.PAIN_SKIP, f"Do not record {label.lower()}", self, name=f"Skip {label.lower()}"
        )
        row.addWidget(self.skip_button)
        self.box.addLayout(row)
        self.group.idClicked.connect(self.answer)
        self.skip_button.clicked.connect(lambda: self.answer(None))

    def answer(self, value: int | None) -> None:
        if self.done:
            return
        self.done, self.value = True, value
        for button in (*self.group.buttons(), self.skip_button):
            button.hide()
        shown = "skipped" if value is None else f"{value} of 10"
        self.question.setText(f"{self._label}: {shown}. Thank you.")
        self.answered.emit(value)


class InjuryCheck(Panel):
    """The 72-hour question. "Yes" says why to wait and offers to stop
    (`stop_requested`) or to carry on for another area (`dismissed`)."""

    injury_reported = Signal()
    stop_requested = Signal()
    dismissed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        explanation: str = safety.INJURY_EXPLANATION,
        stop_text: str = safety.INJURY_STOP,
        carry_on_text: str = safety.INJURY_CONTINUE,
    ) -> None:
        super().__init__(parent)
        self.question = self.add_text(safety.INJURY_QUESTION, bold=True)
        self.explanation = self.add_text(explanation)
        self.explanation.hide()
        row = QHBoxLayout()
        self.yes = make_button(
            safety.INJURY_YES,
            "Yes, I was injured in the last 72 hours",
            self,
            name="Injury in the last 72 hours: yes",
        )
        self.no = make_button(
            safety.INJURY_NO, "No recent injury", self, name="Injury in the last 72 hours: no"
        )
        self.stop = make_button(stop_text, "Do not stretch now", self)
        self.carry_on = make_button(carry_on_text, "The injury is elsewhere: go on", self)
        for button in (self.yes, self.no, self.stop, self.carry_on):
            button.setMinimumWidth(72)
            row.addWidget(button)
        row.addStretch(1)
        self.stop.hide()
        self.carry_on.hide()
        self.box.addLayout(row)
        self.yes.clicked.connect(self._on_yes)
        self.no.clicked.connect(self._close)
        self.carry_on.clicked.connect(self._close)
        self.stop.clicked.connect(self.stop_requested)

    def _on_yes(self) -> None:
        self.yes.hide()
        self.no.hide()
        self.explanation.show()
        self.stop.show()
        self.carry_on.show()
        self.injury_reported.emit()

    def _close(self) -> None:
        self.hide()
        self.dismissed.emit()


class CautionBanner(Panel):
    """The first-run caution, shown once until acknowledged."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout()
        text = QLabel(f"<b>{safety.FIRST_RUN_TITLE}</b> {safety.FIRST_RUN_CAUTION}", self)
        text.setWordWrap(True)
        text.setAccessibleName("Safety caution")
        row.addWidget(text, 1)
        self.ok = make_button(
            safety.FIRST_RUN_OK, "Hide this caution", self, name="Acknowledge the caution"
        )
        row.addWidget(self.ok)
        self.box.addLayout(row)
        self.ok.clicked.connect(self._ok)

    def _ok(self) -> None:
        self.hide()
        self.acknowledged.emit()
