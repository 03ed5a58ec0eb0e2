#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Limber and runs it from the build tree, on the bundled catalog
# and the sample tight-hips program.  Extra arguments go to limber.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
build-aux/deps.sh run
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
if [ "$#" -eq 0 ]; then
  set -- "$top/data/examples/tight-hips.limber"
fi
exec meson devenv -C _build "$top/_build/src/limber" "$@"
