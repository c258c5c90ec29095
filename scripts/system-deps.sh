#!/usr/bin/env bash
# System packages the app and its tests need on Debian/Ubuntu: an X server for
# headless runs (Xvfb), a tray host (trayer), D-Bus and a Secret Service
# (gnome-keyring), the X/GL libraries Qt's xcb plugin loads, CJK fonts for
# the Chinese UI, and strace (the hostile-mail tests watch which files Qt
# touches). Installs them when run as root with apt-get; otherwise says
# what is missing.
set -euo pipefail
packages=(
  xvfb xauth x11-utils trayer dbus dbus-x11 gnome-keyring libsecret-tools
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-noto-cjk
  imagemagick binutils strace
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Please install: ${missing[*]}" >&2
  echo "(for example: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
