#!/bin/sh
# merge-bench.sh - sharded extraction with GNU parallel + ag-merge against one ag-extract
# run (issue 7 targets).
#
# Usage: bench/merge-bench.sh [BIN_DIR] [SIZE_MB] [SHARDS] [PARTS] [LINKS]
#   SIZE_MB  corpus size (default 200; the target is stated for 1024)
#   SHARDS   shards of the corpus (default 8)
#   PARTS, LINKS  reducer memory test: PARTS keyed files of LINKS pair records each
#            (default 100 x 100000, the target; drawn from 400k possible pairs)
# Prints:
#   wall ratio  = (parallel -j 2 ag-extract --emit-keyed per shard + ag-merge) / (ag-extract -j 1)
#                 target <= 0.6, and whether the merged graph equals the single run
#   peak RSS of ag-merge on PARTS x LINKS records, and of `sort | ag-merge --sorted`
#                 target < 1 GB
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin}
size_mb=${2:-200}
shards=${3:-8}
parts=${4:-100}
links=${5:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C PATH="$bin:$PATH"
command -v parallel >/dev/null || { echo "GNU parallel is not installed"; exit 77; }

python3 "$here/bench/gen-news.py" "$here/examples/news" "$tmp/corpus.jsonl" --mb "$size_mb"
mkdir "$tmp/shards"
split -n "l/$shards" -d "$tmp/corpus.jsonl" "$tmp/shards/s"
for f in "$tmp"/shards/s*; do mv "$f" "$f.jsonl"; done
echo "corpus: $size_mb MB in $shards shards"

run() { # run a command; append "wall cpu" seconds to $tmp/times
    /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null
    awk '{ print $1, $2 + $3 }' "$tmp/t" >>"$tmp/times"
}
: >"$tmp/times"
run ag-extract -q -j 1 -o "$tmp/single.json" "$tmp/corpus.jsonl"
run parallel -j 2 'ag-extract -q --emit-keyed {} > {}.keyed' ::: "$tmp"/shards/*.jsonl
run ag-merge -o "$tmp/merged.json" "$tmp"/shards/*.keyed
cmp -s "$tmp/single.json" "$tmp/merged.json" && same=identical || same=DIFFERENT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall-clock ratios need an otherwise idle machine)"
awk -v same="$same" '{ w[NR] = $1; c[NR] = $2 } END {
    printf "ag-extract -j 1:                     %6.2f s wall, %6.2f s CPU\n", w[1], c[1]
    printf "parallel -j 2 shards + ag-merge:     %6.2f s wall, %6.2f s CPU\n", w[2] + w[3], c[2] + c[3]
    printf "wall ratio sharded / single:         %6.2f (target <= 0.6)\n", (w[2] + w[3]) / w[1]
    printf "CPU ratio sharded / single:          %6.2f (the sharding overhead)\n", (c[2] + c[3]) / c[1]
    printf "merged graph vs single run:          %s\n", same
}' "$tmp/times"

# Reducer memory: PARTS keyed files of LINKS pair records over a shared pool of pairs.
python3 - "$tmp/parts" "$parts" "$links" <<'PY'
import json, os, random, sys
d, parts, links = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(d)
rng = random.Random(1)
actors = ["actor %05d" % i for i in range(900)]          # ~400k possible pairs
for p in range(parts):
    with open(os.path.join(d, "part-%03d" % p), "w") as out:
        out.write('D|-\t{"documents":1000,"evidence":3}\n')
        for a in actors[p % 9::9]:
            out.write('A|%s\t{"m":2,"d":1,"t":[0,2,0,0,0],"names":[["%s",2]],"forms":[["%s",2]],'
                      '"roles":[],"countries":[]}\n' % (a, a.title(), a.title()))
        for i in range(links):
            x, y = sorted(rng.sample(actors, 2))
            out.write('L|%s|%s\t{"w":1,"d":1,"met":0,"ev":[["doc%d-%d",%d,"%s and %s met."]],"mev":[]}\n'
                      % (x, y, p, i, i * 7, x, y))
PY
mem() { /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null; echo $(( $(cat "$tmp/rss") / 1024 )); }
m1=$(mem ag-merge -o "$tmp/big.json" "$tmp"/parts/part-*)
sort -m -o "$tmp/sorted" "$tmp"/parts/part-* 2>/dev/null || cat "$tmp"/parts/part-* | sort -o "$tmp/sorted"
cat "$tmp"/parts/part-* | sort -o "$tmp/sorted"
m2=$(mem ag-merge --sorted -o "$tmp/reduced" "$tmp/sorted")
echo "ag-merge of $parts x $links pair records: peak RSS $m1 MB (target < 1024 MB)"
echo "ag-merge --sorted (streaming reducer):    peak RSS $m2 MB"
