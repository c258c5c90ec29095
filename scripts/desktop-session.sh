#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked
# gnome-keyring (a real Secret Service), as a desktop login would provide.
# Used by the tests and the bundle self-test on machines with no desktop.
set -euo pipefail
if [ -z "${TEMPMAIL_IN_SESSION:-}" ] && command -v dbus-run-session >/dev/null; then
  export TEMPMAIL_IN_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
if command -v gnome-keyring-daemon >/dev/null && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/tempmail-runtime.XXXXXX)}"
  chmod 700 "$XDG_RUNTIME_DIR"
  # A throwaway login keyring in a private folder, created and unlocked with a
  # session password (an empty one creates no keyring): the user's own
  # keyrings are never touched, and nothing waits for a prompt.
  keyring_home="$(mktemp -d /tmp/tempmail-keyring.XXXXXX)"
  eval "$(printf 'tempmail-session-%s\n' "$$" | XDG_DATA_HOME="$keyring_home" \
    gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL
fi
exec "$@"
