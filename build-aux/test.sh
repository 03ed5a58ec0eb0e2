#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Limber and runs every test; GUI tests get a real X server (Xvfb)
# and a D-Bus session when there is no display.  Ends with one line:
# "N passed, N failed".
#   build-aux/test.sh              the normal build, in _build/
#   build-aux/test.sh --sanitize   AddressSanitizer + UBSan, in _build-asan/
set -eu
cd "$(dirname "$0")/.."
build-aux/deps.sh test

builddir=_build
setup_opts=
if [ "${1:-}" = "--sanitize" ]; then
  builddir=_build-asan
  setup_opts="-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug"
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=0"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
fi

if [ ! -f "$builddir/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$builddir" $setup_opts
fi
meson compile -C "$builddir"

rm -f "$builddir/meson-logs/testlog.json"
set +e
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  meson test -C "$builddir" --print-errorlogs --num-processes 2
else
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
    meson test -C "$builddir" --print-errorlogs --num-processes 2
fi
set -e
python3 build-aux/test-summary.py "$builddir/meson-logs/testlog.json"
