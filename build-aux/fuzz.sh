#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (tests/fuzz, clang + AddressSanitizer, in
# _build-fuzz/) and runs each for a while; README: Fuzzing.
#   build-aux/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]
# TARGET: catalog, program, figure, handout, image, cache (all by default).  The corpus
# grows in _fuzz/corpus/TARGET across runs; crashes go to _fuzz/crashes/.
# Exits non-zero if any target crashed, leaked, timed out or ran out of
# memory.
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-catalog program figure handout image cache}

case $seconds in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS_PER_TARGET] [TARGET…]" >&2; exit 2 ;;
esac

# What building needs, and clang's libFuzzer.
build-aux/deps.sh run clang libclang-rt-14-dev python3

builddir=_build-fuzz
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address -Db_lundef=false
fi
exes=
for t in $targets; do
  t=${t#fuzz-}
  exes="$exes fuzz-$t"
done
# Only the fuzzers (and the instrumented core): not the app or the tests.
# shellcheck disable=SC2086
meson compile -C "$builddir" $exes

work=_fuzz
mkdir -p "$work/corpus" "$work/crashes" "$work/logs" "$work/tmp"
# Keep it all out of git, as meson does for its build folders.
[ -f "$work/.gitignore" ] || echo '*' >"$work/.gitignore"
# Seeds of this run only: two runs (of different targets) may go side by side.
seeds="$work/seeds.$$"
rm -rf "$seeds"
trap 'rm -rf "$seeds"' EXIT
python3 tests/fuzz/make-seeds.py . "$seeds"

# fontconfig's caches are not leaks of ours (tests/fuzz/lsan.supp); the
# catalog target's temporary files go in the work folder.
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0"
export TMPDIR="$PWD/$work/tmp"

failed=0
summary=
for t in $targets; do
  t=${t#fuzz-}
  corpus="$work/corpus/$t"
  log="$work/logs/$t.log"
  mkdir -p "$corpus"
  before=$(find "$corpus" -type f | wc -l)
  rm -f "$work/crashes/$t-"*

  echo "== fuzz-$t: $seconds s"
  set +e
  # New inputs go to the first folder; the seeds are only read.  Inputs
  # stay under 16 kB (a whole catalog, 60 kB, runs 50 times slower than
  # one exercise, for the same code).
  "$builddir/tests/fuzz/fuzz-$t" -max_total_time="$seconds" \
    -dict=tests/fuzz/xml.dict -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
    -artifact_prefix="$work/crashes/$t-" -print_final_stats=1 \
    "$corpus" "$seeds/$t" >"$log" 2>&1
  status=$?
  set -e

  after=$(find "$corpus" -type f | wc -l)
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  final=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
  cov=$(echo "$final" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$final" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  crashes=$(find "$work/crashes" -type f -name "$t-*" | wc -l)
  line="fuzz-$t: ${runs:-?} executions (${speed:-?}/s), cov: ${cov:-?} ft: ${ft:-?}, corpus ${after} files (+$((after - before))), crashes: $crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    failed=1
    line="$line  FAILED (exit $status; $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)|GLib.*ERROR' "$log" | head -n 10
  fi
  echo "$line"
  summary="$summary$line
"
done

echo
printf '%s' "$summary"
if [ "$failed" -ne 0 ]; then
  echo "Crashes are in $work/crashes/: minimise with" \
       "$builddir/tests/fuzz/fuzz-TARGET -minimize_crash=1 -runs=10000 FILE," \
       "then keep them in tests/fuzz/crashers/TARGET/ (README: Fuzzing)."
fi
exit "$failed"
