"""Builds the object graph once and runs the Qt application.

`run_app` checks everything a user can get wrong (unknown routine, a log
that cannot be opened) before any window opens, then hands a `CoachApp` the
catalog, the log, the settings and the tones. `CoachApp` is the one place
that creates sessions, drivers and windows and wires them together (History
follows the log through the driver's `log_changed`); there are no module
globals.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from coach import APP_NAME
from coach.core.catalog.loader import Catalog
from coach.core.catalog.user import load_with_user
from coach.core.session.clock import Clock, ScaledClock, SystemClock
from coach.paths import assets_dir, config_dir
from coach.paths import data_dir as resolve_data_dir
from coach.ui.icon import app_icon
from coach.ui.player.sounds import Tones
from coach.ui.player.voice import Voice
from coach.ui.settings import AppSettings
from coach.ui.theme import apply_theme

if TYPE_CHECKING:
    from coach.core.catalog.user import UserRoutines
    from coach.core.log.store import SessionLog
    from coach.ui.editor.shelf import RoutineShelf
    from coach.ui.history.window import HistoryWindow
    from coach.ui.main.window import MainWindow
    from coach.ui.player.window import PlayerWindow


class CoachApp:
    """Owns the windows and starts sessions. `clock_factory` makes each
    session's clock (real time unless a demo or a test says otherwise)."""

    def __init__(
        self,
        qapp: QApplication,
        catalog: Catalog,
        log: SessionLog,
        settings: AppSettings,
        tones: Tones,
        *,
        voice: Voice | None = None,
        clock_factory: Callable[[], Clock] = SystemClock,
        routines: UserRoutines | None = None,
    ) -> None:
        from coach.core.catalog.user import user_routines

        self.qapp = qapp
        self.catalog = catalog
        # The user's own routines (the editor saves there); None: the usual folder.
        self.routines = routines if routines is not None else user_routines(None)
        self.shelf: RoutineShelf | None = None
        self.log = log
        self.settings = settings
        self.tones = tones
        self.voice = voice
        self._clock_factory = clock_factory
        self.main_window: MainWindow | None = None
        self.player: PlayerWindow | None = None
        self.history: HistoryWindow | None = None
        self._noticed: set[str] = set()
        tones.unavailable.connect(self._once)
        if settings.on_problem is None:  # a setting that could not be saved
            settings.on_problem = self._once
        if voice is not None:
            voice.unavailable.connect(self._once)

    # -- windows ----------------------------------------------------------------
    def open_main(self) -> MainWindow:
        from coach.ui.main.window import MainWindow

        if self.main_window is None:
            window = MainWindow(self.catalog, self.settings)
            window.start_requested.connect(self.play)
            window.history_requested.connect(self.open_history)
            window.print_requested.connect(self.open_print)
            window.theme_chosen.connect(self.set_theme)
            window.mute_changed.connect(self._set_muted)
            self._wire_routines(window)
            self.main_window = window
        self.main_window.show()
        self._startup_notices(self.main_window)
        return self.main_window

    def _wire_routines(self, window: MainWindow) -> None:
        """New, Duplicate, Edit, Delete, Import and Export: the editor's shelf."""
        from coach.ui.editor.shelf import RoutineShelf

        shelf = RoutineShelf(self.catalog, self.routines, window, self.settings)
        window.new_requested.connect(shelf.new)
        window.duplicate_requested.connect(shelf.duplicate)
        window.edit_requested.connect(shelf.edit)
        window.delete_requested.connect(shelf.delete)
        window.import_requested.connect(shelf.import_file)
        window.export_requested.connect(shelf.export)
        shelf.changed.connect(window.refresh_routines)
        shelf.notice.connect(window.show_notice)
        self.shelf = shelf

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
        session = Session(routine, self.catalog, self._clock_factory())
        driver = SessionDriver(session, SessionRecorder(self.log))
        driver.log_changed.connect(self._log_changed)
        player = PlayerWindow(
            driver,
            tones=self.tones,
            voice=self.voice,
            settings=self.settings,
            open_history=self.open_history,
        )
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.closed.connect(lambda: self._player_closed(player))
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

    def _log_changed(self) -> None:
        if self.history is not None:
            self.history.refresh_if_changed()

    def _set_muted(self, muted: bool) -> None:
        self.tones.muted = muted

    def open_history(self) -> None:
        from coach.ui.history.window import HistoryWindow

        if self.history is None:
            self.history = HistoryWindow(self.log, catalog=self.catalog, settings=self.settings)
            self.history.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.history.destroyed.connect(self._history_closed)
        self.history.show()
        self.history.raise_()

    def _history_closed(self) -> None:
        self.history = None

    def open_print(self, routine_id: str) -> None:
        from coach.ui.cards.printing import open_print_preview

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


def _sounds_folder() -> Path:
    """The tones' folder; with the assets missing from the installation (said
    once, with the catalog's problems) a folder that is not there: no tones."""
    try:
        return assets_dir() / "sounds"
    except FileNotFoundError:
        return Path(__file__).resolve().parent / "assets-missing" / "sounds"


def run_app(
    data_dir: Path | None = None,
    routine: str | None = None,
    *,
    time_scale: float = 1.0,
    compact: bool = False,
) -> int:
    """Open the main window, or the player on `routine` started at once;
    returns the exit code once the last window closes. `data_dir` None: the
    usual place (COACH_DATA_DIR, then the per-user data folder)."""
    from coach.core.catalog.user import user_routines
    from coach.core.log.store import SessionLog

    catalog = load_with_user(data_dir)  # shipped and the user's own routines
    if routine is not None:
        catalog.routine(routine)  # an unknown routine fails here, before any window
    log = SessionLog.open(resolve_data_dir(data_dir))
    try:
        qapp = make_qapp()
        settings = AppSettings(config_dir(data_dir))  # follows --data-dir, like the log
        apply_theme(qapp, settings.theme)
        tones = Tones(_sounds_folder(), muted=settings.muted)
        voice = Voice(muted=settings.voice_muted)
        app = CoachApp(
            qapp,
            catalog,
            log,
            settings,
            tones,
            voice=voice,
            clock_factory=(lambda: ScaledClock(time_scale)) if time_scale != 1.0 else SystemClock,
            routines=user_routines(data_dir),
        )
        # Ctrl+C in the terminal ends the process like a kill: the log marks
        # the session interrupted, with every rep done so far.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if routine is not None:
            app.play(routine, compact=compact)
        else:
            app.open_main()
        code = qapp.exec()
        settings.sync()
        return code
    finally:
        log.close()


__all__ = ["CoachApp", "make_qapp", "run_app"]
