#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts meson's test results, one per TAP subtest, and prints
"N passed, N failed" as the last line; exits 1 if anything failed.

In CI (CI=true) a skipped GUI test counts as failed: it skipped for want
of a display and tested nothing.  Other skips (a read-only folder cannot
be tested as root) are reported as skipped."""
import json
import os
import re
import sys

in_ci = os.environ.get("CI", "") == "true"
passed = failed = skipped = 0
failures = []

log = sys.argv[1]
if not os.path.exists(log):
    print("no test log at %s: the tests did not run" % log)
    print("0 passed, 1 failed")
    sys.exit(1)

with open(log, encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)
        name, result = t["name"], t["result"]
        gui = ":gui " in name   # meson names a test "project:suite / test"
        out = t.get("stdout") or ""
        subtests = re.findall(r"^(ok|not ok)\b(.*)$", out, re.M) if t.get("protocol") == "tap" or "1.." in out else []
        if result == "SKIP" or (subtests and all("# SKIP" in r for _, r in subtests)):
            if in_ci and gui:
                failed += 1
                failures.append(name + " (skipped in CI)")
            else:
                skipped += 1
            continue
        if result not in ("OK", "EXPECTEDFAIL"):
            failures.append(name + " (" + result + ")")
        if subtests:
            for status, rest in subtests:
                if "# SKIP" in rest:
                    if in_ci and gui:
                        failed += 1
                        failures.append(name + rest + " (skipped in CI)")
                    else:
                        skipped += 1
                elif status == "ok":
                    passed += 1
                else:
                    failed += 1
            if result not in ("OK", "EXPECTEDFAIL") and not any(s == "not ok" for s, _ in subtests):
                failed += 1  # crashed or timed out after its last subtest
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1

for name in failures:
    print("FAILED: " + name)
summary = "%d passed, %d failed" % (passed, failed)
if skipped:
    summary += ", %d skipped" % skipped
print(summary)
sys.exit(1 if failed else 0)
