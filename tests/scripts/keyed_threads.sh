#!/bin/sh
# keyed_threads.sh - the outputs of sharded runs do not depend on the number of threads:
#  - `ag-extract -j N --emit-keyed` writes the same bytes for every N and every run. A
#    worker's multisets (an actor's names, forms, roles) fill in the order it met them, so
#    a Zipf feed, whose actors are named differently across articles, showed a different
#    order per run before the writer put them in the graph's order;
#  - `ag-merge -j N` of the feed's shards writes the bytes of -j 1 and of one ag-extract
#    run, and fails with the same message. 6 MB in three shards give over 4 MiB of keyed
#    records, from which the threads read (each its keys, merge.c), and about 11,000
#    links, above the 8,192 records from which the JSON writer formats on several
#    threads (json_write.c), so its chunks, their order and the last short chunk are
#    compared; the resolution makes the links' evidence and folds them on a thread of
#    its own beside the nodes (extract_resolve.c), with --met-only and --no-variants too.
# Usage: keyed_threads.sh BIN_DIR
set -u
bin=$(cd "$1" && pwd) || exit 1
src=${AG_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
export PATH="$bin:$PATH" LC_ALL=C
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || { echo "skipped: python3 is absent"; exit 77; }

python3 "$src/bench/gen-news.py" --zipf "$tmp/feed.jsonl" --mb 6 >/dev/null || exit 1
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
bytes=$(cat "$tmp"/shard0?.keyed | wc -c)
[ "$bytes" -ge 4194304 ] || { echo "FAIL: $bytes bytes of records, too few for the readers"; exit 1; }
for j in 1 2 3; do
    ag-merge -j $j -o "$tmp/j$j.json" "$tmp"/shard0?.keyed || exit 1
    if ! cmp -s "$tmp/single.json" "$tmp/j$j.json"; then
        echo "FAIL: ag-merge -j $j differs from one ag-extract run:"
        diff "$tmp/single.json" "$tmp/j$j.json" | head -6
        exit 1
    fi
done
# The resolution's threads (extract_resolve.c) with the options that drop links or keep
# variants apart: the same bytes as one thread.
for opt in --met-only --no-variants; do
    ag-merge -j 1 $opt -o "$tmp/o1.json" "$tmp"/shard0?.keyed &&
        ag-merge -j 2 $opt -o "$tmp/o2.json" "$tmp"/shard0?.keyed || exit 1
    cmp -s "$tmp/o1.json" "$tmp/o2.json" || { echo "FAIL: ag-merge -j 2 $opt differs"; exit 1; }
done
# stdin to stdout, and --emit-keyed, with -j 2
cat "$tmp"/shard0?.keyed | ag-merge -j 2 | cmp -s - "$tmp/single.json" ||
    { echo "FAIL: ag-merge -j 2 from stdin to stdout differs"; exit 1; }
ag-merge -j 1 --emit-keyed -o "$tmp/k1" "$tmp"/shard0?.keyed &&
    ag-merge -j 2 --emit-keyed -o "$tmp/k2" "$tmp"/shard0?.keyed || exit 1
cmp -s "$tmp/k1" "$tmp/k2" || { echo "FAIL: ag-merge -j 2 --emit-keyed differs"; exit 1; }
# A bad record in the last shard, and a shard given twice: one thread reads again and
# names the record it always named.
cp "$tmp/shard02.keyed" "$tmp/bad.keyed" && printf 'L|x\tnot a record\n' >>"$tmp/bad.keyed"
for set in "shard00.keyed shard01.keyed bad.keyed" "shard00.keyed shard01.keyed shard00.keyed"; do
    for j in 1 2; do
        # shellcheck disable=SC2086 # the set is file names
        (cd "$tmp" && ag-merge -j $j -o "$tmp/out.json" $set 2>"$tmp/err$j")
        echo "exit $?" >>"$tmp/err$j"
    done
    if ! cmp -s "$tmp/err1" "$tmp/err2" || ! grep -q 'exit 1' "$tmp/err2"; then
        echo "FAIL: ag-merge -j 2 fails otherwise than -j 1 on $set:"
        cat "$tmp/err1" "$tmp/err2"
        exit 1
    fi
done
echo "ag-merge -j 1, 2 and 3 identical to one ag-extract run ($links links, $bytes bytes of records)"
