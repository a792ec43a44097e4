"""The follow-along view: the figure large on the left; on the right the
exercise, the phase (word, shape and colour), the countdown ring, "Rep 3 of
8 · Set 1 of 2 · Left side", the current step and cue, and what comes next;
the commands along the bottom with "Sharp pain — stop" always at the right.

A steady screen: every text has a slot whose height is fixed for the
window's size and the routine (the tallest text the slot can ever hold), so
no text, message or question moves the figure, the ring or the counters.
"Stop this session?" is an overlay on top (`StopOverlay`), messages go to the
status bar that is always there. Only a change of phase changes the stage:
during a walk the whole view takes the walk's colour, and "Walk" becomes the
biggest word on screen.

Readable from across the room: font sizes follow the view's height (from
the system font up, never below it), and full-screen mode gives the figure
more than half the window and the countdown digits more than 15 % of its
height.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMargins, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.session.events import Phase
from coach.ui import safety, wording
from coach.ui.figure.stage import FigureStage
from coach.ui.player.controls import PlayerActions, action_button
from coach.ui.player.countdown import CountdownRing
from coach.ui.player.driver import SessionDriver
from coach.ui.player.overlay import StopOverlay
from coach.ui.player.phase import Kind, PhaseIcon, kind_color, kind_of
from coach.ui.theme import Accents

Role = QPalette.ColorRole

# Font heights as a share of the view's height; never below the system font.
FONT_SHARE = {
    "name": 0.034,
    "phase": 0.062,
    "counter": 0.046,
    "step": 0.027,
    "cue": 0.026,
    "next": 0.025,
}
WALK_WORD_SHARE = 0.16  # "Walk": bigger than the countdown digits
COLUMN_SHARE = 0.40  # of the width: the text column; the figure takes the rest
LARGE_COLUMN_SHARE = 0.36  # full screen: more of it for the figure
# In full screen the ring is at least this share of the height: digits of
# 0.40 x the ring's side, a digit glyph 0.73 of the font's pixel size, make
# the digits 0.4 x 0.73 x 0.53 = 15.5 % of the height.
LARGE_RING_SHARE = 0.53
RING_DIGITS = 0.40  # countdown.py: the digits' pixel size for a ring of side 1
PAIN_RED = "#b71c1c"  # the same deep red on light and dark: white on it is 6.6:1


def system_pixel_size() -> int:
    """The desktop's text size in pixels: the floor of every size here."""
    return max(QFontInfo(QApplication.font()).pixelSize(), 1)


class SessionView(QWidget):
    """The live page of the player."""

    def __init__(
        self, driver: SessionDriver, actions: PlayerActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.driver = driver
        self.large = False
        self._kind: Kind | None = None
        self.walking_stage = False
        self._exercise_id = driver.state.exercise.id
        self._shown_key: tuple[object, ...] | None = None
        self._accents_key: int | None = None
        self._accents_cache: Accents | None = None
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(8)

        body = QHBoxLayout()
        body.setSpacing(12)
        self.figure = FigureStage(self, now=driver.now)
        self.figure.setMinimumSize(200, 200)
        body.addWidget(self.figure, 1)
        self.column = QWidget(self)
        self.column.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        side = QVBoxLayout(self.column)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        self.name = self._label("name", bold=True)
        side.addWidget(self.name)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.icon = PhaseIcon(self.column)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self.phase = self._label("phase", bold=True)
        self.phase.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.phase, 1)
        side.addLayout(row)
        self.ring = CountdownRing(self.column)
        self.ring.setMinimumSize(60, 60)
        self.ring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        side.addWidget(self.ring)
        self.counter = self._label("counter", bold=True)
        self.step = self._label("step")
        self.cue = self._label("cue", italic=True)
        self.next = self._label("next")
        for widget in (self.counter, self.step, self.cue, self.next):
            side.addWidget(widget)
        side.addStretch(1)
        body.addWidget(self.column)
        outer.addLayout(body, 1)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.buttons: list[QToolButton] = []
        for action in (actions.back, actions.pause, actions.skip, actions.stop):
            button = action_button(action, self, big=True, min_width=80)
            bar.addWidget(button)
            self.buttons.append(button)
        bar.addStretch(1)
        self.pain_button = action_button(actions.pain, self, big=True)
        self.pain_button.setObjectName("sharpPain")
        self.pain_button.setStyleSheet(
            f"QToolButton {{ color: white; background: {PAIN_RED}; font-weight: bold;"
            " border-radius: 6px; padding: 4px 14px; }"
        )
        self.pain_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.pain_button)
        self.buttons.append(self.pain_button)
        outer.addLayout(bar)

        self.confirm = StopOverlay(self)
        self.confirm.hide()
        self._slot_texts = self._routine_texts()
        self._restyle()

    def _label(self, role: str, *, bold: bool = False, italic: bool = False) -> QLabel:
        label = QLabel(self.column)
        label.setObjectName(role)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = label.font()
        font.setBold(bold)
        font.setItalic(italic)
        label.setFont(font)
        label.setAccessibleName(role.capitalize())
        return label

    # -- showing the state ----------------------------------------------------
    def refresh(self) -> None:
        """Called on every heartbeat (five a second): only what changed is
        set, since a label given a text, a palette or a font repaints and
        the panel behind it too."""
        state = self.driver.state
        accents = self._accents()
        kind = kind_of(state.phase, paused=state.paused)
        color = kind_color(accents, kind_of(state.phase))
        if state.exercise.id != self._exercise_id:
            self._exercise_id = state.exercise.id
            self._slot_texts = self._routine_texts()
            self._restyle()
        self._set_kind(kind, state.phase is Phase.WALK)
        self.ring.show_time(
            state.seconds_left,
            state.phase_length,
            wording.RING_CAPTIONS.get(state.phase, ""),
            color,
            paused=state.paused,
        )
        self.figure.show_state(state)
        # The texts depend on the moment, not on the time within it (but for
        # the cue, which changes every CUE_SECONDS).
        key = (
            replace(state, seconds_left=0.0, seconds_into_phase=0.0),
            int(state.seconds_into_phase // wording.CUE_SECONDS),
            kind,
            accents,
        )
        if key == self._shown_key:
            return
        self._shown_key = key
        position = f" ({state.exercise_index + 1} of {len(self.driver.routine.items)})"
        self._set_text(self.name, state.exercise.name + position)
        self._set_text(self.phase, "Paused" if state.paused else wording.phase_title(state))
        self._color(self.phase, kind_color(accents, kind))
        self.icon.show_kind(kind, kind_color(accents, kind))
        self._set_text(self.counter, wording.counter_line(state))
        self._set_text(self.step, wording.step_text(state))
        self._set_text(
            self.cue, wording.pause_text(state) if state.paused else wording.cue_text(state)
        )
        self._set_text(self.next, wording.next_text(state))

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _accents(self) -> Accents:
        """The phase colours, made again only when the palette changes."""
        palette_key = self.palette().cacheKey()
        if palette_key != self._accents_key or self._accents_cache is None:
            self._accents_key = palette_key
            self._accents_cache = Accents.from_palette(self.palette())
        return self._accents_cache

    def _set_kind(self, kind: Kind, walking: bool) -> None:
        """A new kind of moment: the walk changes the whole stage."""
        self._kind = kind
        if walking != self.walking_stage:
            self.walking_stage = walking
            self._tint()
            self._restyle()

    def _tint(self) -> None:
        """The walk's background, or the window's own."""
        if self.walking_stage:
            palette = QPalette(QApplication.palette(self))
            palette.setColor(Role.Window, Accents.from_palette(palette).walk_tint)
            self.setPalette(palette)
        else:
            self.setPalette(QPalette())  # inherit again

    def set_large(self, on: bool) -> None:
        if on != self.large:
            self.large = on
            self._restyle()

    # -- looks ------------------------------------------------------------------
    def _color(self, label: QLabel, color: QColor) -> None:
        palette = label.palette()
        if palette.color(Role.WindowText) != color:
            palette.setColor(Role.WindowText, color)
            label.setPalette(palette)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()
        if self.confirm.isVisible():  # once the layout has placed the figure
            QTimer.singleShot(0, self._place_overlay)

    def _routine_texts(self) -> dict[str, list[str]]:
        """Every text each slot can hold for this exercise and the next, and
        samples as long as the longest the catalog has, so a slot's height is
        that of the tallest and does not change while the texts do."""
        state = self.driver.state
        count = len(self.driver.routine.items)
        exercises = [state.exercise] + (
            [state.next_exercise] if state.next_exercise is not None else []
        )
        counters = list(wording.COUNTER_SAMPLES)
        for item in self.driver.routine.items:
            parts = [f"Rep {item.reps} of {item.reps}"]
            if item.sets > 1:
                parts.append(f"Set {item.sets} of {item.sets}")
            counters += [" · ".join([*parts, "Right side"]), f"Rep {item.reps} of {item.reps} done"]
        steps = [f"{n}. {text}" for ex in exercises for n, text in enumerate(ex.steps, 1)]
        cues = [c for ex in exercises for c in ex.cues] + list(safety.HOLD_CUES)
        return {
            "name": [f"{ex.name} ({count} of {count})" for ex in exercises],
            "phase": [*wording.PHASE_TITLES.values(), "Switch to your right side"],
            "counter": counters,
            "step": [*steps, wording.WALK_STEP, wording.STEP_SAMPLE],
            "cue": [*cues, *wording.PAUSE_TEXTS],
            "next": [f"Next: {ex.name}" for ex in exercises] + list(wording.NEXT_SAMPLES),
        }

    def _restyle(self) -> None:
        """Sizes from the view's height: fonts, slots, the ring. Called on
        resize, on entering or leaving full screen and the walk stage."""
        height, width = max(self.height(), 1), max(self.width(), 1)
        base = system_pixel_size()
        share = LARGE_COLUMN_SHARE if self.large else COLUMN_SHARE
        column_w = max(180, round(width * share))
        self.column.setFixedWidth(column_w)
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        bar_h = max(b.sizeHint().height() for b in self.buttons)
        available = height - margins.top() - margins.bottom() - bar_h - 8
        walking = self.walking_stage
        self.next.setVisible(not self.large)
        shown = ["name", "phase", "counter", "step", "cue"] + ([] if self.large else ["next"])
        ring_floor = round(height * LARGE_RING_SHARE) if self.large and not walking else 60
        scale = 1.0
        while True:
            sizes = {
                role: max(base, round(height * share * scale)) for role, share in FONT_SHARE.items()
            }
            if walking:
                sizes["phase"] = max(base, round(height * WALK_WORD_SHARE * scale))
            slots = {role: self._slot_height(role, sizes[role], column_w) for role in shown}
            if walking:
                slots["phase"] = self._slot_height("phase_walk", sizes["phase"], column_w)
            used = sum(slots.values()) + 6 * len(shown)
            if available - used >= ring_floor or scale <= 0.5:
                break
            scale -= 0.05
        for role in shown:
            label = self.findChild(QLabel, role)
            if label is None:
                continue
            font = label.font()
            font.setPixelSize(sizes[role])
            label.setFont(font)
            label.setFixedHeight(slots[role])
        icon = round(sizes["phase"] * 1.1)
        self.icon.setFixedSize(icon, icon)
        ring = max(60, min(available - used, column_w))
        if walking:  # the digits stay smaller than the word "Walk"
            ring = min(ring, int(sizes["phase"] * 0.9 / RING_DIGITS))
        self.ring.setFixedHeight(ring)

    def _slot_height(self, role: str, px: int, width: int) -> int:
        """The height of the tallest text `role` can show, at `px`, in `width`."""
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(role in ("name", "phase", "phase_walk", "counter"))
        font.setItalic(role == "cue")
        metrics = QFontMetrics(font)
        if role == "phase_walk":
            return metrics.height() + 2
        texts = self._slot_texts.get(role, [""])
        if role == "phase":
            width = width - round(px * 1.1) - 10
        tallest = max(
            metrics.boundingRect(
                QRect(0, 0, max(width, 40), 100000), int(Qt.TextFlag.TextWordWrap), text
            ).height()
            for text in texts or [""]
        )
        return max(tallest, metrics.height()) + 2

    def open_confirm(self) -> None:
        """Show "Stop this session?" over the figure."""
        self._place_overlay()
        self.confirm.open()

    def _place_overlay(self) -> None:
        """Over the figure, so the ring and the counters stay in sight."""
        self.confirm.place(self.figure.geometry() if self.figure.width() > 300 else self.rect())

    def fits(self) -> bool:
        """Every control shows its whole text (tests and the minimum size)."""
        return all(b.width() >= b.sizeHint().width() for b in self.buttons)
