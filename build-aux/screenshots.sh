#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots the AppStream metainfo shows (data/screenshots/):
# the main window on the example program data/examples/tight-hips.limber,
# its handout preview and the examination dialog.  Builds first if
# needed, then runs Limber's window code (tests/limber-screenshots.c)
# under Xvfb with its own D-Bus session, settings in memory and empty,
# temporary XDG folders, so nothing of the developer's shows.  GTK draws
# each window into a PNG itself, so no screen grabber is needed.
#
# Usage: build-aux/screenshots.sh [BUILD_DIR]   (default: _build)
# Needs: meson, xvfb-run (xvfb), dbus-run-session (dbus); installs
# xvfb and dbus with apt-get when they are missing and it may.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-_build}
case "$build" in /*) ;; *) build="$src/$build" ;; esac
out="$src/data/screenshots"

missing=""
command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb xauth"
command -v dbus-run-session >/dev/null 2>&1 || missing="$missing dbus"
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y $missing
  else
    echo "screenshots.sh: install$missing first" >&2
    exit 1
  fi
fi

[ -d "$build" ] || meson setup "$build" "$src"
meson compile -C "$build"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$out" "$tmp/data" "$tmp/config" "$tmp/state" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"

env LIMBER_SCREENSHOT="$out" \
    LIMBER_DATA_DIR="$src/data" \
    GSETTINGS_SCHEMA_DIR="$build/data" \
    GSETTINGS_BACKEND=memory \
    XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    LANGUAGE=en LC_ALL=C.UTF-8 \
    NO_AT_BRIDGE=1 GTK_A11Y=none GDK_BACKEND=x11 \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1920x1200x24" \
    "$build/tests/limber-screenshots"

for png in main-window handout-preview exam-dialog; do
  [ -s "$out/$png.png" ] || { echo "screenshots.sh: $out/$png.png was not written" >&2; exit 1; }
  echo "$out/$png.png"
done
