#!/usr/bin/env bash
# Packaging checks, run by .ci/run: the desktop entry and AppStream metainfo
# validate, the menu install works, the PyInstaller bundle builds, and the
# built program runs offscreen: --version, list --json, render, a self-test of
# the lazily loaded parts (numpy, pyqtgraph, print, multimedia, plugins) and a
# five-second start of the main window. Fails when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
start=$SECONDS
if [ "$(id -u)" = 0 ] && ! command -v sudo >/dev/null; then
  sudo() { "$@"; }
fi

missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
command -v objdump >/dev/null || missing+=(binutils)  # PyInstaller reads shared libraries with it
python3 packaging/has_libpython.py 2>/dev/null \
  || missing+=("libpython$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

app_id=io.github.stretchcoach.StretchCoach
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== validating the desktop entry and the metainfo"
desktop-file-validate "packaging/$app_id.desktop"
appstreamcli validate --no-net "packaging/$app_id.metainfo.xml"

echo "== building the bundle"
bash packaging/build-bundle.sh
app=$PWD/dist/stretch-coach/stretch-coach
version=$(build/bundle-venv/bin/python -c 'import coach; print(coach.__version__)')

echo "== installing the menu entry into a scratch prefix"
bash packaging/install-desktop.sh --prefix "$work/prefix" --exec "$app"
grep -qx "Exec=$app" "$work/prefix/share/applications/$app_id.desktop"
[ -f "$work/prefix/share/icons/hicolor/48x48/apps/$app_id.png" ]

echo "== running the bundle offscreen, outside the checkout"
export COACH_DATA_DIR=$work/data
mkdir -p "$COACH_DATA_DIR"
cd "$work"
out=$("$app" --version)
echo "$out"
[ "$out" = "coach $version" ] || { echo "expected 'coach $version'" >&2; exit 1; }

"$app" list --json > list.json
python3 - list.json <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
ex, ro = data["exercises"], data["routines"]
print(f"bundle lists {len(ex)} exercises and {len(ro)} routines")
assert len(ex) >= 16 and len(ro) >= 5, "the bundle is missing exercise or routine files"
PY

"$app" render directed-forward-bend -o "$work/x.png"
[ "$(head -c 8 "$work/x.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
  || { echo "render did not write a PNG" >&2; exit 1; }
echo "render wrote $(stat -c %s "$work/x.png") bytes of PNG"

STRETCH_COACH_SELFTEST=1 "$app" 2> selftest.log || { cat selftest.log >&2; exit 1; }

status=0
timeout 5 "$app" 2> window.log || status=$?
if [ "$status" != 124 ]; then  # 124: still running when timeout stopped it
  cat window.log >&2
  echo "the app window exited with status $status within 5 s" >&2
  exit 1
fi
echo "the main window started and kept running for 5 s"
cd - >/dev/null

echo "== packaging checks passed in $((SECONDS - start)) s; bundle size $(du -sh dist/stretch-coach | cut -f1)"
