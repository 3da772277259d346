#!/bin/sh
# keyed_threads.sh - keyed records do not depend on the number of threads: `ag-extract -j N
# --emit-keyed` writes the same bytes for every N and every run. A worker's multisets (an
# actor's names, forms, roles) fill in the order it met them, so a 3 MB Zipf feed, whose
# actors are named differently across articles, showed a different order per run before
# the writer put them in the graph's order.
# Usage: keyed_threads.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH" LC_ALL=C
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "skipped: python3 is absent"; exit 77; }

python3 "$src/bench/gen-news.py" --zipf "$tmp/feed.jsonl" --mb 3 >/dev/null || exit 1
ag-extract -q -j 1 --emit-keyed -o "$tmp/j1.keyed" "$tmp/feed.jsonl" || exit 1
for run in 2a 2b 3; do
    ag-extract -q -j "${run%[ab]}" --emit-keyed -o "$tmp/j$run.keyed" "$tmp/feed.jsonl" || exit 1
    if ! cmp -s "$tmp/j1.keyed" "$tmp/j$run.keyed"; then
        echo "FAIL: -j ${run%[ab]} --emit-keyed differs from -j 1:"
        diff "$tmp/j1.keyed" "$tmp/j$run.keyed" | head -6
        exit 1
    fi
done
echo "keyed records identical with -j 1, 2 (twice) and 3 ($(wc -l <"$tmp/j1.keyed") records)"
