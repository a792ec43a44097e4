"""The get-ready page: everything asked before the clock starts.

The first-run caution, the 72-hour injury question and pain before sit here,
never on top of a running rep. The session starts with Space, Enter or the
Start button, or by itself after a visible countdown (15 s on the session's
clock, so `--time-scale` shortens it) when nothing is touched, so an
unattended `coach play` still runs and someone who ignores the questions
still gets the session logged. Any key or click on the page stops the
countdown; the page then waits for Start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.ui import safety, wording
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.panel import PAIN_RED
from coach.ui.prompts import CautionBanner, InjuryCheck, PainScale

TICK_MS = 100
HOLDING_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel)


class GetReadyPage(QWidget):
    """`start_requested` when the person (or the countdown) starts;
    `close_requested` when they decide not to stretch today."""

    start_requested = Signal()
    close_requested = Signal()

    def __init__(
        self,
        title: str,
        summary: str,
        actions: PlayerActions,
        *,
        now: Callable[[], float],
        seconds: float = wording.AUTO_START_S,
        show_caution: bool,
        ask_injury: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("getReady")
        self._now = now
        self._actions = actions
        self.seconds = seconds
        self.deadline: float | None = None
        self.counting = False
        self.pain_value: int | None = None
        self.pain_answered = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        row = QHBoxLayout(inner)
        column = QWidget(inner)
        column.setMaximumWidth(980)
        row.addWidget(column)
        box = QVBoxLayout(column)
        box.setContentsMargins(24, 18, 24, 18)
        box.setSpacing(14)

        self.title = QLabel(f"{wording.GET_READY_TITLE}: {title}", column)
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Get ready")
        self._scale(self.title, 2.0, bold=True)
        box.addWidget(self.title)
        self.summary = QLabel(summary, column)
        self.summary.setWordWrap(True)
        self._scale(self.summary, 1.3)
        box.addWidget(self.summary)

        self.caution = CautionBanner(column)
        self.caution.setVisible(show_caution)
        box.addWidget(self.caution)
        self.injury = InjuryCheck(
            column,
            explanation=wording.INJURY_REASON,
            stop_text=wording.INJURY_CLOSE,
            carry_on_text=wording.INJURY_CARRY_ON,
        )
        self.injury.setVisible(ask_injury)
        self.injury.stop_requested.connect(self.close_requested)
        box.addWidget(self.injury)
        self.pain_before = PainScale(safety.PAIN_BEFORE_QUESTION, "Pain before", column)
        self.pain_before.answered.connect(self._on_pain)
        box.addWidget(self.pain_before)
        for panel in (self.caution, self.injury, self.pain_before):
            for label in panel.findChildren(QLabel):
                self._scale(label, 1.2, bold=label.font().bold())

        start_row = QHBoxLayout()
        start_row.setSpacing(16)
        self.start_button = action_button(actions.begin, column, big=True)
        self.start_button.setText("Start (Space)")
        self.start_button.setAccessibleName("Start the session")
        self.start_button.setMinimumSize(180, 52)
        start_row.addWidget(self.start_button)
        self.countdown = QLabel(column)
        self.countdown.setAccessibleName("Auto-start countdown")
        self.countdown.setWordWrap(True)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._scale(self.countdown, 1.5, bold=True)
        start_row.addWidget(self.countdown, 1)
        self.pain_button = self._pain_button(actions.pain, column)
        start_row.addWidget(self.pain_button)
        box.addLayout(start_row)
        box.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    @staticmethod
    def _scale(label: QLabel, factor: float, *, bold: bool = False) -> None:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        label.setFont(font)

    @staticmethod
    def _pain_button(action: QAction, parent: QWidget) -> QToolButton:
        button = action_button(action, parent, big=True)
        button.setObjectName("sharpPain")
        button.setStyleSheet(
            f"QToolButton {{ color: white; background: {PAIN_RED}; font-weight: bold;"
            " border-radius: 6px; padding: 4px 14px; }"
        )
        return button

    # -- the countdown -----------------------------------------------------
    def begin_countdown(self) -> None:
        """Count down to the automatic start (call once the page is up)."""
        self.deadline = self._now() + self.seconds
        self.counting = True
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.tick()

    def seconds_left(self) -> float:
        if self.deadline is None:
            return self.seconds
        return max(0.0, self.deadline - self._now())

    def tick(self) -> None:
        if not self.counting:
            return
        left = self.seconds_left()
        if left <= 0:
            self._stop_counting()
            self.start_requested.emit()
            return
        text = wording.auto_start_text(left)
        if self.countdown.text() != text:
            self.countdown.setText(text)

    def hold(self) -> None:
        """Something was touched: wait for Start instead of starting."""
        if self.counting:
            self._stop_counting()
            self.countdown.setText(wording.WAITING_TEXT)

    def finish(self) -> None:
        """The session started (or the player closes): no more counting."""
        self._stop_counting()

    def _stop_counting(self) -> None:
        self.counting = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in HOLDING_EVENTS:
            if isinstance(watched, QWidget) and watched.window() is self.window():
                self.hold()
        elif (
            kind == QEvent.Type.Shortcut
            and isinstance(watched, QAction)
            and watched in self._actions.all
        ):
            self.hold()
        return False

    def _on_pain(self, value: int | None) -> None:
        self.pain_value, self.pain_answered = value, True
