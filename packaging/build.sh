#!/usr/bin/env bash
# Build the one-folder bundle and its archive:
#
#   packaging/build.sh        (or: make bundle)
#
# gives dist/tempmail-desktop/ and, on Linux,
# dist/tempmail-desktop-<version>-linux-<arch>.tar.xz (the folder, stripped, with
# install.sh and the menu entry beside the program).
#
# Uses the project's virtual environment (.venv, made if missing, as `make` does)
# with the package and its `bundle` extra (PyInstaller) installed.
#   PYTHON=python3.12 packaging/build.sh   pick the Python that makes .venv
#   VENV=/path/to/venv packaging/build.sh  use another environment
#   CLEAN=1 packaging/build.sh             rebuild from scratch (no PyInstaller cache)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
stamp=$VENV/.bundle-installed

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q -e '.[bundle]'
  touch "$stamp"
fi
py=$VENV/bin/python

version=$("$py" -c 'import tempmail_desktop; print(tempmail_desktop.__version__)')
name=$("$py" -c 'import tempmail_desktop; print(tempmail_desktop.APP_NAME)')

clean=()
[ -n "${CLEAN:-}" ] && clean=(--clean)
start=$(date +%s)
"$py" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
  --distpath dist --workpath build packaging/tempmail-desktop.spec
echo "PyInstaller: $(( $(date +%s) - start )) s"

case "$(uname -s)" in
  Linux) ;;
  *) echo "Built dist/$name (the archive step is for Linux; CI packs the other platforms)"; exit 0 ;;
esac

# xz at its default level. Measured on the 128 MB folder (2 shared cores):
#   gzip -6  50.6 MB    7-13 s  (too close to the 55 MB budget)
#   xz -2    40.2 MB      37 s
#   xz -6    36.5 MB  46-100 s  <- a third smaller than gzip; unpacks in 4 s
#   xz -9    35.5 MB 145-173 s  (1 MB less for three times as long, and 670 MB of RAM)
archive=dist/$name-$version-linux-$(uname -m).tar.xz
rm -f "$archive"
start=$(date +%s)
# Sorted names, zeroed owners and a fixed time: the same build packs to the same bytes.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
    -C dist -cf - "$name" | xz -T0 -6 >"$archive.part"
mv "$archive.part" "$archive"
echo "Archive: $(( $(date +%s) - start )) s"

du -sh "dist/$name" "$archive"
echo "Check it: scripts/desktop-session.sh env QT_QPA_PLATFORM=offscreen $py packaging/check_bundle.py"
