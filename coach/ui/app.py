"""Builds the object graph once and runs the Qt application.

Placeholder until the player issue lands: shows a window listing routines.
"""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    from coach.core.catalog import load_shipped

    catalog = load_shipped()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("\n".join(r.name for r in catalog.routines.values()) or "Stretch Coach")
    label.setWindowTitle("Stretch Coach")
    label.show()
    return app.exec()
