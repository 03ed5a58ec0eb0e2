#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs (with apt) whatever Limber needs that this Debian 12 machine lacks.
#   build-aux/deps.sh run     to build and run the app
#   build-aux/deps.sh test    to build and run every test (adds Xvfb, D-Bus…)
# Further package names after either are installed too (fuzz.sh: clang;
# valgrind.sh: valgrind).
set -eu

run_pkgs="meson ninja-build gcc pkg-config libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libxml2-dev libcairo2-dev
  libpango1.0-dev librsvg2-dev libgdk-pixbuf-2.0-dev zlib1g-dev gettext fonts-dejavu-core
  desktop-file-utils appstream shared-mime-info"
test_pkgs="xvfb xauth dbus-daemon dbus-x11 libxml2-utils poppler-utils
  libpoppler-glib-dev python3 python3-pyatspi at-spi2-core"

case "${1:-run}" in
  run) wanted=$run_pkgs ;;
  test) wanted="$run_pkgs $test_pkgs" ;;
  *) echo "usage: $0 run|test [PACKAGE…]" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift
wanted="$wanted $*"

missing=
for p in $wanted; do
  if ! dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=
elif command -v sudo >/dev/null 2>&1; then
  sudo=sudo
else
  echo "Please install as root:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt (say, a second build-aux script started beside this
# one) to let go of its lock, rather than failing at once.
lock="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
$sudo apt-get $lock update -q
# shellcheck disable=SC2086
$sudo apt-get $lock install -y -q --no-install-recommends $missing
