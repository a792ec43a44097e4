"""The main window's menus: File (Print, Quit), History, Settings, Help
(About, with the medical caution)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from coach import APP_NAME, __version__
from coach.ui import safety
from coach.ui.settings import THEMES

if TYPE_CHECKING:
    from coach.ui.main.window import MainWindow


def _action(
    menu: QMenu, text: str, tip: str, shortcut: str | None = None, *, checkable: bool = False
) -> QAction:
    action = menu.addAction(text)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setCheckable(checkable)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    file_menu = bar.addMenu("&File")
    actions["start"] = _action(
        file_menu, "&Start routine", "Start the selected routine", "Ctrl+Return"
    )
    actions["start"].triggered.connect(window.start_button.click)
    actions["print"] = _action(
        file_menu, "&Print routine cards…", "Print or save the routine's cards as PDF", "Ctrl+P"
    )
    actions["print"].triggered.connect(
        lambda: window.current_routine and window.print_requested.emit(window.current_routine.id)
    )
    file_menu.addSeparator()
    actions["quit"] = _action(file_menu, "&Quit", "Quit Stretch Coach", "Ctrl+Q")
    actions["quit"].triggered.connect(window.close)

    history_menu = bar.addMenu("Hi&story")
    actions["history"] = _action(
        history_menu,
        "Open &History…",
        "Past sessions, minutes per day and pain over time",
        "Ctrl+H",
    )
    actions["history"].triggered.connect(window.history_requested)

    settings_menu = bar.addMenu("Se&ttings")
    actions["tones"] = _action(
        settings_menu,
        "&Tones at the start and end of a hold",
        "Play short tones during a session",
        checkable=True,
    )
    actions["tones"].setChecked(not window.settings.muted)
    actions["tones"].toggled.connect(lambda on: _set_muted(window, not on))
    # The player's M key may have changed it since.
    settings_menu.aboutToShow.connect(
        lambda: actions["tones"].setChecked(not window.settings.muted)
    )
    actions["injury"] = _action(
        settings_menu,
        "Ask about a recent &injury before a session",
        "Ask the 72-hour injury question at the start",
        checkable=True,
    )
    actions["injury"].setChecked(window.settings.ask_injury)
    actions["injury"].toggled.connect(lambda on: setattr(window.settings, "ask_injury", on))
    theme_menu = settings_menu.addMenu("&Appearance")
    group = QActionGroup(window)
    for theme in THEMES:
        label = {"system": "Follow the &desktop", "light": "&Light", "dark": "&Dark"}[theme]
        item = _action(theme_menu, label, f"Use the {theme} colours", checkable=True)
        item.setChecked(window.settings.theme == theme)
        item.triggered.connect(lambda _on=False, name=theme: window.theme_chosen.emit(name))
        group.addAction(item)
        actions[f"theme-{theme}"] = item
    settings_menu.addSeparator()
    actions["caution"] = _action(
        settings_menu,
        "Show the safety &caution again",
        "Show the first-run caution at the top of the window",
    )
    actions["caution"].triggered.connect(_show_caution_again(window))

    help_menu = bar.addMenu("&Help")
    actions["about"] = _action(
        help_menu, f"&About {APP_NAME}", "Version, and the medical caution", "F1"
    )
    actions["about"].triggered.connect(lambda: show_about(window))
    for menu in (file_menu, history_menu, settings_menu, theme_menu, help_menu):
        menu.setToolTipsVisible(True)
    return actions


def _set_muted(window: MainWindow, muted: bool) -> None:
    window.settings.muted = muted
    window.mute_changed.emit(muted)


def _show_caution_again(window: MainWindow):  # type: ignore[no-untyped-def]
    def show() -> None:
        window.settings.caution_seen = False
        window.caution.show()

    return show


def show_about(window: MainWindow) -> QMessageBox:
    """A window-modal box that does not block the event loop (`open`, not `exec`)."""
    box = QMessageBox(window)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Follow lower-back stretches at your desk: a figure shows each stretch, "
        "a countdown times the hold and the coach reminds you to walk between reps. "
        "Your sessions stay on this computer.</p>"
    )
    box.setInformativeText(f"<p><b>Please read:</b> {safety.ABOUT_CAUTION}</p>")
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("aboutBox")
    box.open()
    return box
