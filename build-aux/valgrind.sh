#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every core test under valgrind's memcheck and prints, per test,
# its errors and the bytes definitely lost; exits non-zero on any invalid
# read or write, use of uninitialised memory, bad free, or definite leak
# that tests/valgrind.supp does not explain (third-party caches only).
#   build-aux/valgrind.sh             all core tests, in _build-valgrind/
#   build-aux/valgrind.sh test-xml …  only these
# The debug build is set up on first use.  Logs, one per process (tests
# fork, and g_test_trap_subprocess() runs a test again, followed too):
# _build-valgrind/valgrind-logs/.  Takes about 4 minutes on 2 cores.
#
# test-faults kills 100 saves per writer normally; under valgrind a save
# takes about a second, so it kills LIMBER_FAULT_KILLS (default 10).
set -eu
cd "$(dirname "$0")/.."
root=$PWD

# As meson test's --wrapper: one test under valgrind, with its own logs.
if [ "${1:-}" = "--wrap" ]; then
  shift
  name=$(basename "$1")
  exec valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$root/tests/valgrind.supp" --trace-children=yes --num-callers=30 \
    --log-file="$LIMBER_VALGRIND_LOGS/$name.%p.log" "$@"
fi

# What building needs, and valgrind.
build-aux/deps.sh test valgrind

builddir=_build-valgrind
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dbuildtype=debug
fi
meson compile -C "$builddir"

core_tests="test-xml test-catalog test-catalog-cache test-search test-program test-program-edit test-figure
  test-exam-progress test-phrases test-handout test-custom test-faults"
if [ $# -gt 0 ]; then
  core_tests="$*"
fi
# test-handout is only built with poppler-glib: run what exists.
defined=$(meson test -C "$builddir" --no-rebuild --list 2>/dev/null | sed 's/^.* \/ //')
tests=
for t in $core_tests; do
  if printf '%s\n' "$defined" | grep -qx "$t"; then
    tests="$tests $t"
  else
    echo "$t: not built, skipped"
  fi
done

logs="$root/$builddir/valgrind-logs"
rm -rf "$logs"
mkdir -p "$logs"
export LIMBER_VALGRIND_LOGS="$logs"
# GLib's slice allocator hides blocks from valgrind; gc-friendly clears
# freed memory so that stale pointers do not keep leaks "reachable".
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export LIMBER_FAULT_KILLS="${LIMBER_FAULT_KILLS:-10}"

start=$(date +%s)
rm -f "$builddir"/meson-logs/valgrind*.json
set +e
# shellcheck disable=SC2086
meson test -C "$builddir" --no-rebuild --num-processes 2 --timeout-multiplier 10 \
  --logbase valgrind --wrapper "$root/build-aux/valgrind.sh --wrap" $tests
set -e
end=$(date +%s)

# shellcheck disable=SC2086
python3 - "$logs" "$builddir/meson-logs" $((end - start)) $tests <<'PYTHON'
import glob, json, os, re, sys

logs, meson_logs, seconds, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
results = {}
# With a wrapper, meson names its log valgrind-<wrapper>.json.
for path in glob.glob(os.path.join(meson_logs, "valgrind*.json")):
    with open(path) as f:
        for line in f:
            entry = json.loads(line)
            results[entry["name"].split(" / ")[-1]] = entry

# The first line of each report that memcheck counts as an error.
error_start = re.compile(r"^==\d+== (Invalid (read|write|free)|Conditional jump|Use of uninitialised|"
                         r"Syscall param|Mismatched free|Source and destination overlap|"
                         r"Jump to the invalid address|Argument '.*' of function)")
# "288 (256 direct, 32 indirect) bytes in 1 blocks are definitely lost"
# or "128 bytes in 1 blocks are definitely lost": the direct bytes count.
definite = re.compile(r"== ([\d,]+)(?: \(([\d,]+) direct)?[^\n]* bytes in [\d,]+ blocks are definitely lost")
failed = False
print()
print(f"{'test':<20} {'result':<8} {'time':>8} {'errors':>7} {'definitely lost':>16}  processes")
for name in names:
    errors = lost = processes = unfinished = 0
    shown = []
    for path in sorted(glob.glob(os.path.join(logs, name + ".*.log"))):
        processes += 1
        with open(path, errors="replace") as f:
            text = f.read()
        records = definite.findall(text)
        lost += sum(int((direct or total).replace(",", "")) for total, direct in records)
        summary = re.findall(r"ERROR SUMMARY: (\d+) errors", text)
        if summary:
            errors += int(summary[-1])
        else:
            # Killed by the test (kill -9), or its log cut short by a file
            # size limit the test set: count what it did report.
            unfinished += 1
            errors += len(records) + sum(1 for l in text.splitlines() if error_start.match(l))
        for block in re.split(r"\n==\d+== \n", text):
            if (error_start.search(block) or "definitely lost in loss record" in block) and len(shown) < 5:
                shown.append(f"--- {os.path.basename(path)}\n{block.strip()}")
    entry = results.get(name, {})
    result = entry.get("result", "NOT RUN")
    duration = entry.get("duration", 0)
    failed = failed or errors > 0 or lost > 0 or result != "OK"
    note = f" ({unfinished} without a summary: killed, or log cut by a file size limit)" if unfinished else ""
    print(f"{name:<20} {result:<8} {duration:>7.1f}s {errors:>7} {lost:>14} B  {processes}{note}")
    for block in shown:
        print(block)
print(f"\nvalgrind: {len(names)} tests in {seconds} s; logs in {logs}")
sys.exit(1 if failed else 0)
PYTHON
