"""Builds the object graph once and runs the Qt application.

`run_app` checks everything a user can get wrong (unknown routine, a log
that cannot be opened) before any window opens, then hands a `CoachApp` the
catalog, the log, the settings and the tones. `CoachApp` is the one place
that creates sessions, drivers and windows; there are no module globals.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from coach import APP_NAME
from coach.core.catalog.loader import Catalog, load_shipped
from coach.core.errors import CoachError
from coach.core.session.clock import Clock, ScaledClock, SystemClock
from coach.paths import assets_dir, data_dir
from coach.ui.icon import app_icon
from coach.ui.none_guard import protect_none
from coach.ui.player.sounds import Tones
from coach.ui.settings import AppSettings
from coach.ui.theme import apply_theme

if TYPE_CHECKING:
    from coach.core.log.recorder import SessionRecorder
    from coach.core.log.store import SessionLog
    from coach.ui.main.window import MainWindow
    from coach.ui.player.window import PlayerWindow

# Hidden switch for scripts and tests: quit a little after the summary shows.
QUIT_AT_END_ENV = "COACH_QUIT_AT_END"
# Hidden switch for the start-up benchmark: print the monotonic time once the
# first window has been shown and painted, then quit.
REPORT_SHOWN_ENV = "COACH_REPORT_SHOWN"


class CoachApp:
    """Owns the windows and starts sessions."""

    def __init__(
        self,
        qapp: QApplication,
        catalog: Catalog,
        log: SessionLog,
        settings: AppSettings,
        tones: Tones,
        *,
        time_scale: float = 1.0,
        clock_factory: Callable[[], Clock] | None = None,
        quit_at_end: bool = False,
    ) -> None:
        self.qapp = qapp
        self.catalog = catalog
        self.log = log
        self.settings = settings
        self.tones = tones
        self.time_scale = time_scale
        self._clock_factory = clock_factory or self._default_clock
        self.quit_at_end = quit_at_end
        self.main_window: MainWindow | None = None
        self.player: PlayerWindow | None = None
        self.history: QWidget | None = None
        self._noticed: set[str] = set()
        tones.unavailable.connect(self._once)

    def _default_clock(self) -> Clock:
        return ScaledClock(self.time_scale) if self.time_scale != 1.0 else SystemClock()

    # -- windows ----------------------------------------------------------------
    def open_main(self) -> MainWindow:
        from coach.ui.main.window import MainWindow

        if self.main_window is None:
            window = MainWindow(self.catalog, self.settings)
            window.start_requested.connect(self.play)
            window.history_requested.connect(self.open_history)
            window.print_requested.connect(self.open_print)
            window.theme_chosen.connect(self.set_theme)
            window.mute_changed.connect(lambda muted: setattr(self.tones, "muted", muted))
            self.main_window = window
        self.main_window.show()
        self._startup_notices(self.main_window)
        return self.main_window

    def play(self, routine_id: str, *, compact: bool = False) -> PlayerWindow:
        """Open the player on a routine and start it at once."""
        from coach.core.log.recorder import SessionRecorder
        from coach.core.session.engine import Session
        from coach.ui.player.driver import SessionDriver
        from coach.ui.player.window import PlayerWindow

        routine = self.catalog.routine(routine_id)
        if self.player is not None:
            if self.player.driver.running:  # one session at a time
                self.player.raise_()
                self.player.activateWindow()
                return self.player
            self.player.close()  # the last session's summary
        self.settings.last_routine = routine.id
        clock = self._clock_factory()
        session = Session(routine, self.catalog, clock)
        recorder = SessionRecorder(self.log, routine)
        driver = SessionDriver(session, recorder)
        player = PlayerWindow(
            driver,
            tones=self.tones,
            settings=self.settings,
            record_pain=lambda **pain: self._record_pain(recorder, **pain),
            open_history=self.open_history,
            time_scale=clock.scale,
        )
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.closed.connect(lambda: self._player_closed(player))
        driver.ended.connect(lambda _ended: self._session_ended())
        self.player = player
        player.show()
        player.activateWindow()  # its shortcuts are window shortcuts
        self._startup_notices(player)
        player.start()
        if compact:
            player.set_compact(True)
        return player

    def _player_closed(self, player: PlayerWindow) -> None:
        if self.player is player:
            self.player = None

    def _session_ended(self) -> None:
        if self.quit_at_end:
            QTimer.singleShot(400, self.qapp.quit)

    def _record_pain(self, recorder: SessionRecorder, **pain: int | None) -> None:
        session_id = recorder.session_id
        values = {key: value for key, value in pain.items() if value is not None}
        if session_id is None or not values:
            return
        try:
            self.log.set_pain(session_id, **values)
        except CoachError as exc:
            self.notify(str(exc))

    def open_history(self) -> None:
        try:
            from coach.ui.history.window import HistoryWindow
        except ModuleNotFoundError as exc:
            if exc.name != "coach.ui.history.window":
                raise
            self.notify("History is not available in this version yet.")
            return
        if self.history is None:
            self.history = HistoryWindow(self.log, catalog=self.catalog)
            self.history.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.history.destroyed.connect(lambda: setattr(self, "history", None))
        self.history.show()
        self.history.raise_()

    def open_print(self, routine_id: str) -> None:
        try:
            from coach.ui.cards.printing import open_print_preview
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("coach.ui."):
                raise
            self.notify("Printing is not available in this version yet.")
            return
        open_print_preview(self.main_window, self.catalog, self.catalog.routine(routine_id))

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_theme(self.qapp, theme)

    # -- messages -----------------------------------------------------------------
    def notify(self, text: str) -> None:
        """One line in the status bar of the window in front."""
        for window in (self.player, self.main_window):
            if window is not None and window.isVisible():
                window.show_notice(text)
                return
        print(f"coach: {text}", file=sys.stderr)

    def _once(self, text: str) -> None:
        if text not in self._noticed:
            self._noticed.add(text)
            self.notify(text)

    def _startup_notices(self, window: MainWindow | PlayerWindow) -> None:
        """Things worth saying once per run: a log moved aside, exercise files
        that did not load. (No sound device is said when the first tone is due.)"""
        notices = [self.log.notice]
        if self.catalog.problems:
            notices.append(
                f"{len(self.catalog.problems)} exercise or routine file(s) could not "
                "be read; run 'coach list' to see which."
            )
        lines = [text for text in notices if text and text not in self._noticed]
        self._noticed.update(lines)
        if lines:
            window.show_notice("  ".join(lines))


def make_qapp() -> QApplication:
    protect_none()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName(APP_NAME)
    qapp.setApplicationDisplayName(APP_NAME)
    qapp.setDesktopFileName("io.github.stretchcoach.StretchCoach")
    qapp.setWindowIcon(app_icon())
    return qapp


def run_app(args: argparse.Namespace) -> int:
    from coach.core.log.store import SessionLog

    catalog = load_shipped()
    routine_id = getattr(args, "routine", None) if args.command == "play" else None
    if routine_id is not None:
        catalog.routine(routine_id)  # an unknown routine fails here, before any window
    log = SessionLog.open(data_dir(args.data_dir))
    try:
        qapp = make_qapp()
        settings = AppSettings()
        apply_theme(qapp, settings.theme)
        tones = Tones(assets_dir() / "sounds", muted=settings.muted)
        app = CoachApp(
            qapp,
            catalog,
            log,
            settings,
            tones,
            time_scale=getattr(args, "time_scale", 1.0) or 1.0,
            quit_at_end=bool(os.environ.get(QUIT_AT_END_ENV)),
        )
        # Ctrl+C in the terminal ends the process like a kill: the log marks
        # the session interrupted, with every rep done so far.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if routine_id is not None:
            app.play(routine_id, compact=bool(getattr(args, "compact", False)))
        else:
            app.open_main()
        if os.environ.get(REPORT_SHOWN_ENV):
            QTimer.singleShot(0, lambda: _report_shown(qapp))
        code = qapp.exec()
        settings.sync()
        return code
    finally:
        log.close()


def _report_shown(qapp: QApplication) -> None:
    print(f"shown {time.monotonic():.6f}", file=sys.stderr, flush=True)
    qapp.quit()


__all__ = ["CoachApp", "make_qapp", "run_app"]
