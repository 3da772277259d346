#!/bin/sh
# clang-format-check.sh - fail when a C file differs from what .clang-format makes of it.
#
# Usage: scripts/clang-format-check.sh   (from anywhere; checks the tracked *.c and *.h)
# Prints each file that needs formatting and the command that fixes them all; exits 1 if
# any does, 0 when all are formatted, 77 when clang-format is not installed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
if ! command -v clang-format >/dev/null 2>&1; then
    echo "clang-format-check: clang-format not found; skipped" >&2
    exit 77
fi
bad=0
for f in $(git ls-files '*.c' '*.h' 2>/dev/null || find libcore include tools tests scripts bench -name '*.[ch]'); do
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
        echo "needs formatting: $f"
        bad=1
    fi
done
if [ $bad -ne 0 ]; then
    echo "fix with: git ls-files '*.c' '*.h' | xargs clang-format -i" >&2
    exit 1
fi
echo "clang-format-check: every C file is formatted"
