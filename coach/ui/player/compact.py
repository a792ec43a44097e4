"""The compact player: a small always-on-top window for a corner of the
desk — the figure, the countdown and the rep counter, nothing else.

It shares the full player's actions, so every shortcut works here too;
C (or its button) goes back to the full window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach import APP_NAME
from coach.ui import wording
from coach.ui.figure.stage import FigureStage
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.countdown import CountdownRing
from coach.ui.player.driver import SessionDriver
from coach.ui.player.panel import phase_color
from coach.ui.settings import AppSettings
from coach.ui.theme import Accents, keep_size_to_user


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
        self.setWindowTitle(f"{driver.routine.name} — {APP_NAME}")
        self.setAccessibleName("Compact player")
        actions.attach(self)
        self.resize(420, 250)
        settings.restore_geometry("compact", self)

        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(4)
        top = QHBoxLayout()
        self.figure = FigureStage(self, now=driver.now)
        self.figure.setMinimumSize(150, 150)
        top.addWidget(self.figure, 3)
        self.ring = CountdownRing(self)
        self.ring.setMinimumSize(130, 130)
        top.addWidget(self.ring, 2)
        box.addLayout(top, 1)
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setAccessibleName("Counter")
        font = QFont(self.counter.font())
        font.setBold(True)
        font.setPixelSize(20)
        self.counter.setFont(font)
        box.addWidget(self.counter)
        self.phase = QLabel(self)
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setAccessibleName("Phase")
        box.addWidget(self.phase)
        row = QHBoxLayout()
        for action in (actions.back, actions.pause, actions.skip, actions.compact):
            button = action_button(action, self)
            button.setMinimumWidth(64)
            row.addWidget(button)
        box.addLayout(row)
        keep_size_to_user(self, 320, 200)

    def refresh(self) -> None:
        state = self.driver.state
        accents = Accents.from_palette(self.palette())
        self.ring.show_time(
            state.seconds_left,
            state.phase_length,
            wording.RING_CAPTIONS.get(state.phase, ""),
            phase_color(accents, state.phase),
            paused=state.paused,
        )
        self.counter.setText(wording.counter_line(state))
        title = "Paused — Space to go on" if state.paused else wording.phase_title(state)
        self.phase.setText(f"{title} · {state.exercise.name}")
        self.figure.show_state(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_geometry("compact", self)
        super().closeEvent(event)
        # Closing the small window by hand goes back to the full player.
        if self.controls.compact.isChecked():
            self.controls.compact.setChecked(False)
