"""The follow-along view: the figure large, the countdown ring, "Rep 3 of 8 ·
Set 1 of 2 · Left side", the current step and cue, and what comes next.

It reads everything from `driver.state` on each heartbeat; the inline
prompts (caution, pain before, injury check, confirm stop) sit above it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from coach.core.session.events import Phase
from coach.ui import safety, wording
from coach.ui.figure.stage import FigureStage
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.countdown import CountdownRing
from coach.ui.player.driver import SessionDriver
from coach.ui.prompts import CautionBanner, ConfirmStop, InjuryCheck, PainScale
from coach.ui.theme import Accents

# Pixel sizes at the default window size (1120x760); scaled with the window.
PAIN_RED = "#c62828"
FONT_PX = {"name": 26, "phase": 40, "counter": 32, "step": 19, "cue": 21, "next": 19}


def phase_color(accents: Accents, phase: Phase) -> QColor:
    if phase is Phase.HOLD:
        return accents.hold
    if phase is Phase.WALK:
        return accents.walk
    return accents.move


class SessionView(QWidget):
    """The live page of the player."""

    def __init__(
        self,
        driver: SessionDriver,
        actions: PlayerActions,
        *,
        show_caution: bool,
        ask_injury: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 12)
        outer.setSpacing(10)

        self.caution = CautionBanner(self)
        self.caution.setVisible(show_caution)
        outer.addWidget(self.caution)
        self.pre_session = QWidget(self)
        pre = QHBoxLayout(self.pre_session)
        pre.setContentsMargins(0, 0, 0, 0)
        self.pain_before = PainScale(safety.PAIN_BEFORE_QUESTION, "Pain before", self.pre_session)
        self.injury = InjuryCheck(self.pre_session)
        self.injury.setVisible(ask_injury)
        pre.addWidget(self.pain_before, 1)
        pre.addWidget(self.injury, 1)
        outer.addWidget(self.pre_session)
        self.confirm = ConfirmStop(self)
        self.confirm.hide()
        outer.addWidget(self.confirm)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        self.figure = FigureStage(self, now=driver.now)
        middle.addWidget(self.figure, 5)
        side = QVBoxLayout()
        side.setSpacing(8)
        self.name = self._label("name", bold=True)
        self.phase = self._label("phase", bold=True)
        self.ring = CountdownRing(self)
        self.ring.setMinimumSize(150, 150)
        self.counter = self._label("counter", bold=True)
        self.step = self._label("step")
        self.cue = self._label("cue", italic=True)
        self.next = self._label("next")
        for widget in (self.name, self.phase):
            side.addWidget(widget)
        side.addWidget(self.ring, 3)
        for widget in (self.counter, self.step, self.cue, self.next):
            side.addWidget(widget)
        side.addStretch(1)
        middle.addLayout(side, 4)
        outer.addLayout(middle, 1)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        for action in (actions.back, actions.pause, actions.skip):
            bar.addWidget(action_button(action, self, big=True))
        bar.addSpacing(16)
        for action in (actions.stop, actions.mute, actions.compact):
            bar.addWidget(action_button(action, self))
        bar.addStretch(1)
        self.pain_button = action_button(actions.pain, self, big=True)
        self.pain_button.setObjectName("sharpPain")
        bar.addWidget(self.pain_button)
        outer.addLayout(bar)
        self._restyle()

    def _label(self, role: str, *, bold: bool = False, italic: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(role)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = label.font()
        font.setBold(bold)
        font.setItalic(italic)
        label.setFont(font)
        label.setAccessibleName(role.capitalize())
        return label

    # -- showing the state ----------------------------------------------------
    def refresh(self) -> None:
        state = self.driver.state
        accents = Accents.from_palette(self.palette())
        color = phase_color(accents, state.phase)
        position = f" ({state.exercise_index + 1} of {len(self.driver.routine.items)})"
        self.name.setText(state.exercise.name + position)
        self.phase.setText("Paused" if state.paused else wording.phase_title(state))
        self._color(self.phase, accents.paused if state.paused else color)
        self.ring.show_time(
            state.seconds_left,
            state.phase_length,
            wording.RING_CAPTIONS.get(state.phase, ""),
            color,
            paused=state.paused,
        )
        self.counter.setText(wording.counter_line(state))
        self.step.setText(wording.step_text(state))
        cue = wording.pause_text(state) if state.paused else wording.cue_text(state)
        self.cue.setText(cue)
        self.cue.setVisible(bool(cue))
        self.next.setText(wording.next_text(state))
        self.figure.show_state(state)

    def pre_session_over(self) -> None:
        """The first rep is done: questions left unanswered go away."""
        self.pre_session.hide()

    # -- looks ------------------------------------------------------------------
    def _color(self, label: QLabel, color: QColor) -> None:
        palette = label.palette()
        if palette.color(QPalette.ColorRole.WindowText) != color:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(palette)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        scale = max(0.6, min(self.width() / 1120, self.height() / 700, 2.5))
        for role, px in FONT_PX.items():
            label = self.findChild(QLabel, role)
            if label is not None:
                font = label.font()
                font.setPixelSize(round(px * scale))
                label.setFont(font)
        # The same deep red on light and dark: white text on it stays legible.
        self.pain_button.setStyleSheet(
            f"QToolButton {{ color: white; background: {PAIN_RED}; font-weight: bold;"
            " border-radius: 6px; padding: 4px 14px; }"
        )
