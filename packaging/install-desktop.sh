#!/usr/bin/env bash
# Put Stretch Coach into the desktop's application menu, for one user.
#
#   bash packaging/install-desktop.sh [--prefix DIR] [--exec PROGRAM] [--uninstall]
#
# Installs the .desktop file, the icon (every hicolor size plus the SVG) and
# the AppStream metainfo into PREFIX/share (default ~/.local/share, also taken
# from the PREFIX environment variable). Run it from a copy of the repository
# after installing the app with pip, or after building the bundle.
#
# The menu entry starts PROGRAM, written into the entry as an absolute path
# because the desktop session's PATH may not hold the venv. By default the
# first of these that exists: `stretch-coach` on PATH, the README's venv
# (~/.local/share/stretch-coach-venv/bin/stretch-coach), this checkout's .venv,
# the bundle dist/stretch-coach/stretch-coach.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
app_id=io.github.stretchcoach.StretchCoach
prefix=${PREFIX:-$HOME/.local}
program=""
uninstall=0

die() { echo "install-desktop: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder."; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --exec) [ $# -ge 2 ] || die "--exec needs a program."; program=$2; shift 2 ;;
    --exec=*) program=${1#*=}; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown option '$1'. Try --help." ;;
  esac
done

share=$prefix/share
apps=$share/applications
icons=$share/icons/hicolor
metainfo=$share/metainfo
desktop_file=$apps/$app_id.desktop

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$apps" 2>/dev/null || true
  fi
  if [ -d "$icons" ]; then
    touch "$icons"  # desktops watch the theme folder's time stamp
    if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
      gtk-update-icon-cache -q -t -f "$icons" || true  # a stale cache would hide the new icon
    fi
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$desktop_file" "$metainfo/$app_id.metainfo.xml" "$icons/scalable/apps/$app_id.svg"
  rm -f "$icons"/*/apps/"$app_id".png
  refresh_caches
  echo "Removed Stretch Coach from the menu ($share)."
  exit 0
fi

if [ -z "$program" ]; then
  for candidate in "$(command -v stretch-coach || true)" \
      "$HOME/.local/share/stretch-coach-venv/bin/stretch-coach" \
      "$root/.venv/bin/stretch-coach" "$root/dist/stretch-coach/stretch-coach"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then program=$candidate; break; fi
  done
  [ -n "$program" ] || die "cannot find the stretch-coach program: install the app first (see README), or name it with --exec."
fi
if [ "${program#/}" = "$program" ]; then  # a relative path or a bare name
  resolved=$(command -v -- "$program" || true)
  [ -n "$resolved" ] || die "'$program' is not a program that can be run."
  case $resolved in /*) program=$resolved ;; *) program=$(cd "$(dirname "$resolved")" && pwd)/$(basename "$resolved") ;; esac
fi
[ -x "$program" ] || die "'$program' is not an executable file."
case $program in
  *[\"\`\$\\]*) die "the program's path may not contain \", \`, \$ or \\: '$program'." ;;
  *[[:space:]]*) exec_value="\"$program\"" ;;
  *) exec_value=$program ;;
esac

mkdir -p "$apps" "$metainfo" "$icons/scalable/apps"
# The shipped entry says Exec=stretch-coach; point it at the program found.
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=stretch-coach*) printf 'Exec=%s%s\n' "$exec_value" "${line#Exec=stretch-coach}" ;;
    TryExec=*) printf 'TryExec=%s\n' "$program" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/$app_id.desktop" > "$desktop_file.tmp"
mv "$desktop_file.tmp" "$desktop_file"
chmod 644 "$desktop_file"
install -m 644 "$here/$app_id.metainfo.xml" "$metainfo/$app_id.metainfo.xml"
install -m 644 "$root/assets/icons/stretch-coach.svg" "$icons/scalable/apps/$app_id.svg"
sizes=""
for size in $(cd "$root/assets/icons" && ls -d [0-9]*x[0-9]* | sort -n); do
  install -D -m 644 "$root/assets/icons/$size/stretch-coach.png" "$icons/$size/apps/$app_id.png"
  sizes="$sizes ${size%x*}"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop_file"
fi
refresh_caches

echo "Installed Stretch Coach into the menu ($share):"
echo "  $desktop_file (starts $program)"
echo "  icons at$sizes px and scalable in $icons"
echo "  $metainfo/$app_id.metainfo.xml"
