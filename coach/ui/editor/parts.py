"""Small parts of the editor: its buttons, the question before losing
changes, the colour of a problem, and a clearly visible focus ring.

The focus ring: a 2 px highlight-coloured frame drawn over
whatever has the keyboard focus inside a window. Fusion marks a focused push
button or list only faintly, and a keyboard user has to see where they are.

The ring is a transparent child on top of the window, so it changes no
layout and takes no clicks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from coach.ui.theme import Accents

MARGIN = 3  # how far outside the focused widget the ring is drawn


def ask_discard(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        "Close the editor and lose your changes?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def make_button(text: str, tip: str, parent: QWidget, name: str | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.setAccessibleName(name or text.replace("&", ""))
    button.setAutoDefault(False)
    return button


def big_label(parent: QWidget, name: str, scale: float) -> QLabel:
    """A bold label `scale` times the usual size (the estimate, a heading)."""
    label = QLabel(parent)
    label.setAccessibleName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def problem_label(parent: QWidget, name: str) -> QLabel:
    """A wrapping label in the theme's red: >= 4.5:1 on the window, light or dark."""
    label = QLabel(parent)
    label.setAccessibleName(name)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, Accents.from_palette(palette).danger)
    label.setPalette(palette)
    return label


class FocusRing(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and new is not self.window_ and self.window_.isAncestorOf(new)
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = new if inside else None
        if self.target is not None:
            self.target.installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show,
                            QEvent.Type.Hide):  # fmt: skip
            self.follow()
        return False

    def follow(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(self.window_, target.rect().topLeft())
        area = QRect(top_left, target.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setGeometry(area)
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)
