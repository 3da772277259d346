#!/bin/sh
# merge-recipes.sh - the recipes of ag-merge(1), run as written on the examples: GNU
# parallel over shard directories, and a Hadoop-Streaming-shaped pipeline (mapper on
# stdin per split | sort | reducer | final merge). Both must equal one ag-extract run.
# Usage: merge-recipes.sh BIN_DIR. Skips (77) when GNU parallel is not installed.
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH" LC_ALL=C
command -v parallel >/dev/null || { echo "skipped: GNU parallel is absent"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
python3 "$src/bench/gen-news.py" "$src/examples/news" feed.jsonl --count 300 --vary || exit 1
ag-extract -q feed.jsonl >single.json || exit 1

# GNU parallel, one shard per directory, as many shards as jobs.
mkdir shards && split -n l/2 -d feed.jsonl shards/part
for f in shards/part*; do mkdir "$f.d" && mv "$f" "$f.d/feed.jsonl"; done
ls -d shards/* | parallel -j 2 'ag-extract -q --emit-keyed {} > {}.keyed' || exit 1
ag-merge shards/*.keyed >parallel.json || exit 1

# Streaming: each mapper reads its split on stdin; the shuffle is sort; two reducers
# each get the keys of their partition (here: by first letter of the key).
for f in shards/part*.d/feed.jsonl; do ag-extract -q --emit-keyed - <"$f"; done >mapped || exit 1
sort mapped | awk -F '\t' '{ print > ((substr($1, 3, 1) < "m") ? "r1.in" : "r2.in") }'
ag-merge --sorted r1.in >r1.out && ag-merge --sorted r2.in >r2.out || exit 1
cat r1.out r2.out | ag-merge >streaming.json || exit 1

status=0
for m in parallel streaming; do
    if cmp -s single.json $m.json; then echo "ok: $m recipe equals a single run"
    else echo "FAIL: $m recipe differs from a single run"; status=1; fi
done
exit $status
