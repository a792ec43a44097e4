"""Printed routine cards: `coach print` to PDF, and the app's print preview.

The cards themselves are laid out in pages.py and card.py; this module
only opens the device (a PDF file or a printer) and talks to the user.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from coach.core.catalog.loader import Catalog, Routine, load_shipped
from coach.core.errors import CoachError
from coach.core.files import check_target, write_bytes
from coach.ui.cards.pages import (
    APP_NAME,
    PAPERS,
    PER_PAGE,
    CardSheet,
    page_layout,
    paint_pages,
    sheet_for,
)


def ensure_gui_app() -> QGuiApplication:
    """Text layout needs a QGuiApplication; without a display, use the offscreen platform."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "coach"])


def _check_options(per_page: int, paper: str) -> None:
    if per_page not in PER_PAGE:
        raise CoachError(f"Cards per page must be 1, 2 or 4, not {per_page}.")
    if paper not in PAPERS:
        raise CoachError(f"Paper must be a4 or letter, not '{paper}'.")


def check_pdf_name(path: Path) -> None:
    """`coach print` writes PDF only: a name ending otherwise is a mistake
    (`-o cards.png`, `-o cards`), said before anything is drawn."""
    if path.suffix.lower() != ".pdf":
        raise CoachError(
            f"Cannot write {path}: printed cards are a PDF, so the file name must end "
            f"in .pdf (for example {path.with_suffix('.pdf').name})."
        )


def write_pdf(path: Path, sheet: CardSheet, *, per_page: int = 2, paper: str = "a4") -> int:
    """Write the sheet's cards to a PDF file; returns the number of pages.

    The PDF is drawn in memory and then written whole or not at all
    (coach.core.files): a full disk or a special file such as /dev/full is
    one sentence (CoachError) and the old file stays as it was."""
    _check_options(per_page, paper)
    app = ensure_gui_app()  # noqa: F841  (kept alive while we paint)
    check_target(path)  # a folder or a device is refused before any drawing
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(f"{sheet.title}: exercise cards")
    writer.setCreator(APP_NAME)
    painter = QPainter()
    if not painter.begin(writer):
        raise CoachError(f"Cannot write {path}: the PDF could not be started.")
    try:
        pages = paint_pages(writer, painter, sheet, per_page)
    finally:
        painter.end()
    del writer  # finishes the PDF in the buffer
    buffer.close()
    write_bytes(path, bytes(buffer.data().data()))
    return pages


def print_to_pdf(
    routine_id: str,
    output: Path,
    *,
    per_page: int = 2,
    paper: str = "a4",
    catalog: Catalog | None = None,
) -> str:
    """`coach print`: the routine's cards to the PDF file `output`; returns the
    line saying what was written. Bad options, an unknown routine and an
    unwritable file raise CoachError in one sentence. Without `catalog` the
    shipped one is loaded (its problems are then not reported)."""
    _check_options(per_page, paper)
    path = output.expanduser()
    check_target(path)  # a folder or a device first: that is the bigger mistake
    check_pdf_name(path)
    if catalog is None:
        catalog = load_shipped()
    routine = catalog.routine(routine_id)
    pages = write_pdf(path, sheet_for(catalog, routine), per_page=per_page, paper=paper)
    cards = len(routine.items)
    return (
        f"Wrote {cards} card{'s' if cards != 1 else ''} for '{routine.name}' on "
        f"{pages} {paper.upper() if paper == 'a4' else 'Letter'} "
        f"page{'s' if pages != 1 else ''} to {path}."
    )


def open_print_preview(parent: QWidget | None, catalog: Catalog, routine: Routine) -> int:
    """Show Qt's print preview for the routine's cards (print, or save as PDF)."""
    from coach.ui.cards.preview import CardPrintPreview

    dialog = CardPrintPreview(parent, sheet_for(catalog, routine))
    return dialog.exec()
