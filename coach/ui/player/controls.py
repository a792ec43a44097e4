"""The player's commands as QActions: one shortcut, tooltip and accessible
name each, shared by the full player and the compact window.

Space pause/resume (and starts the session on the get-ready page), Right
skip, Left back, Esc stop (asks first; Esc again stops, Enter keeps going),
M tones, V voice, C compact, F11 full screen, P sharp pain — stop, Enter starts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from coach.ui import safety

Key = Qt.Key


class PlayerActions(QObject):
    """Holds the actions; the player connects their `triggered` signals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pause = self._make("Pause", "Pause or resume the session", Key.Key_Space)
        self.back = self._make("Back", "Go back one step", Key.Key_Left)
        self.skip = self._make("Skip", "Skip to the next step", Key.Key_Right)
        self.stop = self._make("Stop", "Stop the session (asks first)", Key.Key_Escape)
        self.mute = self._make("Tones on", "Turn the tones off or on", Key.Key_M, checkable=True)
        self.compact = self._make(
            "Compact", "Switch to the small always-on-top window", Key.Key_C, checkable=True
        )
        self.pain = self._make(
            safety.SHARP_PAIN_BUTTON, "Sharp pain: end the session now and log why", Key.Key_P
        )
        self.voice = self._make(
            "Voice on", "Turn the spoken cues off or on", Key.Key_V, checkable=True
        )
        self.large = self._make(
            "Full screen",
            "Fill the screen, to read it from across the room",
            Key.Key_F11,
            checkable=True,
        )
        # Enter starts the session on the get-ready page, and answers "Keep
        # going" to "Stop this session?"; never both at once.
        self.begin = self._make("Start now", "Start the session now", Key.Key_Return)
        self.begin.setShortcuts([QKeySequence(Key.Key_Return), QKeySequence(Key.Key_Enter)])
        self.keep = self._make("Keep going", "Carry on with the session", Key.Key_Return)
        self.keep.setShortcuts([QKeySequence(Key.Key_Return), QKeySequence(Key.Key_Enter)])
        self.keep.setEnabled(False)

    def _make(self, text: str, what: str, key: Key, *, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        sequence = QKeySequence(key)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        shortcut = sequence.toString(QKeySequence.SequenceFormat.NativeText) or "Esc"
        action.setToolTip(f"{what} ({shortcut})")
        action.setStatusTip(what)
        return action

    @property
    def all(self) -> list[QAction]:
        return [
            self.pause,
            self.back,
            self.skip,
            self.stop,
            self.mute,
            self.voice,
            self.compact,
            self.pain,
            self.large,
            self.begin,
            self.keep,
        ]

    def attach(self, window: QWidget) -> None:
        """Make every shortcut work while `window` is the active window."""
        window.addActions(self.all)

    def set_paused(self, paused: bool) -> None:
        self.pause.setText("Resume" if paused else "Pause")

    def set_compact(self, on: bool) -> None:
        self.compact.setChecked(on)
        self.compact.setText("Full view" if on else "Compact")

    def set_muted(self, muted: bool) -> None:
        self.mute.setChecked(muted)
        self.mute.setText("Tones off" if muted else "Tones on")

    def set_voice_muted(self, muted: bool) -> None:
        self.voice.setChecked(muted)
        self.voice.setText("Voice off" if muted else "Voice on")

    def set_ready(self, waiting: bool) -> None:
        """On the get-ready page Enter starts; the session's own commands wait."""
        self.begin.setEnabled(waiting)
        for action in (self.back, self.skip, self.stop):
            action.setEnabled(not waiting)

    def set_large(self, on: bool) -> None:
        self.large.setChecked(on)
        self.large.setText("Leave full screen" if on else "Full screen")


def action_button(
    action: QAction, parent: QWidget, *, big: bool = False, min_width: int = 92
) -> QToolButton:
    """A text button bound to an action; it never takes focus, so Space and
    the arrow keys always reach the player's shortcuts."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAccessibleName(action.text())
    action.changed.connect(lambda: button.setAccessibleName(action.text()))
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * (1.35 if big else 1.15))
    button.setFont(font)
    button.setMinimumHeight(44 if big else 38)
    button.setMinimumWidth(min_width)
    keep_width_for(button, TEXTS.get(action.text(), ()))
    return button


# Texts a button takes in turn: its width fits the widest, so a switch
# (Pause -> Resume) never moves the buttons next to it.
TEXTS = {
    text: group
    for group in (
        ("Pause", "Resume"),
        ("Tones on", "Tones off"),
        ("Voice on", "Voice off"),
        ("Compact", "Full view"),
        ("Full screen", "Leave full screen"),
    )
    for text in group
}


def keep_width_for(button: QToolButton, texts: tuple[str, ...]) -> None:
    if texts:
        metrics = button.fontMetrics()
        padding = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        button.setMinimumWidth(max(button.minimumWidth(), widest + padding))
