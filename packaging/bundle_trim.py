"""Trimming the PyInstaller bundle; used by packaging/stretch-coach.spec.

The Qt hooks collect every plugin of every Qt module the app imports. Some of
those a desktop app never loads; dropping them, and the shared libraries that
only they link to, takes megabytes off the bundle without touching what runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from PyInstaller.depend.bindepend import get_imports

Entry = tuple[str, str, str]  # (path in the bundle, source path, kind)

# Embedded-device platforms (eglfs, linuxfb, vnc, vulkan display) and their
# input plugins, the on-screen keyboard, network reachability and TLS backends,
# the GTK3 theme (it would load the system's GTK against the bundle's older
# GLib; the portal theme still follows the desktop's dark mode) and Qt's own
# translations (the app installs no QTranslator). QtQuick/QtQml libraries stay:
# the FFmpeg multimedia plugin links against them.
UNUSED_FILES = (
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/egldeviceintegrations/",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/generic/",
    "PySide6/Qt/plugins/networkinformation/",
    "PySide6/Qt/plugins/tls/",
    "PySide6/Qt/translations/",
)


def used(entry: Entry, unused: Iterable[str] = UNUSED_FILES) -> bool:
    dest = entry[0].replace(os.sep, "/")
    return not any(dest.startswith(prefix) for prefix in unused)


def drop_unused(datas: list[Entry], unused: Iterable[str] = UNUSED_FILES) -> list[Entry]:
    return [entry for entry in datas if used(entry, unused)]


def prune(binaries: list[Entry], unused: Iterable[str] = UNUSED_FILES) -> list[Entry]:
    """Drop the unused files and the libraries that nothing else links to."""
    unused = tuple(unused)
    by_name = {os.path.basename(entry[0]): entry for entry in binaries}

    def linked(start: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = [os.path.basename(entry[0]) for entry in start]
        while todo:
            name = todo.pop()
            if name in seen or name not in by_name:
                continue
            seen.add(name)
            todo += [os.path.basename(dep) for dep, _ in get_imports(by_name[name][1])]
        return seen

    removed = [entry for entry in binaries if not used(entry, unused)]
    suspects = linked(removed) - {os.path.basename(entry[0]) for entry in removed}
    roots = [e for e in binaries if used(e, unused) and os.path.basename(e[0]) not in suspects]
    needed = linked(roots)
    return [
        e
        for e in binaries
        if used(e, unused)
        and (os.path.basename(e[0]) not in suspects or os.path.basename(e[0]) in needed)
    ]


def strip_python_debug_info(binaries: list[Entry], folder: str) -> list[Entry]:
    """Copies of the interpreter's own libraries without debug info.

    A Python built from source (pyenv) ships libpython and lib-dynload with
    debug info: about 30 MB. Only these are stripped: PyInstaller's global
    `strip=True` also strips numpy's bundled OpenBLAS, which then fails to load
    ("ELF load command address/offset not page-aligned").
    """
    strip = shutil.which("strip")
    if not strip:
        return binaries
    prefixes = {os.path.realpath(p) + os.sep for p in (sys.base_prefix, sys.base_exec_prefix)}
    out: list[Entry] = []
    for dest, src, kind in binaries:
        real = os.path.realpath(src)
        if any(real.startswith(prefix) for prefix in prefixes) and ".so" in dest:
            copy = Path(folder, "stripped", dest)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(real, copy)
            if subprocess.run([strip, "--strip-debug", str(copy)]).returncode == 0:
                src = str(copy)
        out.append((dest, src, kind))
    return out
