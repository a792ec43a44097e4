"""The player's commands as QActions: one shortcut, tooltip and accessible
name each, shared by the full player and the compact window.

Space pause/resume, Right skip, Left back, Esc stop (asks inline first),
M mute, C compact, P sharp pain — stop, Enter confirms a stop.
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
        self.mute = self._make("Mute", "Turn the tones off or on", Key.Key_M, checkable=True)
        self.compact = self._make(
            "Compact", "Switch to the small always-on-top window", Key.Key_C, checkable=True
        )
        self.pain = self._make(
            safety.SHARP_PAIN_BUTTON, "Sharp pain: end the session now and log why", Key.Key_P
        )
        self.confirm = self._make("Confirm stop", "Stop the session now", Key.Key_Return)
        self.confirm.setShortcuts([QKeySequence(Key.Key_Return), QKeySequence(Key.Key_Enter)])
        self.confirm.setEnabled(False)

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
            self.compact,
            self.pain,
            self.confirm,
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
        self.mute.setText("Unmute" if muted else "Mute")


def action_button(action: QAction, parent: QWidget, *, big: bool = False) -> QToolButton:
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
    button.setMinimumWidth(92)
    return button
