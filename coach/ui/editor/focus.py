"""A clearly visible focus ring: a 2 px highlight-coloured frame drawn over
whatever has the keyboard focus inside a window. Fusion marks a focused push
button or list only faintly, and a keyboard user has to see where they are.

The ring is a transparent child on top of the window, so it changes no
layout and takes no clicks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

MARGIN = 3  # how far outside the focused widget the ring is drawn


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
