#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs test-accessibility.py in a D-Bus session of its own (the
# accessibility bus it starts must not be shared with another test), with
# a Python that has pyatspi.  No display at all is the one reason to skip:
# a GUI test skipped in CI would hide a failure.
#   sh tests/test-accessibility.sh path/to/limber path/to/program.limber
set -u
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "SKIP: no display"
  exit 77
fi

# The Debian package is for the system's python3, which a python3 earlier
# in PATH (a virtualenv, pyenv) may not see.
python=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pyatspi' >/dev/null 2>&1; then
    python=$p
    break
  fi
done
if [ -z "$python" ]; then
  echo "FAIL: no python3 with pyatspi (build-aux/deps.sh test installs python3-pyatspi)"
  exit 1
fi
if ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "FAIL: no dbus-run-session (build-aux/deps.sh test installs dbus-daemon)"
  exit 1
fi

exec dbus-run-session -- "$python" "$here/test-accessibility.py" "$@"
