#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks data/schemas/*.rng against the files in tests/files/ with xmllint.
#   sh tests/files/check-schemas.sh            (from the source root)
#
# Files with a DOCTYPE are NOT given to xmllint: "xmllint --relaxng"
# silently turns on --noent (entity substitution), so it would read the
# files their entities name. They are only checked to start with a DOCTYPE;
# the app refuses them before anything else (see README.md).
set -u
here=$(cd "$(dirname "$0")" && pwd)
schemas=$(cd "$here/../../data/schemas" && pwd)
fail=0

# Outcome expected from xmllint for each invalid file:
#   parse   not well-formed (xmllint exit 1)
#   schema  well-formed, refused by the schema (exit 3)
#   app     schema-valid (exit 0): only the app's own checks refuse it
#   doctype has a DOCTYPE: not run through xmllint (see above)
expected() {
  case "$1" in
    catalog/invalid/malformed.xml|catalog/invalid/empty.xml|\
    catalog/invalid/whitespace-only.xml|catalog/invalid/not-xml.xml|\
    catalog/invalid/invalid-utf8.xml|catalog/invalid/deep-nesting.xml|\
    program/invalid/malformed.limber|program/invalid/empty.limber)
      echo parse ;;
    */billion-laughs.*|*/quadratic-blowup.*|*/external-entity-*|\
    */external-dtd.*)
      echo doctype ;;
    catalog/invalid/duplicate-id.xml|catalog/invalid/image-*.xml|\
    catalog/invalid/name-wrong-language.xml|\
    program/invalid/image-huge-png.limber|\
    program/invalid/image-svg-external.limber|\
    program/invalid/image-not-an-image.limber)
      echo app ;;
    *)
      echo schema ;;
  esac
}

check() { # kind file expected-outcome
  if [ "$3" = doctype ]; then
    if head -c 200 "$here/$2" | grep -q '<!DOCTYPE'; then
      echo "ok   $2 (DOCTYPE, not given to xmllint)"
    else
      echo "FAIL $2: expected a DOCTYPE"; fail=1
    fi
    return
  fi
  xmllint --nonet --noout --relaxng "$schemas/$1.rng" "$here/$2" \
    >/dev/null 2>&1
  rc=$?
  case "$3:$rc" in
    valid:0|app:0|schema:3|parse:1) echo "ok   $2 ($3)" ;;
    *) echo "FAIL $2: expected $3, xmllint exit $rc"; fail=1 ;;
  esac
}

cd "$here" || exit 1
for kind in catalog program; do
  for f in $kind/valid/*.xml $kind/valid/*.limber; do
    [ -e "$f" ] && check "$kind" "$f" valid
  done
  for f in $kind/invalid/*; do
    check "$kind" "$f" "$(expected "$f")"
  done
done

# The definitions shared by both schemas must stay identical.
shared() {
  sed -n '/SHARED with/,/End of the SHARED part/p' "$schemas/$1" | sed 1d
}
if [ "$(shared catalog.rng)" = "$(shared program.rng)" ]; then
  echo "ok   shared definitions identical in catalog.rng and program.rng"
else
  echo "FAIL shared definitions differ between catalog.rng and program.rng"
  fail=1
fi

exit $fail
