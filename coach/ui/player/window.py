"""The player window: the live session page, then the summary, plus the
compact window. Wires the controls to the driver; keeps no time itself.

Every command the person gives (pause, skip, stop, pain before and after,
tones off and on) goes to the driver, and the window follows the events
that come back, like every other widget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from coach import APP_NAME
from coach.core.session.events import (
    Event,
    PainRated,
    Paused,
    RepCompleted,
    Resumed,
    SessionEnded,
    TonesSwitched,
)
from coach.core.vocabulary import Outcome
from coach.ui.player.compact import CompactWindow
from coach.ui.player.controls import PlayerActions
from coach.ui.player.driver import SessionDriver
from coach.ui.player.panel import SessionView
from coach.ui.player.sounds import ToneCues, Tones
from coach.ui.player.summary import SummaryPanel
from coach.ui.player.voice import SpokenCues, Voice
from coach.ui.settings import AppSettings
from coach.ui.theme import keep_size_to_user


class PlayerWindow(QMainWindow):
    """One session from start to summary. `closed` fires when it goes away."""

    closed = Signal()

    def __init__(
        self,
        driver: SessionDriver,
        *,
        tones: Tones,
        voice: Voice | None = None,
        settings: AppSettings,
        open_history: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        self.settings = settings
        self._open_history = open_history
        self._paused_for_injury = False
        self._closing = False
        self._pain_before: int | None = None
        self.setWindowTitle(f"{driver.routine.name} — {APP_NAME}")
        self.resize(1120, 760)
        settings.restore_geometry("player", self)

        self.controls = PlayerActions(self)
        self.controls.attach(self)
        self.controls.set_muted(tones.muted)
        self.view = SessionView(
            driver,
            self.controls,
            show_caution=not settings.caution_seen,
            ask_injury=settings.ask_injury,
            parent=self,
        )
        self.summary = SummaryPanel(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.summary)
        self.setCentralWidget(self.stack)
        keep_size_to_user(self, 760, 540)
        self.compact: CompactWindow | None = None
        self._cues = ToneCues(tones)  # kept: a signal holds only a weak reference
        self.voice = voice
        self._spoken = SpokenCues(voice, driver) if voice is not None else None
        if self._spoken is not None:
            self._spoken.connect(driver.happened, driver.ticked)
        self._wire()

    def _wire(self) -> None:
        a, d, v = self.controls, self.driver, self.view
        d.happened.connect(self._cues.on_event)
        d.happened.connect(self._on_event)
        d.ticked.connect(self._refresh)
        d.problem.connect(lambda text: self.statusBar().showMessage(text))
        a.pause.triggered.connect(d.toggle_pause)
        a.skip.triggered.connect(d.skip)
        a.back.triggered.connect(d.back)
        a.stop.triggered.connect(self._toggle_confirm)
        a.confirm.triggered.connect(lambda: d.stop(Outcome.STOPPED))
        a.pain.triggered.connect(lambda: d.stop(Outcome.PAIN))
        a.mute.toggled.connect(d.switch_tones)
        a.compact.toggled.connect(self.set_compact)
        v.confirm.confirmed.connect(lambda: d.stop(Outcome.STOPPED))
        v.confirm.cancelled.connect(self._toggle_confirm)
        v.caution.acknowledged.connect(self._caution_seen)
        v.pain_before.answered.connect(lambda value: d.rate_pain("before", value))
        v.injury.injury_reported.connect(self._pause_for_injury)
        v.injury.stop_requested.connect(lambda: d.stop(Outcome.STOPPED))
        v.injury.dismissed.connect(self._resume_after_injury)
        self.summary.pain_after.connect(lambda value: d.rate_pain("after", value))
        self.summary.history_requested.connect(self._open_history)
        self.summary.close_requested.connect(self.close)

    # -- commands -------------------------------------------------------------
    def start(self) -> None:
        self.driver.start()

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def set_compact(self, on: bool) -> None:
        if on and self.driver.running:
            if self.compact is None:
                self.compact = CompactWindow(self.driver, self.controls, self.settings)
            self.compact.show()
            self.compact.raise_()
            self.compact.activateWindow()
            self.compact.refresh()
            self.hide()
        else:
            if self.compact is not None:
                self.compact.hide()
            if not self._closing:
                self.show()
                self.activateWindow()
        self.controls.set_compact(on and self.driver.running)

    def _toggle_confirm(self) -> None:
        if not self.driver.running:
            return
        showing = not self.view.confirm.isVisible()
        if showing and self.compact is not None and self.compact.isVisible():
            self.set_compact(False)
        self.view.confirm.setVisible(showing)
        self.controls.confirm.setEnabled(showing)

    def _caution_seen(self) -> None:
        self.settings.caution_seen = True

    def _pause_for_injury(self) -> None:
        if self.driver.running and not self.driver.state.paused:
            self._paused_for_injury = True
            self.driver.toggle_pause()

    def _resume_after_injury(self) -> None:
        if self._paused_for_injury and self.driver.running and self.driver.state.paused:
            self.driver.toggle_pause()
        self._paused_for_injury = False

    # -- following the session ----------------------------------------------
    def _refresh(self) -> None:
        if self.driver.running:
            self.view.refresh()  # also while in compact mode: it comes back up to date
            if self.compact is not None and self.compact.isVisible():
                self.compact.refresh()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, RepCompleted):
            self.view.pre_session_over()
        elif isinstance(event, (Paused, Resumed)):
            self.controls.set_paused(isinstance(event, Paused))
        elif isinstance(event, PainRated) and event.when == "before":
            self._pain_before = event.value
        elif isinstance(event, TonesSwitched):
            self.settings.muted = event.muted
            self.controls.set_muted(event.muted)
            self.statusBar().showMessage("Tones off" if event.muted else "Tones on", 3000)
        elif isinstance(event, SessionEnded):
            self._show_summary(event)

    def _show_summary(self, ended: SessionEnded) -> None:
        if self.compact is not None:
            self.set_compact(False)
        for action in (
            self.controls.pause,
            self.controls.back,
            self.controls.skip,
            self.controls.stop,
            self.controls.pain,
            self.controls.compact,
            self.controls.confirm,
        ):
            action.setEnabled(False)
        self.view.confirm.hide()
        self.summary.show_result(
            self.driver.routine.name,
            ended,
            self.driver.state.reps_planned,
            self.driver.elapsed,
            self._pain_before,
        )
        self.stack.setCurrentWidget(self.summary)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self.driver.running:
            self.driver.stop(Outcome.STOPPED)
        self.settings.save_geometry("player", self)
        if self.compact is not None:
            self.compact.close()
        super().closeEvent(event)
        self.closed.emit()
