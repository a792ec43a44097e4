"""Questions that float over the stage instead of pushing it about.

`StopOverlay` is "Stop this session?": a card in the middle of the player,
on top of the figure, outside every layout, so asking moves nothing. The
player pauses the session while it is up.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.ui.prompts import make_button

STOP_QUESTION = "Stop this session?"
STOP_DETAIL = "The session is paused. What you have done so far is kept in your history."


class StopOverlay(QFrame):
    """ "Stop this session?" with Keep going (Enter) and Stop (Esc again)."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stopOverlay")
        self.setAccessibleName("Stop this session?")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 18, 24, 18)
        box.setSpacing(12)
        self.question = QLabel(STOP_QUESTION, self)
        font = self.question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 2.0)
        self.question.setFont(font)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.question)
        self.detail = QLabel(STOP_DETAIL, self)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        detail_font = self.detail.font()
        detail_font.setPointSizeF(detail_font.pointSizeF() * 1.25)
        self.detail.setFont(detail_font)
        box.addWidget(self.detail)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.keep = make_button(
            "Keep going (Enter)", "Carry on with the session (Enter)", self, name="Keep going"
        )
        self.stop = make_button(
            "Stop (Esc)", "Stop the session (Esc again)", self, name="Confirm stop"
        )
        for button in (self.keep, self.stop):
            button.setFont(detail_font)
            button.setMinimumHeight(44)
            row.addWidget(button)
        box.addLayout(row)
        self.keep.clicked.connect(self.cancelled)
        self.stop.clicked.connect(self.confirmed)

    def place(self, area: QRect) -> None:
        """Centre the card in `area` (the parent's rectangle)."""
        width = min(max(self.sizeHint().width(), 440), max(area.width() - 24, 200))
        height = min(self.heightForWidth(width) if self.hasHeightForWidth() else 0, area.height())
        height = max(height, min(self.sizeHint().height(), area.height()))
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )

    def open(self) -> None:
        self.show()
        self.raise_()
        self.keep.setFocus(Qt.FocusReason.OtherFocusReason)
