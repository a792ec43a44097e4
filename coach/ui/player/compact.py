"""The compact player: a small always-on-top window for a corner of the
desk — the figure, the countdown, the phase (word, shape, colour), the rep
counter, the commands and "Sharp pain — stop".

It shares the full player's actions, so every shortcut works here too;
C (or its button) goes back to the full window. The walk changes this
window as it changes the full one: its colour behind everything, the
footprints and "Walk" as the biggest word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach import APP_NAME
from coach.core.session.events import Phase
from coach.ui import wording
from coach.ui.figure.stage import FigureStage
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.countdown import CountdownRing
from coach.ui.player.driver import SessionDriver
from coach.ui.player.panel import PAIN_RED, RING_DIGITS, system_pixel_size
from coach.ui.player.phase import Kind, PhaseIcon, kind_color, kind_of
from coach.ui.settings import AppSettings
from coach.ui.theme import Accents, keep_size_to_user

MIN_SIZE = (360, 300)


class CompactWindow(QWidget):
    def __init__(
        self,
        driver: SessionDriver,
        actions: PlayerActions,
        settings: AppSettings,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.driver = driver
        self.controls = actions
        self.settings = settings
        self.walking_stage = False
        self.setWindowTitle(f"{driver.routine.name} — {APP_NAME}")
        self.setAccessibleName("Compact player")
        self.setAutoFillBackground(True)
        actions.attach(self)
        self.resize(440, 340)
        settings.restore_geometry("compact", self)

        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(4)
        top = QHBoxLayout()
        self.figure = FigureStage(self, now=driver.now)
        self.figure.setMinimumSize(120, 100)
        top.addWidget(self.figure, 3)
        self.ring = CountdownRing(self)
        self.ring.setMinimumSize(70, 70)
        top.addWidget(self.ring, 2, Qt.AlignmentFlag.AlignCenter)
        box.addLayout(top, 1)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addStretch(1)
        self.icon = PhaseIcon(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self.phase = QLabel(self)
        self.phase.setAccessibleName("Phase")
        self.phase.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row.addWidget(self.phase)
        row.addStretch(1)
        box.addLayout(row)
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setAccessibleName("Counter")
        self.counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        box.addWidget(self.counter)
        buttons = QHBoxLayout()
        self.buttons: list[QToolButton] = []
        for action in (actions.back, actions.pause, actions.skip, actions.compact):
            button = action_button(action, self, min_width=60)
            buttons.addWidget(button)
            self.buttons.append(button)
        box.addLayout(buttons)
        self.pain_button = action_button(actions.pain, self, big=True)
        self.pain_button.setObjectName("sharpPain")
        self.pain_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.pain_button.setStyleSheet(
            f"QToolButton {{ color: white; background: {PAIN_RED}; font-weight: bold;"
            " border-radius: 6px; padding: 4px 14px; }"
        )
        box.addWidget(self.pain_button)
        self.buttons.append(self.pain_button)
        keep_size_to_user(self, *MIN_SIZE)
        self._restyle()

    def refresh(self) -> None:
        state = self.driver.state
        accents = Accents.from_palette(self.palette())
        kind = kind_of(state.phase, paused=state.paused)
        walking = state.phase is Phase.WALK
        if walking != self.walking_stage:
            self.walking_stage = walking
            self._tint()
            self._restyle()
        self.ring.show_time(
            state.seconds_left,
            state.phase_length,
            wording.RING_CAPTIONS.get(state.phase, ""),
            kind_color(accents, kind_of(state.phase)),
            paused=state.paused,
        )
        self.counter.setText(wording.counter_line(state))
        self.phase.setText("Paused" if state.paused else wording.phase_title(state))
        color = kind_color(accents, kind)
        palette = self.phase.palette()
        if palette.color(QPalette.ColorRole.WindowText) != color:
            palette.setColor(QPalette.ColorRole.WindowText, color)
            self.phase.setPalette(palette)
        self.icon.show_kind(kind, color)
        self.phase.setToolTip(state.exercise.name)
        self.figure.show_state(state)

    @property
    def kind(self) -> Kind:
        return self.icon.kind

    def _tint(self) -> None:
        if self.walking_stage:
            palette = QPalette(QApplication.palette(self))
            palette.setColor(QPalette.ColorRole.Window, Accents.from_palette(palette).walk_tint)
            self.setPalette(palette)
        else:
            self.setPalette(QPalette())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        height = max(self.height(), 1)
        base = system_pixel_size()
        share = 0.16 if self.walking_stage else 0.075
        phase_px = max(base, round(height * share))
        counter_px = max(base, round(height * 0.065))
        for label, px in ((self.phase, phase_px), (self.counter, counter_px)):
            font = QFont(label.font())
            font.setBold(True)
            font.setPixelSize(px)
            label.setFont(font)
            label.setFixedHeight(round(px * 1.3))
        self.icon.setFixedSize(round(phase_px * 1.1), round(phase_px * 1.1))
        # During the walk the digits stay smaller than the word "Walk".
        most = int(phase_px * 0.9 / RING_DIGITS) if self.walking_stage else 16777215
        self.ring.setMaximumSize(most, most)

    def fits(self) -> bool:
        return all(b.width() >= b.sizeHint().width() for b in self.buttons)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_geometry("compact", self)
        super().closeEvent(event)
        # Closing the small window by hand goes back to the full player.
        if self.controls.compact.isChecked():
            self.controls.compact.setChecked(False)
