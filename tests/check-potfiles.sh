#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with a translatable string is listed in po/POTFILES.in,
# and every listed file exists.  Run from the source root.
set -u
fail=0
for f in $(grep -lE '\b(N_|_|C_|ngettext)\(' src/*.c src/*/*.c src/*/*/*.c) $(grep -l 'translatable="yes"' ui/*.ui); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    fail=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "po/POTFILES.in is complete"
exit "$fail"
