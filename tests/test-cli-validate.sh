#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `limber --validate`, run as a user would: exit codes and FILE:LINE output.
#   sh tests/test-cli-validate.sh path/to/limber     (prints TAP)
set -u
limber=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$here/../data" && pwd)
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

# The bundled catalog and sample program are valid.
if out=$("$limber" --validate "$data"/catalog/*.xml "$data"/examples/*.limber 2>&1); then
  ok "bundled catalog and examples are valid"
else
  not_ok "bundled catalog and examples are valid"; echo "$out" | sed 's/^/# /'
fi

for f in "$here"/files/catalog/valid/*.xml "$here"/files/program/valid/*.limber; do
  if out=$("$limber" --validate --catalog "$here/files/catalog/valid/minimal.xml" "$f" 2>&1); then
    ok "valid: ${f#$here/}"
  else
    not_ok "valid: ${f#$here/}"; echo "$out" | sed 's/^/# /'
  fi
done

# Each invalid file: exit 1, and the first line names the file and the
# line its "expect" comment gives.
for f in "$here"/files/catalog/invalid/*.xml "$here"/files/program/invalid/*.limber; do
  out=$("$limber" --validate "$f" 2>&1)
  rc=$?
  line=$(sed -n '2s/.*expect: \([0-9]*\):.*/\1/p' "$f" 2>/dev/null | head -n 1)
  [ -n "$line" ] || line=1
  if [ "$rc" -eq 1 ] && echo "$out" | grep -q "^$f:$line: "; then
    ok "invalid: ${f#$here/} at line $line"
  else
    not_ok "invalid: ${f#$here/} at line $line (exit $rc)"; echo "$out" | head -n 5 | sed 's/^/# /'
  fi
done

# No file at all is a usage error, not success.
if "$limber" --validate >/dev/null 2>&1; then
  not_ok "no file is an error"
else
  ok "no file is an error"
fi

echo "1..$n"
exit $fail
