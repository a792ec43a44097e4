#!/usr/bin/env bash
# Build the one-folder app with PyInstaller: dist/stretch-coach/stretch-coach.
#
#   bash packaging/build-bundle.sh
#
# Creates (or reuses) its own virtual environment in build/bundle-venv, installs
# the project and PyInstaller there from the package index, runs
# packaging/stretch-coach.spec and prints the bundle's size. The folder
# dist/stretch-coach/ can be copied to another Linux machine of the same kind
# (same or newer glibc) and run there without Python.
# Environment: PYTHON (default python3) picks the interpreter for the venv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv=build/bundle-venv
export PIP_DISABLE_PIP_VERSION_CHECK=1
start=$SECONDS

"$python" packaging/has_libpython.py  # PyInstaller ships Python's shared library
if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv"
  "$python" -m venv "$venv"
fi
echo "== installing the project and PyInstaller into $venv"
"$venv/bin/pip" install -q "pyinstaller>=6.10,<7" .
# the version number rarely changes: reinstall so the bundle has today's code
"$venv/bin/pip" install -q --no-deps --force-reinstall .

echo "== running PyInstaller"
echo "   (warnings that libgtk-3/libgdk-3 are missing are expected: the GTK3 theme plugin is left out)"
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/stretch-coach.spec

bundle=dist/stretch-coach
[ -x "$bundle/stretch-coach" ] || { echo "build-bundle: $bundle/stretch-coach was not built" >&2; exit 1; }
echo "== built $bundle in $((SECONDS - start)) s"
du -sh "$bundle"
