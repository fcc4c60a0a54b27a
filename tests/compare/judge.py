#!/usr/bin/env python3
"""judge.py LABEL OUTPUT KNOWN - turns a comparison's output (wpdiff, or
import-samples.sh: "DIFF <case>" lines and a last line "N identical, M differ")
into test results, with the differences we know of and have not fixed yet
listed in KNOWN as "LABEL | case | reason" lines.

A known difference is reported loudly and counted as skipped; an unknown one
fails; a listed case that is now identical is reported so the list shrinks.
Prints "N passed, N failed, N skipped" last."""
import re
import sys

label, output, known_path = sys.argv[1:4]
known = {}
for line in open(known_path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    parts = [p.strip() for p in line.split("|", 2)]
    if len(parts) == 3 and parts[0] == label:
        known[parts[1]] = parts[2]

text = open(output, encoding="utf-8", errors="replace").read().splitlines()
summary = text[-1] if text else ""
m = re.search(r"(\d+) identical, (\d+) differ", summary)
if not m:
    print(f"{label}: no summary line; output ends with: {summary!r}")
    print("0 passed, 1 failed, 0 skipped")
    sys.exit(1)
identical, differ = int(m.group(1)), int(m.group(2))
differing = []
for line in text:
    d = re.match(r"DIFF (.+?)(?::\s.*)?$", line)
    if d:
        differing.append(d.group(1).strip())

failed = skipped = 0
for case in differing:
    if case in known:
        skipped += 1
        print(f"KNOWN {label}: {case}  ({known[case]})")
    else:
        failed += 1
        print(f"FAIL {label}: {case}")
if len(differing) < differ:  # differences the output did not name
    failed += differ - len(differing)
for case in known:
    if case not in differing:
        print(f"NOW IDENTICAL {label}: {case} - remove it from {known_path}")
print(f"{identical} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
