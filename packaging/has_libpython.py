"""Exit 0 when this Python has its shared library (libpython3.X.so.1.0),
which PyInstaller copies into the bundle; exit 1 and say so otherwise.

Debian's and Ubuntu's python3 has it only with the libpython3.X package.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
import sysconfig

version = f"{sys.version_info[0]}.{sys.version_info[1]}"
libdir = sysconfig.get_config_var("LIBDIR") or ""
if os.path.exists(os.path.join(libdir, f"libpython{version}.so.1.0")):
    raise SystemExit(0)
if ctypes.util.find_library(f"python{version}"):
    raise SystemExit(0)
print(
    f"PyInstaller needs Python's shared library; on Debian or Ubuntu: "
    f"sudo apt-get install libpython{version}",
    file=sys.stderr,
)
raise SystemExit(1)
