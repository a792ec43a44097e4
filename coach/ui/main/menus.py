"""The main window's menus: File (Print, Quit), Routines (New, Duplicate,
Edit, Delete, Import, Export), History, Settings, Help
(About, with the medical caution).

The menus know the window only as a QMainWindow and a set of commands, so
the window imports the menus and never the other way round."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from coach import APP_NAME, __version__
from coach.ui import safety
from coach.ui.settings import THEMES, AppSettings


@dataclass(frozen=True)
class MenuCommands:
    """What the menu items do, supplied by the window."""

    start: Callable[[], None]
    print_cards: Callable[[], None]
    quit: Callable[[], object]
    history: Callable[[], None]
    set_muted: Callable[[bool], None]
    choose_theme: Callable[[str], None]
    show_caution: Callable[[], None]
    # The Routines menu (the editor's commands); nothing by default.
    new_routine: Callable[[], None] = lambda: None
    duplicate_routine: Callable[[], None] = lambda: None
    edit_routine: Callable[[], None] = lambda: None
    delete_routine: Callable[[], None] = lambda: None
    import_routine: Callable[[], None] = lambda: None
    export_routine: Callable[[], None] = lambda: None


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


def build_menus(
    window: QMainWindow, settings: AppSettings, commands: MenuCommands
) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    file_menu = bar.addMenu("&File")
    actions["start"] = _action(
        file_menu, "&Start routine", "Start the selected routine", "Ctrl+Return"
    )
    actions["start"].triggered.connect(commands.start)
    actions["print"] = _action(
        file_menu, "&Print routine cards…", "Print or save the routine's cards as PDF", "Ctrl+P"
    )
    actions["print"].triggered.connect(commands.print_cards)
    file_menu.addSeparator()
    actions["quit"] = _action(file_menu, "&Quit", "Quit Stretch Coach", "Ctrl+Q")
    actions["quit"].triggered.connect(commands.quit)

    routines_menu = bar.addMenu("&Routines")
    for key, text, tip, shortcut, command in (
        ("new", "&New routine…", "Make a new routine of your own", "Ctrl+N", commands.new_routine),
        ("duplicate", "&Duplicate", "Make an editable copy of the selected routine", "Ctrl+D",
         commands.duplicate_routine),
        ("edit", "&Edit…", "Change the selected routine", "Ctrl+E", commands.edit_routine),
        ("delete", "De&lete…", "Delete the selected routine", "Delete", commands.delete_routine),
        (None, "", "", None, None),
        ("import", "&Import…", "Add a routine from a shared .stretchroutine file", None,
         commands.import_routine),
        ("export", "E&xport…", "Save the selected routine as a .stretchroutine file to share",
         None, commands.export_routine),
    ):  # fmt: skip
        if key is None or command is None:
            routines_menu.addSeparator()
            continue
        actions[key] = _action(routines_menu, text, tip, shortcut)
        actions[key].triggered.connect(command)

    history_menu = bar.addMenu("Hi&story")
    actions["history"] = _action(
        history_menu,
        "Open &History…",
        "Past sessions, minutes per day and pain over time",
        "Ctrl+H",
    )
    actions["history"].triggered.connect(commands.history)

    settings_menu = bar.addMenu("Se&ttings")
    actions["tones"] = _action(
        settings_menu,
        "&Tones at the start and end of a hold",
        "Play short tones during a session",
        checkable=True,
    )
    actions["tones"].setChecked(not settings.muted)
    actions["tones"].toggled.connect(lambda on: commands.set_muted(not on))
    # The player's M key may have changed it since.
    settings_menu.aboutToShow.connect(lambda: actions["tones"].setChecked(not settings.muted))
    actions["injury"] = _action(
        settings_menu,
        "Ask about a recent &injury before a session",
        "Ask the 72-hour injury question at the start",
        checkable=True,
    )
    actions["injury"].setChecked(settings.ask_injury)
    actions["injury"].toggled.connect(lambda on: setattr(settings, "ask_injury", on))
    theme_menu = settings_menu.addMenu("&Appearance")
    group = QActionGroup(window)
    for theme in THEMES:
        label = {"system": "Follow the &desktop", "light": "&Light", "dark": "&Dark"}[theme]
        item = _action(theme_menu, label, f"Use the {theme} colours", checkable=True)
        item.setChecked(settings.theme == theme)
        item.triggered.connect(lambda _on=False, name=theme: commands.choose_theme(name))
        group.addAction(item)
        actions[f"theme-{theme}"] = item
    settings_menu.addSeparator()
    actions["caution"] = _action(
        settings_menu,
        "Show the safety &caution again",
        "Show the first-run caution at the top of the window",
    )
    actions["caution"].triggered.connect(commands.show_caution)

    help_menu = bar.addMenu("&Help")
    actions["about"] = _action(
        help_menu, f"&About {APP_NAME}", "Version, and the medical caution", "F1"
    )
    actions["about"].triggered.connect(lambda: show_about(window))
    for menu in (file_menu, routines_menu, history_menu, settings_menu, theme_menu, help_menu):
        menu.setToolTipsVisible(True)
    return actions


def show_about(window: QWidget) -> QMessageBox:
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
