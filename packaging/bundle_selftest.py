"""Checks, inside the built bundle, that the parts the app loads lazily work.

Run by packaging/ci-check.sh as `STRETCH_COACH_SELFTEST=1 stretch-coach`
(offscreen): numpy with its OpenBLAS, a pyqtgraph plot, SVG, the image-format,
print-support, multimedia and platform plugins, and the app icon. Prints one
line per check and returns non-zero on the first failure.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def _check(name: str, ok: object) -> None:
    print(f"  {'ok ' if ok else 'FAIL'} {name}")
    if not ok:
        raise SystemExit(f"bundle self-test failed: {name}")


def run() -> int:
    import numpy as np

    matrix = np.arange(9.0).reshape(3, 3) + np.eye(3)
    solution = np.linalg.solve(matrix, [1, 2, 3])
    _check("numpy (OpenBLAS) solves a system", np.allclose(matrix @ solution, [1, 2, 3]))

    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    for plugin in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "printsupport/libcupsprintersupport.so",
        "multimedia/libffmpegmediaplugin.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        _check(f"plugin {plugin}", (plugins / plugin).is_file())
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    _check("image formats svg, jpeg, png", {"svg", "jpeg", "png"} <= formats)

    from PySide6.QtSvg import QSvgRenderer

    from coach.paths import assets_dir
    from coach.ui.icon import app_icon

    _check("app icon loads", not app_icon().isNull())
    svg = QSvgRenderer(str(assets_dir() / "icons" / "stretch-coach.svg"))
    _check("QtSvg renders the icon source", svg.isValid())

    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.plot([0, 1, 2, 3], [2, 1, 3, 2])
    plot.resize(200, 120)
    _check("pyqtgraph draws a plot", not plot.grab().isNull())

    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    QPrinterInfo.availablePrinterNames()  # loads the CUPS print-support plugin
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "page.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        painter = QPainter(printer)
        painter.drawText(100, 100, "Stretch Coach")
        painter.end()
        _check("QtPrintSupport writes a PDF", pdf.stat().st_size > 500)

    from PySide6.QtMultimedia import QMediaFormat, QSoundEffect

    decodable = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    _check("QtMultimedia backend (FFmpeg) loads", len(decodable) > 0)
    QSoundEffect()
    del plot, app
    print("bundle self-test passed")
    return 0
