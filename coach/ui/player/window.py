"""The player window: the get-ready page, the live session page, then the
summary, plus the compact window. Wires the controls to the driver; keeps
no time itself.

Every command the person gives (start, pause, skip, stop, pain before and
after, tones and voice off and on) goes to the driver, and the window
follows the events that come back, like every other widget. Nothing is
asked while a rep runs: the questions sit on the get-ready page before the
clock starts, "Stop this session?" pauses the session until it is answered,
and messages go to the status bar, which is always there, so nothing on the
stage moves when one appears."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolButton, QWidget

from coach import APP_NAME
from coach.core.session.events import (
    Event,
    PainRated,
    Paused,
    Resumed,
    SessionEnded,
    TonesSwitched,
)
from coach.core.vocabulary import Outcome
from coach.ui import wording
from coach.ui.player.compact import CompactWindow
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.driver import SessionDriver
from coach.ui.player.getready import GetReadyPage
from coach.ui.player.panel import SessionView
from coach.ui.player.sounds import ToneCues, Tones
from coach.ui.player.summary import SummaryPanel
from coach.ui.player.voice import SpokenCues, Voice
from coach.ui.settings import AppSettings
from coach.ui.theme import keep_size_to_user

# Every control fits at this size (tests/ui/player/test_layout.py).
MIN_SIZE = (640, 480)


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
        auto_start_s: float = wording.AUTO_START_S,
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        self.settings = settings
        self._open_history = open_history
        self._paused_for_confirm = False
        self._closing = False
        self._compact_wanted = False
        self._pain_before: int | None = None
        self.setWindowTitle(f"{driver.routine.name} — {APP_NAME}")
        self.resize(1120, 760)
        settings.restore_geometry("player", self)

        self.controls = PlayerActions(self)
        self.controls.attach(self)
        self.controls.set_muted(tones.muted)
        state = driver.state
        count = len(driver.routine.items)
        self.ready = GetReadyPage(
            driver.routine.name,
            f"{wording.count(count, 'exercise')} · {wording.count(state.reps_planned, 'rep')}"
            f" · first: {state.exercise.name}",
            self.controls,
            now=driver.now,
            seconds=auto_start_s,
            show_caution=not settings.caution_seen,
            ask_injury=settings.ask_injury,
            parent=self,
        )
        self.view = SessionView(driver, self.controls, parent=self)
        self.summary = SummaryPanel(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.ready)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.summary)
        self.setCentralWidget(self.stack)
        self._build_status_bar(voice is not None)
        keep_size_to_user(self, *MIN_SIZE)
        self.compact: CompactWindow | None = None
        self._cues = ToneCues(tones)  # kept: a signal holds only a weak reference
        self.voice = voice
        self._spoken = SpokenCues(voice, driver) if voice is not None else None
        if self._spoken is not None:
            self._spoken.connect(driver.happened, driver.ticked)
        if voice is not None:
            self.controls.set_voice_muted(voice.muted)
        self.controls.set_large(settings.large)
        self._wire()

    def _wire(self) -> None:
        a, d, v = self.controls, self.driver, self.view
        d.happened.connect(self._cues.on_event)
        d.happened.connect(self._on_event)
        d.ticked.connect(self._refresh)
        d.problem.connect(lambda text: self.statusBar().showMessage(text))
        a.pause.triggered.connect(self._pause_pressed)
        a.skip.triggered.connect(d.skip)
        a.back.triggered.connect(d.back)
        a.stop.triggered.connect(self._stop_pressed)
        a.keep.triggered.connect(self._keep_going)
        a.begin.triggered.connect(self.begin)
        a.pain.triggered.connect(self._sharp_pain)
        a.mute.toggled.connect(d.switch_tones)
        a.compact.toggled.connect(self.set_compact)
        a.large.toggled.connect(self.set_large)
        a.voice.toggled.connect(self._switch_voice)
        if self.voice is not None:
            self.voice.muted_changed.connect(self._voice_switched)
        v.confirm.confirmed.connect(lambda: d.stop(Outcome.STOPPED))
        v.confirm.cancelled.connect(self._keep_going)
        r = self.ready
        r.start_requested.connect(self.begin)
        r.close_requested.connect(self.close)
        r.caution.acknowledged.connect(self._caution_seen)
        self.summary.pain_after.connect(lambda value: d.rate_pain("after", value))
        self.summary.history_requested.connect(self._open_history)
        self.summary.close_requested.connect(self.close)

    def _build_status_bar(self, has_voice: bool) -> None:
        """Messages on the left, the switches on the right: a bar that is
        always there, so a message never moves the stage."""
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.switches: list[QToolButton] = []
        actions = [
            self.controls.mute,
            self.controls.voice,
            self.controls.compact,
            self.controls.large,
        ]
        for action in actions:
            button = action_button(action, bar)
            button.setMinimumHeight(30)
            button.setVisible(action is not self.controls.voice or has_voice)
            bar.addPermanentWidget(button)
            self.switches.append(button)
        self.controls.voice.setEnabled(has_voice)
        bar.setFixedHeight(max(b.sizeHint().height() for b in self.switches) + 12)

    # -- commands -------------------------------------------------------------
    def start(self) -> None:
        """Open on the get-ready page; the session starts from there."""
        if self.driver.running or self.driver.state.finished:
            return
        self.stack.setCurrentWidget(self.ready)
        self.controls.set_ready(True)
        if self.settings.large:
            self.set_large(True)
        self.ready.begin_countdown()

    def begin(self) -> None:
        """Start the clock: Space, Enter, Start, or the get-ready countdown."""
        if self.driver.running or self.stack.currentWidget() is not self.ready:
            return
        self.ready.finish()
        self.controls.set_ready(False)
        self.stack.setCurrentWidget(self.view)
        self.driver.start()
        if self.ready.pain_answered:
            self.driver.rate_pain("before", self.ready.pain_value)
        if self._compact_wanted:
            self.set_compact(True)

    @property
    def waiting_to_start(self) -> bool:
        return self.stack.currentWidget() is self.ready

    def _pause_pressed(self) -> None:
        if self.waiting_to_start:
            self.begin()
        elif self.view.confirm.isVisible():
            self._keep_going()
        else:
            self.driver.toggle_pause()

    def _sharp_pain(self) -> None:
        """P or the red button: ends at once. On the get-ready page the
        session is logged as stopped for pain before its first rep."""
        if self.waiting_to_start:
            self.begin()
        self._close_confirm()
        self.driver.stop(Outcome.PAIN)

    def set_large(self, on: bool) -> None:
        """Full screen, to follow from across the room (F11); remembered."""
        self.settings.large = on
        self.controls.set_large(on)
        self.view.set_large(on)
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def _switch_voice(self, muted: bool) -> None:
        if self.voice is not None:
            self.voice.set_muted(muted)

    def _voice_switched(self, muted: bool) -> None:
        self.settings.voice_muted = muted
        self.controls.set_voice_muted(muted)
        self.statusBar().showMessage("Voice off" if muted else "Voice on", 3000)

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def set_compact(self, on: bool) -> None:
        if self.waiting_to_start:  # the questions need the big window: compact once started
            self._compact_wanted = on  # the switch stays as pressed until then
            self.statusBar().showMessage(
                "The compact window opens when the session starts." if on else "", 5000
            )
            return
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

    def _stop_pressed(self) -> None:
        """Esc: asks "Stop this session?" and pauses; Esc again stops."""
        if not self.driver.running:
            return
        if self.view.confirm.isVisible():
            self._close_confirm()
            self.driver.stop(Outcome.STOPPED)
            return
        if self.compact is not None and self.compact.isVisible():
            self.set_compact(False)
        if not self.driver.state.paused:
            self._paused_for_confirm = True
            self.driver.toggle_pause()
        self.view.open_confirm()
        self.controls.keep.setEnabled(True)

    def _keep_going(self) -> None:
        if not self.view.confirm.isVisible():
            return
        self._close_confirm()
        if self._paused_for_confirm and self.driver.running and self.driver.state.paused:
            self.driver.toggle_pause()
        self._paused_for_confirm = False

    def _close_confirm(self) -> None:
        self.view.confirm.hide()
        self.controls.keep.setEnabled(False)

    def _caution_seen(self) -> None:
        self.settings.caution_seen = True

    # -- following the session ----------------------------------------------
    def _refresh(self) -> None:
        if self.driver.running:
            self.view.refresh()  # also while in compact mode: it comes back up to date
            if self.compact is not None and self.compact.isVisible():
                self.compact.refresh()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, (Paused, Resumed)):
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
            self.controls.keep,
            self.controls.begin,
        ):
            action.setEnabled(False)
        self._close_confirm()
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
        self.ready.finish()
        if self.driver.running:
            self.driver.stop(Outcome.STOPPED)
        if not self.isFullScreen():
            self.settings.save_geometry("player", self)
        if self.compact is not None:
            self.compact.close()
        super().closeEvent(event)
        self.closed.emit()
