#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzz-replay test: every kept crasher (tests/fuzz/crashers/TARGET/),
# the target's own seeds (tests/fuzz/seeds/TARGET/) and every test file
# (tests/files, data/examples) through each fuzz target once.  A crasher that crashes again fails the test.
#   replay.sh SOURCE_ROOT EXECUTABLE…
set -eu
root=$1
shift

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
for exe in "$@"; do
  name=$(basename "$exe")
  target=${name#fuzz-replay-}
  target=${target#fuzz-}
  dirs="$root/tests/files $root/data/examples"
  if [ -d "$root/tests/fuzz/crashers/$target" ]; then
    dirs="$root/tests/fuzz/crashers/$target $dirs"
  fi
  if [ -d "$root/tests/fuzz/seeds/$target" ]; then
    dirs="$root/tests/fuzz/seeds/$target $dirs"
  fi
  # find's exit status is the target's: non-zero if any run failed.
  # shellcheck disable=SC2086
  if find $dirs -type f ! -name '*.md' ! -name '*.sh' ! -name '*.py' \
       -exec "$exe" {} + >"$log" 2>&1; then
    echo "ok: $target"
  else
    echo "FAILED: $target (the last file named below crashed it)"
    tail -n 60 "$log"
    status=1
  fi
done
exit $status
