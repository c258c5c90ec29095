#!/usr/bin/env bash
# Install Tempmail Desktop for the current user on Linux: the program, its
# menu entry and its icons. No root needed; nothing outside your home changes.
#
#   ./install.sh                from an unpacked bundle (tempmail-desktop-<version>-linux-x86_64.tar.xz):
#                               copies the bundle to ~/.local/share/tempmail-desktop/app/
#   resources/linux/install.sh  from a source checkout, after `pip install .`: the menu
#                               entry runs the `tempmail-desktop` found on PATH
#
# Options:
#   --autostart     also start the app (in the tray) when you log in
#   --no-autostart  stop starting it at login (the rest stays installed)
#   --uninstall     remove what this script installed; your mail, settings and
#                   keys are kept (see the end of the output for where they are)
#
# The program goes into app/ under the data folder, not the data folder itself:
# ~/.local/share/tempmail-desktop/ is also where the app keeps its database,
# so updating or removing the program never touches your mail.
set -euo pipefail

APP_NAME=tempmail-desktop
APP_ID=io.github.tempmail_desktop

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
install_dir=$data_home/$APP_NAME/app
applications_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor
metainfo_dir=$data_home/metainfo
autostart_dir=$config_home/autostart
desktop_name=$APP_ID.desktop

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# --- where the files to install come from -----------------------------------

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -x "$here/$APP_NAME" ] && [ -d "$here/_internal" ] && [ -d "$here/share" ]; then
  mode=bundle
  desktop_src=$here/share/applications/$desktop_name
  metainfo_src=$here/share/metainfo/$APP_ID.metainfo.xml
  icons_src=$here/share/icons/hicolor
elif [ -f "$here/$desktop_name" ] && [ -d "$here/../icons/hicolor" ]; then
  mode=source
  desktop_src=$here/$desktop_name
  metainfo_src=$here/$APP_ID.metainfo.xml
  icons_src=$(cd "$here/../icons/hicolor" && pwd)
else
  die "run me from an unpacked bundle or from resources/linux/ in a source checkout"
fi

# --- helpers ----------------------------------------------------------------

# A path as one argument of a desktop entry's Exec key: always quoted, with
# the characters the spec reserves escaped. Backslashes are escaped twice
# (quoting, then the string-value rules), and % is doubled (field codes).
desktop_exec_arg() {
  local escaped
  escaped=$(printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
  printf '"%s"' "$escaped"
}

# Copy the desktop entry, replacing its Exec line (and adding a line for autostart).
write_desktop_entry() {  # source, destination, exec value, extra line or ""
  local line tmp
  mkdir -p "$(dirname "$2")"
  tmp=$(mktemp "$2.XXXXXX")
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      Exec=*) printf 'Exec=%s\n' "$3" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$1" >"$tmp"
  [ -n "$4" ] && printf '%s\n' "$4" >>"$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$2"
}

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$applications_dir" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons_dir/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons_dir" 2>/dev/null || true
  fi
  # Without an index.theme the user's hicolor folder has no cache to refresh:
  # desktops read it directly.
}

enable_autostart() {
  local exec_value=$1
  write_desktop_entry "$desktop_src" "$autostart_dir/$desktop_name" "$exec_value --hidden" \
    "X-GNOME-Autostart-enabled=true"
  say "Starts at login (in the tray): $autostart_dir/$desktop_name"
}

# --- actions ----------------------------------------------------------------

do_uninstall() {
  local file size_dir icon removed=0
  for file in "$applications_dir/$desktop_name" "$autostart_dir/$desktop_name" \
              "$metainfo_dir/$APP_ID.metainfo.xml"; do
    if [ -e "$file" ]; then rm -f "$file"; say "removed $file"; removed=1; fi
  done
  for size_dir in "$icons_dir"/*/apps; do
    for icon in "$size_dir/$APP_ID.png" "$size_dir/$APP_ID.svg"; do
      if [ -e "$icon" ]; then rm -f "$icon"; removed=1; fi
    done
  done
  # Only a folder that holds our program: never the data folder around it.
  if [ -x "$install_dir/$APP_NAME" ] && [ -d "$install_dir/_internal" ]; then
    rm -rf "$install_dir"
    say "removed $install_dir"
    removed=1
  fi
  refresh_caches
  if [ "$removed" = 0 ]; then say "Nothing of $APP_NAME was installed for this user."; fi
  say "Your mail and settings were kept (delete them yourself if you want them gone):"
  say "  $data_home/$APP_NAME  ${XDG_CONFIG_HOME:-$HOME/.config}/$APP_NAME  ${XDG_STATE_HOME:-$HOME/.local/state}/$APP_NAME"
  say "API keys stay in your keyring under the service name \"$APP_NAME\"."
}

do_install() {
  local autostart=$1 program exec_value size_dir
  if [ "$mode" = bundle ]; then
    # Copy beside the old version, then swap: a running copy keeps working,
    # and a failed copy leaves the old one in place.
    mkdir -p "$(dirname "$install_dir")"
    local staging
    staging=$(mktemp -d "$install_dir.new.XXXXXX")
    cp -a "$here/." "$staging/"
    chmod 755 "$staging"
    if [ -e "$install_dir" ]; then
      mv "$install_dir" "$install_dir.old.$$"
    fi
    mv "$staging" "$install_dir"
    rm -rf "$install_dir.old.$$"
    program=$install_dir/$APP_NAME
    say "Installed the program in $install_dir"
  else
    program=$(command -v "$APP_NAME" || true)
    [ -n "$program" ] || die "'$APP_NAME' is not on PATH: install the package first (pip install .), or use a bundle"
    program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
    say "Using $program"
  fi
  exec_value=$(desktop_exec_arg "$program")

  write_desktop_entry "$desktop_src" "$applications_dir/$desktop_name" "$exec_value" ""
  say "Menu entry: $applications_dir/$desktop_name"

  for size_dir in "$icons_src"/*; do
    [ -d "$size_dir/apps" ] || continue
    mkdir -p "$icons_dir/$(basename "$size_dir")/apps"
    cp -f "$size_dir/apps/"* "$icons_dir/$(basename "$size_dir")/apps/"
  done
  say "Icons: $icons_dir/<size>/apps/$APP_ID.png"

  if [ -f "$metainfo_src" ]; then
    mkdir -p "$metainfo_dir"
    cp -f "$metainfo_src" "$metainfo_dir/"
  fi

  case $autostart in
    yes) enable_autostart "$exec_value" ;;
    no) if [ -e "$autostart_dir/$desktop_name" ]; then rm -f "$autostart_dir/$desktop_name"; say "No longer starts at login."; fi ;;
    keep)
      # Re-installing (an update) keeps an existing autostart entry, pointed at the new program.
      if [ -e "$autostart_dir/$desktop_name" ]; then enable_autostart "$exec_value"; fi ;;
  esac
  refresh_caches
  say "Done. Find \"Tempmail Desktop\" in your applications menu."
}

action=install
autostart=keep
for arg in "$@"; do
  case $arg in
    --autostart) autostart=yes ;;
    --no-autostart) autostart=no ;;
    --uninstall) action=uninstall ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $arg" ;;
  esac
done

if [ "$action" = uninstall ]; then
  do_uninstall
else
  do_install "$autostart"
fi
