#!/usr/bin/env bash
# CI on Linux: build the bundle, then check it (sizes, libraries, its own
# --self-test) inside a private D-Bus session with an unlocked gnome-keyring,
# so the bundled keyring code reaches a real Secret Service. Qt draws
# offscreen: no display needed. Then smoke_bundle.py starts the bundle on its
# own Xvfb with a tray host and has it bring mail from loopback fakes.
#
#   packaging/selftest-ci.sh            (needs scripts/system-deps.sh's packages)
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/build.sh
VENV=${VENV:-.venv}
exec scripts/desktop-session.sh env QT_QPA_PLATFORM=offscreen bash -c \
  '"$0" packaging/check_bundle.py "$@" && "$0" packaging/smoke_bundle.py' "$VENV/bin/python" "$@"
