#!/bin/sh
# keyed_threads.sh - the outputs of sharded runs do not depend on the number of threads:
#  - `ag-extract -j N --emit-keyed` writes the same bytes for every N and every run. A
#    worker's multisets (an actor's names, forms, roles) fill in the order it met them, so
#    a Zipf feed, whose actors are named differently across articles, showed a different
#    order per run before the writer put them in the graph's order;
#  - `ag-merge -j N` of the feed's shards writes the bytes of -j 1 and of one ag-extract
#    run. 5 MB in three shards give about 9,500 links, above the 8,192 records from which
#    the JSON writer formats on several threads (json_write.c), so its chunks, their order
#    and the last short chunk are all compared.
# Usage: keyed_threads.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH" LC_ALL=C
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "skipped: python3 is absent"; exit 77; }

python3 "$src/bench/gen-news.py" --zipf "$tmp/feed.jsonl" --mb 5 >/dev/null || exit 1
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

split -n l/3 -d "$tmp/feed.jsonl" "$tmp/shard" || exit 1
for s in "$tmp"/shard0?; do
    ag-extract -q --emit-keyed -o "$s.keyed" "$s" || exit 1
done
ag-extract -q -o "$tmp/single.json" "$tmp"/shard0? || exit 1
links=$(grep -c '"source": ' "$tmp/single.json")
[ "$links" -gt 8192 ] || { echo "FAIL: $links links, too few to start the writer's threads"; exit 1; }
for j in 1 2 3; do
    ag-merge -j $j -o "$tmp/j$j.json" "$tmp"/shard0?.keyed || exit 1
    if ! cmp -s "$tmp/single.json" "$tmp/j$j.json"; then
        echo "FAIL: ag-merge -j $j differs from one ag-extract run:"
        diff "$tmp/single.json" "$tmp/j$j.json" | head -6
        exit 1
    fi
done
# stdin to stdout, and --emit-keyed, with -j 2
cat "$tmp"/shard0?.keyed | ag-merge -j 2 | cmp -s - "$tmp/single.json" ||
    { echo "FAIL: ag-merge -j 2 from stdin to stdout differs"; exit 1; }
ag-merge -j 1 --emit-keyed -o "$tmp/k1" "$tmp"/shard0?.keyed &&
    ag-merge -j 2 --emit-keyed -o "$tmp/k2" "$tmp"/shard0?.keyed || exit 1
cmp -s "$tmp/k1" "$tmp/k2" || { echo "FAIL: ag-merge -j 2 --emit-keyed differs"; exit 1; }
echo "ag-merge -j 1, 2 and 3 identical to one ag-extract run ($links links)"
