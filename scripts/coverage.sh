#!/bin/sh
# coverage.sh - line coverage of the library per folder (gcov), after running every test.
#
# Usage: scripts/coverage.sh [BUILD_DIR]   (default build-coverage)
# Configures an instrumented build (-DAG_COVERAGE=ON), runs ctest, and prints the share
# of executed lines for each libcore/ folder and for the whole library; exits 1 when the
# library is under 85%. CI runs it (scripts/ci-coverage.sh).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-coverage}
cmake -S "$top" -B "$build" -DAG_COVERAGE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
find "$build" -name '*.gcda' -delete
# Two tests cannot run instrumented: user nobody cannot write the counters
# (hardening/unreadable) and gcov's own symbols are exported (api_hygiene).
ctest --test-dir "$build" -j "$(nproc)" -E 'hardening__unreadable|script__api_hygiene' \
    >"$build/coverage-ctest.log" 2>&1 ||
    { tail -20 "$build/coverage-ctest.log"; exit 1; }
objdir=$build/CMakeFiles/ag_core_objects.dir
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
find "$objdir" -name '*.gcda' | while read -r gcda; do
    gcov -n -o "$(dirname "$gcda")" "$gcda" 2>/dev/null
done >gcov.txt
python3 - "$top" gcov.txt <<'PY'
import re, sys
top, path = sys.argv[1], sys.argv[2]
per = {}
cur = None
for line in open(path):
    m = re.match(r"File '(.*)'", line)
    if m:
        cur = m.group(1)
        continue
    m = re.match(r"Lines executed:([0-9.]+)% of (\d+)", line)
    if m and cur and cur.startswith(top + "/libcore/") and cur.endswith(".c"):
        folder = cur[len(top) + 1:].split("/")[1]
        done, total = per.get(folder, (0.0, 0))
        n = int(m.group(2))
        per[folder] = (done + float(m.group(1)) * n / 100.0, total + n)
        cur = None
all_done = sum(d for d, _ in per.values())
all_total = sum(t for _, t in per.values())
for folder in sorted(per):
    d, t = per[folder]
    print("libcore/%-10s %6.1f%% of %6d lines" % (folder + "/", 100 * d / t, t))
pct = 100 * all_done / all_total if all_total else 0
print("libcore            %6.1f%% of %6d lines" % (pct, all_total))
sys.exit(0 if pct >= 85 else 1)
PY
