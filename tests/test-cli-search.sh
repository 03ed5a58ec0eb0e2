#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `limber --search`, run as a script would: ID<TAB>NAME lines, best first.
#   sh tests/test-cli-search.sh path/to/limber     (prints TAP)
set -u
limber=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
n=0
fail=0
tab=$(printf '\t')

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "# got:    $2"; echo "# wanted: $3"; fi; }
first_id() { "$limber" --search "$1" --limit 1 | cut -f1; }

# The first result of what people type.
check "knee: a knee stretch first" "$(first_id knee)" "popliteus-seated"
check "an exact name first" "$(first_id 'standing hip flexor release')" "iliopsoas-standing"
check "piriformus: a typo forgiven" "$(first_id piriformus | cut -d- -f1)" "piriformis"
check "hammies: hamstrings" "$(first_id hammies | cut -d- -f1)" "hamstrings"
check "isquios: Spanish" "$(first_id isquios | cut -d- -f1)" "hamstrings"
check "dolor de rodilla: a knee symptom" "$(first_id 'dolor de rodilla')" "$(first_id 'knee pain')"

# Every line is ID<TAB>NAME; --limit caps them; --language names them.
out=$("$limber" --search calf)
bad=$(printf '%s\n' "$out" | grep -cv "^[a-z0-9-]*$tab[^$tab]*\$")
check "lines are ID<TAB>NAME" "$bad" "0"
check "--limit 2 prints two lines" "$("$limber" --search calf --limit 2 | wc -l | tr -d ' ')" "2"
check "--limit 0 prints them all" "$("$limber" --search calf --limit 0 | wc -l | tr -d ' ')" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')"
check "--language es prints Spanish names" \
  "$("$limber" --search 'Seated back-of-knee release' --limit 1 --language es | cut -f2)" \
  "$(grep -h -A1 '<name>Seated back-of-knee release</name>' "$here"/../data/catalog/*.xml | sed -n 's/.*<name xml:lang="es">\(.*\)<\/name>.*/\1/p')"

# Nothing found: exit 1, no output.  A wrong --limit: exit 2.
out=$("$limber" --search zzzqqqxx 2>&1); rc=$?
check "nothing found exits 1 and prints nothing" "$rc:$out" "1:"
"$limber" --search knee --limit -3 >/dev/null 2>&1; rc=$?
check "--limit -3 exits 2" "$rc" "2"

# A clinic folder's vocabulary.txt adds its own words.
check "--catalog folder with its words" \
  "$("$limber" --search lats --limit 1 --catalog "$here/files/catalog/search/clinic" | cut -f1)" "clinic-lat-release"

# No catalog at all (a run from the build tree without LIMBER_DATA_DIR):
# not silence but a message naming where it looked and what to set.
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
nocat() { env LIMBER_DATA_DIR="$empty/data" XDG_DATA_HOME="$empty/xdg" "$limber" "$@"; }
out=$(nocat --search knee 2>"$empty/err"); rc=$?
check "no catalog: --search exits 1, stdout empty" "$rc:$out" "1:"
check "no catalog: --search says so, naming the folder" \
  "$(grep -c "no catalog found: .*$empty/data/catalog" "$empty/err")" "1"
check "no catalog: --search says what to set" "$(grep -c 'LIMBER_DATA_DIR' "$empty/err")" "1"
nocat --contact-sheet "$empty/sheet.pdf" 2>"$empty/err"; rc=$?
check "no catalog: --contact-sheet exits 1, writes no PDF" "$rc:$(ls "$empty" | grep -c pdf)" "1:0"
check "no catalog: --contact-sheet says so" "$(grep -c 'no catalog found' "$empty/err")" "1"

echo "1..$n"
exit "$fail"
